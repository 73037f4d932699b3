// SPDX-License-Identifier: GPL-3.0-or-later
// A bundle member compressed on the pipeline's workers before the bundle is written: raw deflate
// in one or more part files that join into one stream, pigz-style. Every part but the last ends
// with a sync flush (an empty stored block, byte-aligned, not final), so one large log scrubbed
// in segments on several cores is compressed on those cores too, and the bundle writer only
// copies the bytes. Readers see one ordinary deflate member.
#pragma once

#include "common/error.h"
#include "common/sha256.h"

#include <QFile>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

namespace supportzip::core::bundle {

// One part as written: what the zip needs (CRC-32, sizes) and, when asked, its SHA-256.
struct DeflatedPart {
    QString path;
    quint32 crc = 0;
    qint64 size = 0; // uncompressed
    qint64 compressedSize = 0;
    QString sha256; // hex; empty unless the sink hashed
};

// The parts of one member, in order, joined.
struct DeflatedMember {
    QStringList parts;
    quint32 crc = 0;
    qint64 size = 0;
    qint64 compressedSize = 0;

    // Appends the next part (its CRC combined with those before it).
    void append(const DeflatedPart& part);
};

// A write-only device: what is written to it is deflated (level 6, as zip -6) into the part
// file, and CRC-32, size and optionally SHA-256 are computed on the way. Optionally the plain
// bytes are written to a second device too (a segmented file's SHA-256 is taken over all its
// segments in order, after they are done).
class DeflateSink final : public QIODevice {
public:
    enum class Ending { Final, SyncFlush };

    DeflateSink(const QString& partPath, Ending ending, bool hashSha256,
                QIODevice* plainCopy = nullptr);
    ~DeflateSink() override;

    // Opens the part file for writing. Errors: WriteFailed.
    Expected<void> start();
    // Ends the stream (or flushes it) and closes the part file. Errors: WriteFailed, also for
    // any write that failed before (a full disk).
    Expected<DeflatedPart> finish();

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    bool deflateInto(const char* data, qint64 size, int flush);

    struct Stream;
    std::unique_ptr<Stream> m_stream;
    QFile m_part;
    Ending m_ending;
    QIODevice* m_plainCopy;
    std::unique_ptr<Sha256> m_sha;
    quint32 m_crc = 0;
    qint64 m_size = 0;
    qint64 m_compressed = 0;
    bool m_failed = false;
    QString m_failure;
};

} // namespace supportzip::core::bundle
