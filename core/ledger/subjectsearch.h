// SPDX-License-Identifier: GPL-3.0-or-later
// The matching behind Ledger::bySubject, free of I/O so it can be tested on its own.
#pragma once

#include "ledger/ledger.h"
#include "ledger/subjectkey.h"

#include <QHash>

namespace supportzip::core::ledger {

// Records made under `key` are matched by fingerprint (exact per bundle; case as the
// pseudonymizer normalizes), plus display names, texts and terms through `mapping` ignoring
// case. Records made under another key are matched through `mapping` (pseudonym -> original)
// alone, ignoring case. Bundles without a hit are left out; the order of `bundles` is kept.
QList<SubjectMatch> matchSubject(const QList<BundleRecord>& bundles, const QString& value,
                                 const SubjectKey& key, const QHash<QString, QString>& mapping);

} // namespace supportzip::core::ledger
