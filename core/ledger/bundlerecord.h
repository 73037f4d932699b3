// SPDX-License-Identifier: GPL-3.0-or-later
// One bundle in the local ledger: what was written, for whom, under whose consent, and which
// pseudonyms it holds in which of its files. It never holds an original value: see
// subjectkey.h for how a data subject is found again.
#pragma once

#include "bundle/manifest.h"
#include "ledger/deliveryreceipt.h"
#include "scrub/category.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace supportzip::core::ledger {

struct LedgerPseudonym {
    QString pseudonym;
    scrub::ValueKind kind = scrub::ValueKind::User;
    // SubjectKey::fingerprint of the original: lets bySubject find it with the key, without
    // the original being stored here.
    QString fingerprint;
    QStringList files; // bundle members that hold it (manifest.json for member names, the node)
};

struct BundleRecord {
    QDateTime recorded; // when the ledger entry was written (UTC)
    QDateTime created;  // the bundle's creation time, as in its manifest
    QString fileName;
    QString path; // absolute path where it was written
    QString sha256;
    qint64 size = 0;
    QString product;     // "jira", "confluence"
    QString productName; // "Jira Software"
    QString version;
    QString sourceKind;      // "installation", "support-zip", "folder"
    bundle::Consent consent; // who agreed, recipient, ticket, statement, delete-by
    scrub::CategoryCounts counts{};
    QString keyId; // SubjectKey::keyId of the key that made the pseudonyms and fingerprints
    QList<LedgerPseudonym> pseudonyms; // sorted by pseudonym
    QList<DeliveryReceipt> deliveries; // from later delivery records, oldest first

    // True when a delete-by date was given and `today` is after it.
    bool isOverdue(const QDate& today) const;
};

// A record for a bundle just written, from its manifest; keyId and pseudonyms are the caller's.
BundleRecord bundleRecordFor(const bundle::Manifest& manifest, const QString& path,
                             const QString& sha256, qint64 size);

// The ledger line format (one JSON object per line). Deliveries are separate lines.
QJsonObject toJson(const BundleRecord& record);
std::optional<BundleRecord> bundleRecordFromJson(const QJsonObject& json);
QJsonObject toJson(const DeliveryReceipt& receipt);
DeliveryReceipt deliveryReceiptFromJson(const QJsonObject& json);

std::optional<scrub::ValueKind> parseValueKind(const QString& name);
QString valueKindText(scrub::ValueKind kind);

} // namespace supportzip::core::ledger
