// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/filescrub.h"

#include "bundle/bundlewriter.h"
#include "collect/gzipreader.h"

#include <QFile>
#include <QFileInfo>

#include <memory>

namespace supportzip::core::pipeline {
namespace {

Error describeOpenFailure(const QString& path, const QString& why) {
    if (!QFileInfo::exists(path)) {
        return Error{ErrorCode::NotFound,
                     QStringLiteral("the file vanished before it could be read"), path};
    }
    return Error{ErrorCode::ReadFailed, QStringLiteral("cannot open: %1").arg(why), path};
}

// Positions a plain file so that only its newest maxFileSize bytes are read, starting on a line.
bool seekToNewestPart(QFile& in, qint64 size, qint64 maxFileSize) {
    if (maxFileSize <= 0 || size <= maxFileSize) {
        return false;
    }
    in.seek(size - maxFileSize);
    char c;
    while (in.getChar(&c) && c != '\n') {
    }
    return true;
}

// Bytes a device yields until its end (a gzip stream's uncompressed size); -1 on a read error.
qint64 countBytes(QIODevice& in) {
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    qint64 n;
    while ((n = in.read(buffer.data(), buffer.size())) > 0) {
        total += n;
    }
    return n < 0 ? -1 : total;
}

// Skips a gzip stream to its newest maxFileSize bytes, starting on a line; a gzip file cannot
// seek, so it is inflated once to learn its size and once more up to the cut.
bool skipToNewestPartOfGzip(QIODevice& in, const QString& path, qint64 maxFileSize) {
    collect::GzipReader counter(path);
    if (maxFileSize <= 0 || !counter.open(QIODevice::ReadOnly)) {
        return false;
    }
    const qint64 total = countBytes(counter);
    if (total <= maxFileSize) {
        return false;
    }
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 toSkip = total - maxFileSize;
    while (toSkip > 0) {
        const qint64 n = in.read(buffer.data(), std::min<qint64>(toSkip, buffer.size()));
        if (n <= 0) {
            return false;
        }
        toSkip -= n;
    }
    char c;
    while (in.getChar(&c) && c != '\n') {
    }
    return true;
}

} // namespace

Expected<StagedFile> scrubCollectedFileTo(const collect::CollectedFile& file,
                                          const scrub::ScrubEngine& engine, QIODevice* out,
                                          qint64 maxFileSize, const CancelToken* cancel,
                                          std::size_t recordCarriedStates) {
    StagedFile result;
    std::unique_ptr<QIODevice> in;
    qint64 readLimit = -1;
    if (file.gzip) {
        in = std::make_unique<collect::GzipReader>(file.sourcePath);
    } else {
        in = std::make_unique<QFile>(file.sourcePath);
    }
    if (!in->open(QIODevice::ReadOnly)) {
        return tl::unexpected(describeOpenFailure(file.sourcePath, in->errorString()));
    }
    if (file.gzip) {
        result.truncated = skipToNewestPartOfGzip(*in, file.sourcePath, maxFileSize);
    } else {
        auto* plain = static_cast<QFile*>(in.get());
        // A growing log is read up to its size when the inventory was taken: the size the plan
        // showed, and the same bytes for the learning and the scrubbing pass. A file that shrank
        // since (rotated by truncation), or one without an inventory size, up to its size now.
        qint64 sizeAtStart = plain->size();
        if (file.size > 0 && file.size < sizeAtStart) {
            sizeAtStart = file.size;
        }
        result.truncated = seekToNewestPart(*plain, sizeAtStart, maxFileSize);
        readLimit = sizeAtStart - plain->pos();
    }
    scrub::StreamScrubber scrubber(engine);
    scrubber.recordCarriedStates(recordCarriedStates);
    auto stats = scrubber.run(*in, out, readLimit, cancel);
    if (!stats) {
        Error e = stats.error();
        e.path = file.sourcePath;
        return tl::unexpected(e);
    }
    result.sizeBefore = stats->bytesIn;
    result.sizeAfter = stats->bytesOut;
    result.stats = std::move(*stats);
    return result;
}

Expected<StagedFile> scrubCollectedFile(const collect::CollectedFile& file,
                                        const scrub::ScrubEngine& engine, const QString& stagedPath,
                                        qint64 maxFileSize, const CancelToken* cancel) {
    std::unique_ptr<QFile> out;
    if (!stagedPath.isEmpty()) {
        out = std::make_unique<QFile>(stagedPath);
        if (!out->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return makeError(
                ErrorCode::WriteFailed,
                QStringLiteral("cannot write the staged copy: %1").arg(out->errorString()),
                stagedPath);
        }
    }
    auto result = scrubCollectedFileTo(file, engine, out.get(), maxFileSize, cancel);
    if (!result || !out) {
        return result;
    }
    if (!out->flush()) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot write the staged copy: %1").arg(out->errorString()),
                         stagedPath);
    }
    out->close();
    result->stagedPath = stagedPath;
    result->sha256 = bundle::sha256OfFile(stagedPath);
    return result;
}

ReadPlan planRead(const collect::CollectedFile& file, qint64 maxFileSize, qint64 segmentBytes) {
    ReadPlan plan;
    if (file.gzip || segmentBytes <= 0) {
        return plan;
    }
    QFile in(file.sourcePath);
    if (!in.open(QIODevice::ReadOnly)) {
        return plan; // the whole-file read reports why
    }
    // The same end as a whole-file read: the size at inventory time when the log grew since.
    qint64 sizeAtStart = in.size();
    if (file.size > 0 && file.size < sizeAtStart) {
        sizeAtStart = file.size;
    }
    const bool truncated = seekToNewestPart(in, sizeAtStart, maxFileSize);
    const qint64 begin = in.pos();
    if (sizeAtStart - begin < 2 * segmentBytes) {
        return plan;
    }
    // The whole-file read decides on a BOM (UTF-16 is transcoded) and on binary content from
    // the first bytes it reads; such files are not split.
    const QByteArray head = in.peek(64 * 1024);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF") || head.contains('\0')) {
        return plan;
    }
    // Cut after the first line end at or past every segmentBytes; each cut depends only on the
    // bytes, so the learning and the scrubbing pass cut alike.
    std::vector<qint64> cuts{begin};
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (qint64 target = begin + segmentBytes; target < sizeAtStart - segmentBytes / 2;) {
        if (!in.seek(target - 1)) {
            return plan;
        }
        qint64 cut = -1;
        qint64 pos = target - 1;
        while (cut < 0) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n <= 0) {
                break;
            }
            const qsizetype nl = QByteArrayView(buffer.constData(), n).indexOf('\n');
            if (nl >= 0) {
                cut = pos + nl + 1;
            }
            pos += n;
        }
        if (cut < 0 || cut >= sizeAtStart) {
            break;
        }
        cuts.push_back(cut);
        target = cut + segmentBytes;
    }
    if (cuts.size() < 2) {
        return plan;
    }
    cuts.push_back(sizeAtStart);
    plan.whole = false;
    plan.truncated = truncated;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        plan.segments.push_back({cuts[k], cuts[k + 1] - cuts[k]});
    }
    return plan;
}

Expected<SegmentOutcome> scrubSegment(const collect::CollectedFile& file,
                                      const FileSegment& segment, const scrub::ScrubEngine& engine,
                                      QIODevice* out,
                                      const scrub::StreamScrubber::SegmentStart& start,
                                      const CancelToken* cancel, std::size_t recordCarriedStates) {
    QFile in(file.sourcePath);
    if (!in.open(QIODevice::ReadOnly)) {
        return tl::unexpected(describeOpenFailure(file.sourcePath, in.errorString()));
    }
    if (!in.seek(segment.offset)) {
        return makeError(ErrorCode::ReadFailed, QStringLiteral("the file shrank while it was read"),
                         file.sourcePath);
    }
    scrub::StreamScrubber scrubber(engine);
    scrubber.recordCarriedStates(recordCarriedStates);
    auto stats = scrubber.runSegment(in, out, segment.length, start, cancel);
    if (!stats) {
        Error e = stats.error();
        e.path = file.sourcePath;
        return tl::unexpected(e);
    }
    return SegmentOutcome{std::move(*stats), scrubber.endState()};
}

} // namespace supportzip::core::pipeline
