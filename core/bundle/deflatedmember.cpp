// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/deflatedmember.h"

#include <zlib.h>

#include <limits>

namespace supportzip::core::bundle {

void DeflatedMember::append(const DeflatedPart& part) {
    parts << part.path;
    crc = parts.size() == 1 ? part.crc
                            : static_cast<quint32>(crc32_combine(crc, part.crc, part.size));
    size += part.size;
    compressedSize += part.compressedSize;
}

struct DeflateSink::Stream {
    z_stream z{};
    bool initialized = false;
    std::array<unsigned char, 256 * 1024> out{};
};

DeflateSink::DeflateSink(const QString& partPath, Ending ending, bool hashSha256,
                         QIODevice* plainCopy)
    : m_stream(std::make_unique<Stream>())
    , m_part(partPath)
    , m_ending(ending)
    , m_plainCopy(plainCopy) {
    if (hashSha256) {
        m_sha = std::make_unique<Sha256>();
    }
    m_crc = static_cast<quint32>(crc32(0, nullptr, 0));
}

DeflateSink::~DeflateSink() {
    if (m_stream->initialized) {
        deflateEnd(&m_stream->z);
    }
}

Expected<void> DeflateSink::start() {
    // Raw deflate (negative window bits): the zip member's data, no zlib or gzip wrapper.
    if (deflateInit2(&m_stream->z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return makeError(ErrorCode::WriteFailed, QStringLiteral("cannot start compressing"),
                         m_part.fileName());
    }
    m_stream->initialized = true;
    if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("cannot write the compressed copy: %1").arg(m_part.errorString()),
            m_part.fileName());
    }
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    return {};
}

bool DeflateSink::deflateInto(const char* data, qint64 size, int flush) {
    z_stream& z = m_stream->z;
    // zlib counts in uInt: feed at most 1 GiB at a time.
    qint64 offset = 0;
    do {
        const qint64 piece = std::min<qint64>(size - offset, 1 << 30);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data + offset));
        z.avail_in = static_cast<uInt>(piece);
        offset += piece;
        const int mode = offset == size ? flush : Z_NO_FLUSH;
        do {
            z.next_out = m_stream->out.data();
            z.avail_out = static_cast<uInt>(m_stream->out.size());
            const int rc = deflate(&z, mode);
            if (rc == Z_STREAM_ERROR) {
                m_failure = QStringLiteral("compression failed");
                return false;
            }
            const auto produced = static_cast<qint64>(m_stream->out.size() - z.avail_out);
            if (produced > 0 && m_part.write(reinterpret_cast<const char*>(m_stream->out.data()),
                                             produced) != produced) {
                m_failure = m_part.errorString();
                return false;
            }
            m_compressed += produced;
        } while (z.avail_out == 0);
    } while (offset < size);
    return true;
}

qint64 DeflateSink::writeData(const char* data, qint64 size) {
    if (m_failed) {
        return -1;
    }
    m_crc = static_cast<quint32>(
        crc32_z(m_crc, reinterpret_cast<const Bytef*>(data), static_cast<z_size_t>(size)));
    m_size += size;
    if (m_sha) {
        m_sha->addData(QByteArrayView(data, size));
    }
    if (m_plainCopy != nullptr && m_plainCopy->write(data, size) != size) {
        m_failure = m_plainCopy->errorString();
        m_failed = true;
        return -1;
    }
    if (!deflateInto(data, size, Z_NO_FLUSH)) {
        m_failed = true;
        return -1;
    }
    return size;
}

Expected<DeflatedPart> DeflateSink::finish() {
    if (!m_failed &&
        !deflateInto(nullptr, 0, m_ending == Ending::Final ? Z_FINISH : Z_SYNC_FLUSH)) {
        m_failed = true;
    }
    if (!m_failed && !m_part.flush()) {
        m_failure = m_part.errorString();
        m_failed = true;
    }
    m_part.close();
    close();
    if (m_failed) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("writing the compressed copy failed: %1").arg(m_failure),
                         m_part.fileName());
    }
    return DeflatedPart{m_part.fileName(), m_crc, m_size, m_compressed,
                        m_sha ? m_sha->hexResult() : QString()};
}

} // namespace supportzip::core::bundle
