// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/sha256.h"

#include <QFile>

#include <openssl/evp.h>

namespace supportzip::core {

struct Sha256::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>()) {
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data) {
    EVP_DigestUpdate(m_context->ctx, data.data(), static_cast<std::size_t>(data.size()));
}

bool Sha256::addData(QIODevice& device) {
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n;
    while ((n = device.read(buffer.data(), buffer.size())) > 0) {
        addData(QByteArrayView(buffer.constData(), n));
    }
    return n == 0;
}

QString Sha256::hexResult() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length)).toHex());
}

QString Sha256::hexOf(QByteArrayView data) {
    Sha256 hash;
    hash.addData(data);
    return hash.hexResult();
}

QString Sha256::hexOfFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    Sha256 hash;
    return hash.addData(f) ? hash.hexResult() : QString();
}

} // namespace supportzip::core
