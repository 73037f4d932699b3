// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/lineindex.h"

#include <QFile>
#include <QMutexLocker>

#include <cstring>

namespace supportzip::core::text {

namespace {

constexpr qint64 kBlockBytes = 1 << 20;
constexpr qint64 kReadBytes = 64 * 1024;

Error readError(const QString& path, const QFile& file) {
    return Error{ErrorCode::ReadFailed,
                 QStringLiteral("cannot read the file (%1); it may have been moved or deleted")
                     .arg(file.errorString()),
                 path};
}

} // namespace

LineIndex::LineIndex(QString path)
    : m_path(std::move(path)) {
    m_checkpoints.push_back(0);
}

Expected<void> LineIndex::build(const CancelToken* cancel,
                                const std::function<void(qint64, qint64)>& onProgress) {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied
                                                                       : ErrorCode::NotFound,
                         QStringLiteral("cannot open the file (%1)").arg(file.errorString()),
                         m_path);
    }
    const qint64 total = file.size();
    {
        QMutexLocker lock(&m_mutex);
        m_total = total;
    }
    QByteArray block(kBlockBytes, Qt::Uninitialized);
    qint64 offset = 0;
    qint64 lines = 0;
    std::vector<qint64> found; // checkpoints of this block, published under the lock
    while (offset < total) {
        if (cancel && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("indexing was cancelled"),
                             m_path);
        }
        const qint64 want = std::min(kBlockBytes, total - offset);
        const qint64 got = file.read(block.data(), want);
        if (got < 0) {
            return tl::unexpected(readError(m_path, file));
        }
        if (got == 0) {
            break; // the file shrank: index what was there
        }
        found.clear();
        const char* p = block.constData();
        const char* end = p + got;
        while (p < end) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (!nl) {
                break;
            }
            p = static_cast<const char*>(nl) + 1;
            ++lines;
            if (lines % kStride == 0) {
                found.push_back(offset + (p - block.constData()));
            }
        }
        offset += got;
        {
            QMutexLocker lock(&m_mutex);
            m_checkpoints.insert(m_checkpoints.end(), found.begin(), found.end());
            m_lines = lines;
            m_bytes = offset;
        }
        if (onProgress) {
            onProgress(lines, offset);
        }
    }
    QMutexLocker lock(&m_mutex);
    // The last line has no line break; a file ending in one has no extra empty line.
    if (offset > 0) {
        file.seek(offset - 1);
        char last = '\n';
        if (file.getChar(&last) && last != '\n') {
            ++m_lines;
        }
    }
    m_bytes = offset;
    m_complete = true;
    return {};
}

qint64 LineIndex::lineCount() const {
    QMutexLocker lock(&m_mutex);
    return m_lines;
}

qint64 LineIndex::indexedBytes() const {
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

qint64 LineIndex::totalBytes() const {
    QMutexLocker lock(&m_mutex);
    return m_total;
}

bool LineIndex::isComplete() const {
    QMutexLocker lock(&m_mutex);
    return m_complete;
}

Expected<QList<LineText>> LineIndex::readLines(qint64 first, qint64 count) const {
    qint64 start = 0;
    qint64 limit = 0;
    qint64 lines = 0;
    {
        QMutexLocker lock(&m_mutex);
        lines = m_lines;
        limit = m_bytes;
        if (first < 0 || first >= lines) {
            return QList<LineText>{};
        }
        start = m_checkpoints[static_cast<std::size_t>(first / kStride)];
    }
    count = std::min(count, lines - first);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(start)) {
        return tl::unexpected(readError(m_path, file));
    }
    QList<LineText> out;
    out.reserve(static_cast<qsizetype>(count));
    qint64 skip = first % kStride;
    LineText current;
    bool inLine = false;
    QByteArray buffer(kReadBytes, Qt::Uninitialized);
    qint64 offset = start;
    auto finishLine = [&]() {
        if (current.bytes.endsWith('\r')) {
            current.bytes.chop(1);
        }
        if (skip > 0) {
            --skip;
        } else {
            out.append(std::move(current));
        }
        current = LineText{};
        inLine = false;
    };
    while (out.size() < count && offset < limit) {
        const qint64 got = file.read(buffer.data(), std::min(kReadBytes, limit - offset));
        if (got <= 0) {
            return makeError(ErrorCode::ReadFailed,
                             QStringLiteral("the file is shorter than when it was indexed; "
                                            "reopen it to see its current content"),
                             m_path);
        }
        const char* p = buffer.constData();
        const char* end = p + got;
        while (p < end && out.size() < count) {
            const char* nl =
                static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            const char* stop = nl ? nl : end;
            if (skip == 0) {
                const qint64 room = kMaxLineBytes - current.bytes.size();
                const qint64 take = std::min<qint64>(room, stop - p);
                current.bytes.append(p, static_cast<qsizetype>(take));
                current.omittedBytes += (stop - p) - take;
            }
            inLine = true;
            p = stop;
            if (nl) {
                ++p;
                finishLine();
            }
        }
        offset += got;
    }
    if (inLine && out.size() < count) {
        finishLine(); // the last line of the file, without a line break
    }
    return out;
}

} // namespace supportzip::core::text
