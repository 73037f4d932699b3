// SPDX-License-Identifier: GPL-3.0-or-later
// How the ledger finds a data subject without holding originals. Why no originals: the ledger
// is a long-lived list of everything ever sent; if it held names and e-mails in clear it would be
// a second, ever-growing copy of the customer data that the mapping vault already holds (and the
// admin may purge). Instead each pseudonym carries a fingerprint: an HMAC of the normalized
// original under the vault's pseudonym key, in a domain of its own. Without the key it reveals
// no more than the pseudonym itself; with the key, a subject's fingerprint is recomputed from
// the value the admin types and compared, exactly per bundle, even where two originals collided
// on a short pseudonym. Bundles made under another key fall back to the vault's mapping.tsv.
#pragma once

#include "scrub/category.h"

#include <QByteArray>
#include <QString>

#include <string_view>

namespace supportzip::core::ledger {

class SubjectKey final {
public:
    explicit SubjectKey(QByteArray key);

    // Hex HMAC of valueKindName(kind) and normalizeValue(kind, value); case rules are the
    // pseudonymizer's (user names, e-mails, hosts, IPs ignore case; display names keep it).
    QString fingerprint(scrub::ValueKind kind, std::string_view value) const;
    // A short public id of the key, so a record knows whether its fingerprints can be recomputed.
    QString keyId() const;

private:
    QByteArray m_key;
};

} // namespace supportzip::core::ledger
