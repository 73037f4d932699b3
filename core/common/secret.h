// SPDX-License-Identifier: GPL-3.0-or-later
// A password (or token) held in memory. Copies share one buffer, which is overwritten with zeros
// when the last copy goes away, so a request struct may be copied to a worker thread freely.
// A Secret is never logged and never part of an Error message.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace supportzip::core {

class Secret final {
public:
    Secret() = default;
    // Takes the bytes and wipes the caller's array (see wipe()).
    static Secret take(QByteArray& bytes);
    // UTF-8 of the text; wipes the caller's string.
    static Secret takeText(QString& text);

    bool isEmpty() const;
    qsizetype size() const;
    // NUL-terminated bytes for C APIs (libzip); valid while this Secret or a copy lives.
    const char* c_str() const;
    QByteArrayView view() const;
    bool sameAs(const Secret& other) const;

private:
    struct Buffer;
    std::shared_ptr<const Buffer> m_buffer;
};

// Overwrites the bytes with zeros, then empties the array. Only this array's own buffer is
// wiped: a copy that still shares it keeps the bytes, so take secrets before copying them.
void wipe(QByteArray& bytes);
void wipe(QString& text);

} // namespace supportzip::core
