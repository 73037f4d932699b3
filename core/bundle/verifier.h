// SPDX-License-Identifier: GPL-3.0-or-later
// `supportzip verify`: is this bundle what its manifest says, and does anything in it still look
// like customer data? Integrity problems fail verification; residual findings are reported (an
// admin may have chosen to keep a category) and fail it only in strict mode.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"
#include "scrub/category.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace supportzip::core::bundle {

struct VerifyIssue {
    QString member;
    QString problem;
};

struct ResidualHit {
    QString member;
    qint64 line = 0;
    QString rule; // which detector fired; never the value itself
    scrub::Category category = scrub::Category::Secret;
};

struct VerifyReport {
    QJsonObject manifest;
    int membersChecked = 0;
    QList<VerifyIssue> issues;   // integrity: hash, size, missing or extra members, schema
    QList<ResidualHit> residual; // first hits of the residual scan (capped)
    scrub::CategoryCounts residualCounts{};
    bool intact() const { return issues.isEmpty(); }
};

// Errors are for bundles that cannot be examined at all (not found, hostile, not a zip), and
// PasswordRequired / WrongPassword for an encrypted bundle. A manifest whose "encryption" does
// not say what the members are is an integrity issue.
Expected<VerifyReport> verifyBundle(const QString& path, const CancelToken* cancel = nullptr,
                                    const Secret& password = {});

} // namespace supportzip::core::bundle
