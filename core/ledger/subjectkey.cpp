// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/subjectkey.h"

#include "scrub/pseudonymizer.h"

#include <QMessageAuthenticationCode>

namespace supportzip::core::ledger {

SubjectKey::SubjectKey(QByteArray key)
    : m_key(std::move(key)) {
}

QString SubjectKey::fingerprint(scrub::ValueKind kind, std::string_view value) const {
    const std::string normalized = scrub::normalizeValue(kind, value);
    const std::string_view kindName = scrub::valueKindName(kind);
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_key);
    // Its own domain, so a fingerprint is never a longer form of a pseudonym's digest.
    static constexpr char kDomain[] = "supportzip-ledger-subject";
    mac.addData(kDomain, sizeof(kDomain)); // with its NUL, which separates it from the kind
    mac.addData(kindName.data(), static_cast<qsizetype>(kindName.size()));
    mac.addData("\0", 1);
    mac.addData(normalized.data(), static_cast<qsizetype>(normalized.size()));
    return QString::fromLatin1(mac.result().toHex().left(32));
}

QString SubjectKey::keyId() const {
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash("supportzip-key-id", m_key, QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

} // namespace supportzip::core::ledger
