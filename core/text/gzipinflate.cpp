// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/gzipinflate.h"

#include "collect/gzipreader.h"

#include <QFile>
#include <QFileInfo>

namespace supportzip::core::text {
namespace {

constexpr qint64 kChunk = 256 * 1024;

Expected<qint64> copyInflated(collect::GzipReader& in, QFile& out, qint64 compressedSize,
                              const CancelToken* cancel, ProgressThrottle& progress) {
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 written = 0;
    while (!in.atEnd()) {
        if (cancel != nullptr && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("decompression cancelled"));
        }
        const qint64 n = in.read(buffer.data(), kChunk);
        if (n < 0) {
            return makeError(ErrorCode::MalformedInput, in.errorString(), in.objectName());
        }
        if (out.write(buffer.constData(), n) != n) {
            return makeError(ErrorCode::WriteFailed, out.errorString(), out.fileName());
        }
        written += n;
        progress.report({QStringLiteral("inflate"), {}, in.compressedBytesRead(), compressedSize});
    }
    if (!out.flush()) {
        return makeError(ErrorCode::WriteFailed, out.errorString(), out.fileName());
    }
    return written;
}

} // namespace

Expected<qint64> inflateGzipToFile(const QString& gzipPath, const QString& outPath,
                                   const CancelToken* cancel, const ProgressCallback& progress) {
    const QFileInfo source(gzipPath);
    if (!source.isFile()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("the compressed log is gone"),
                         gzipPath);
    }
    collect::GzipReader in(gzipPath);
    in.setObjectName(gzipPath); // names the file in a corrupt-data error
    if (!in.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ReadFailed, in.errorString(), gzipPath);
    }
    QFile out(outPath);
    QFile::remove(outPath);
    if (!out.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return makeError(ErrorCode::WriteFailed, out.errorString(), outPath);
    }
    ProgressThrottle throttle(progress);
    auto result = copyInflated(in, out, source.size(), cancel, throttle);
    out.close();
    if (!result) {
        QFile::remove(outPath);
        return result;
    }
    throttle.report({QStringLiteral("inflate"), {}, source.size(), source.size()}, true);
    return result;
}

} // namespace supportzip::core::text
