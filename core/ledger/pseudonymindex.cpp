// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/pseudonymindex.h"

#include <algorithm>

namespace supportzip::core::ledger {

void PseudonymIndex::addFile(const QString& memberPath, const scrub::PseudonymSet& pseudonyms) {
    for (const std::string& p : pseudonyms) {
        QStringList& files = m_files[p];
        if (files.isEmpty() || files.constLast() != memberPath) {
            files.append(memberPath);
        }
    }
}

QList<LedgerPseudonym> PseudonymIndex::entries(const std::vector<scrub::MappingEntry>& mapping,
                                               const SubjectKey& key) const {
    QList<LedgerPseudonym> out;
    for (const scrub::MappingEntry& e : mapping) { // sorted by pseudonym
        const auto it = m_files.find(e.pseudonym);
        if (it == m_files.end()) {
            continue; // made for a file that was then skipped: not in the bundle
        }
        QStringList files = it->second;
        files.sort();
        files.removeDuplicates();
        out.append({QString::fromStdString(e.pseudonym), e.kind,
                    key.fingerprint(e.kind, e.original), files});
    }
    return out;
}

} // namespace supportzip::core::ledger
