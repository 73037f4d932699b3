// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/subjectsearch.h"

#include <array>

namespace supportzip::core::ledger {
namespace {

constexpr int kKindCount = static_cast<int>(scrub::ValueKind::Term) + 1;

// Kinds whose pseudonym keeps the original's case: "Jana Novak" and "JANA NOVAK" got different
// pseudonyms but are one person to the admin, so the mapping is asked too.
bool keepsCase(scrub::ValueKind kind) {
    return kind == scrub::ValueKind::PersonName || kind == scrub::ValueKind::Text ||
           kind == scrub::ValueKind::Term;
}

bool mappingMatches(const QHash<QString, QString>& mapping, const QString& pseudonym,
                    const QString& value) {
    const auto it = mapping.constFind(pseudonym);
    return it != mapping.constEnd() && it->trimmed().compare(value, Qt::CaseInsensitive) == 0;
}

} // namespace

QList<SubjectMatch> matchSubject(const QList<BundleRecord>& bundles, const QString& rawValue,
                                 const SubjectKey& key, const QHash<QString, QString>& mapping) {
    const QString value = rawValue.trimmed();
    const std::string utf8 = value.toStdString();
    std::array<QString, kKindCount> fingerprints;
    for (int k = 0; k < kKindCount; ++k) {
        fingerprints[static_cast<std::size_t>(k)] =
            key.fingerprint(static_cast<scrub::ValueKind>(k), utf8);
    }
    const QString keyId = key.keyId();
    QList<SubjectMatch> out;
    for (const BundleRecord& bundle : bundles) {
        const bool sameKey = bundle.keyId == keyId;
        SubjectMatch match{bundle, {}};
        for (const LedgerPseudonym& p : bundle.pseudonyms) {
            if (p.kind == scrub::ValueKind::Secret) {
                continue;
            }
            const bool byKey =
                sameKey && p.fingerprint == fingerprints[static_cast<std::size_t>(p.kind)];
            const bool byMapping = !byKey && (!sameKey || keepsCase(p.kind)) &&
                                   mappingMatches(mapping, p.pseudonym, value);
            if (byKey || byMapping) {
                match.hits.append({p.pseudonym, p.kind, p.files, byMapping});
            }
        }
        if (!match.hits.isEmpty()) {
            out.append(match);
        }
    }
    return out;
}

} // namespace supportzip::core::ledger
