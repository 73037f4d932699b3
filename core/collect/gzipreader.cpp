// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/gzipreader.h"

#include <zlib.h>

namespace supportzip::core::collect {

struct GzipReader::State {
    z_stream stream{};
    QByteArray input;
    bool finished = false;
    bool failed = false;
    bool memberOpen = true; // inside a gzip member that has not ended yet
    qint64 consumed = 0;
};

GzipReader::GzipReader(const QString& path)
    : m_file(path) {
}

GzipReader::~GzipReader() {
    close();
}

bool GzipReader::open(OpenMode mode) {
    if ((mode & QIODevice::WriteOnly) || !m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    m_state = std::make_unique<State>();
    // 15 + 16: gzip wrapper only, so a plain file is reported as an error, not passed through.
    if (inflateInit2(&m_state->stream, 15 + 16) != Z_OK) {
        setErrorString(QStringLiteral("cannot initialise zlib"));
        return false;
    }
    return QIODevice::open(mode);
}

void GzipReader::close() {
    if (m_state) {
        inflateEnd(&m_state->stream);
        m_state.reset();
    }
    m_file.close();
    if (isOpen()) {
        QIODevice::close();
    }
}

bool GzipReader::atEnd() const {
    return !m_state || ((m_state->finished || m_state->failed) && bytesAvailable() == 0);
}

qint64 GzipReader::compressedBytesRead() const {
    return m_state ? m_state->consumed : 0;
}

qint64 GzipReader::readData(char* data, qint64 maxSize) {
    if (!m_state || m_state->failed) {
        return -1;
    }
    State& s = *m_state;
    s.stream.next_out = reinterpret_cast<Bytef*>(data);
    s.stream.avail_out = static_cast<uInt>(std::min<qint64>(maxSize, 1 << 30));
    while (s.stream.avail_out > 0 && !s.finished) {
        if (s.stream.avail_in == 0) {
            s.input = m_file.read(256 * 1024);
            if (s.input.isEmpty()) {
                if (m_file.error() != QFileDevice::NoError || s.memberOpen) {
                    s.failed = true;
                    setErrorString(QStringLiteral("truncated or unreadable gzip data"));
                    return -1;
                }
                s.finished = true; // end of file on a member boundary
                break;
            }
            s.consumed += s.input.size();
            s.stream.next_in = reinterpret_cast<Bytef*>(s.input.data());
            s.stream.avail_in = static_cast<uInt>(s.input.size());
        }
        const int rc = inflate(&s.stream, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            // Another member may follow (concatenated gzip); otherwise we are done.
            s.memberOpen = false;
            if (s.stream.avail_in == 0 && m_file.atEnd()) {
                s.finished = true;
            } else {
                inflateReset(&s.stream);
                s.memberOpen = true;
            }
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            s.failed = true;
            setErrorString(QStringLiteral("corrupt gzip data: %1")
                               .arg(QString::fromUtf8(s.stream.msg ? s.stream.msg : "")));
            return -1;
        }
    }
    return maxSize - static_cast<qint64>(s.stream.avail_out);
}

} // namespace supportzip::core::collect
