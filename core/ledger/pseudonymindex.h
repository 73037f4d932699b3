// SPDX-License-Identifier: GPL-3.0-or-later
// Gathers, file by file, which pseudonyms a bundle holds, and turns them into the ledger's
// per-pseudonym entries (kind, fingerprint, files). Memory follows the distinct pseudonyms per
// file, never their occurrences. Not thread-safe: fill it from one thread.
#pragma once

#include "ledger/bundlerecord.h"
#include "ledger/subjectkey.h"
#include "scrub/linescrubber.h"
#include "scrub/pseudonymizer.h"

#include <QList>
#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

namespace supportzip::core::ledger {

class PseudonymIndex final {
public:
    // `pseudonyms` were written into the bundle member `memberPath`.
    void addFile(const QString& memberPath, const scrub::PseudonymSet& pseudonyms);
    // One entry per pseudonym that `mapping` (the run's pseudonymizer) knows, sorted, with the
    // files sorted; anything else (a "[REDACTED:collision]") is no pseudonym and left out.
    QList<LedgerPseudonym> entries(const std::vector<scrub::MappingEntry>& mapping,
                                   const SubjectKey& key) const;

private:
    std::unordered_map<std::string, QStringList> m_files;
};

} // namespace supportzip::core::ledger
