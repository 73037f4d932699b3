// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 through OpenSSL's libcrypto. Every byte of a bundle is hashed two or three times
// (while compressed, when read back before the rename, by verify); Qt's own SHA-256 runs at
// ~190 MB/s here, libcrypto's (SHA-NI/AVX2) at well over 1 GB/s, so hashing stops being a
// visible share of a collection. libcrypto is on every machine that has libzip (its AES).
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

class QIODevice;

namespace supportzip::core {

class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView data);
    // Reads the device to its end; false on a read error.
    bool addData(QIODevice& device);
    // Lower-case hex digest; ends the hash (call once).
    QString hexResult();

    static QString hexOf(QByteArrayView data);
    // Empty when the file cannot be read.
    static QString hexOfFile(const QString& path);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace supportzip::core
