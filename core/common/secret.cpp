// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secret.h"

#include <cstring>
#include <vector>

namespace supportzip::core {
namespace {

// A volatile store the compiler may not drop as a dead write before free().
void zeroMemory(void* data, std::size_t size) {
    auto* p = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        p[i] = 0;
    }
}

} // namespace

struct Secret::Buffer {
    std::vector<char> bytes; // the secret, then a NUL
    explicit Buffer(QByteArrayView source)
        : bytes(static_cast<std::size_t>(source.size()) + 1, '\0') {
        if (!source.isEmpty()) {
            std::memcpy(bytes.data(), source.data(), static_cast<std::size_t>(source.size()));
        }
    }
    ~Buffer() { zeroMemory(bytes.data(), bytes.size()); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
};

Secret Secret::take(QByteArray& bytes) {
    Secret s;
    if (!bytes.isEmpty()) {
        s.m_buffer = std::make_shared<const Buffer>(QByteArrayView(bytes));
    }
    wipe(bytes);
    return s;
}

Secret Secret::takeText(QString& text) {
    QByteArray utf8 = text.toUtf8();
    wipe(text);
    return take(utf8);
}

bool Secret::isEmpty() const {
    return size() == 0;
}

qsizetype Secret::size() const {
    return m_buffer ? static_cast<qsizetype>(m_buffer->bytes.size()) - 1 : 0;
}

const char* Secret::c_str() const {
    return m_buffer ? m_buffer->bytes.data() : "";
}

QByteArrayView Secret::view() const {
    return QByteArrayView(c_str(), size());
}

bool Secret::sameAs(const Secret& other) const {
    return view() == other.view();
}

void wipe(QByteArray& bytes) {
    // data() would detach a shared array and wipe only the fresh copy; a shared one is released.
    if (!bytes.isDetached()) {
        bytes.clear();
        return;
    }
    zeroMemory(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

void wipe(QString& text) {
    if (!text.isDetached()) {
        text.clear();
        return;
    }
    zeroMemory(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace supportzip::core
