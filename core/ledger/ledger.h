// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's local ledger of every bundle written, beside the mapping vault (same folder,
// ledger.jsonl, mode 0600, never bundled): what was sent, to whom, under whose consent, until
// when, and which pseudonyms it holds in which files, so a data subject's request can be answered
// months later. Append-only JSON Lines, one record per line, each append locked and fsync'ed; a
// line torn by a crash is skipped with a warning and never swallows the next record.
// Calls are synchronous and cheap enough for the GUI thread for ledgers of some thousand bundles.
#pragma once

#include "common/error.h"
#include "ledger/bundlerecord.h"
#include "ledger/deliveryreceipt.h"
#include "vault/vault.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace supportzip::core::ledger {

struct LedgerContents {
    QList<BundleRecord> bundles; // newest first, deliveries attached
    QStringList warnings;        // damaged lines that were skipped (no customer values in them)
};

// One pseudonym under which a bundle held the subject.
struct SubjectHit {
    QString pseudonym;
    scrub::ValueKind kind = scrub::ValueKind::User;
    QStringList files;
    bool viaMapping = false; // found through mapping.tsv (other key, or a display name's case)
};

struct SubjectMatch {
    BundleRecord bundle;
    QList<SubjectHit> hits;
};

class Ledger final {
public:
    // vaultDir empty: the default vault folder (see vault::Vault).
    explicit Ledger(QString vaultDir = {});

    QString path() const;

    // Appends the record. Errors: WriteFailed (folder, disk, lock), with the path.
    Expected<void> recordBundle(const BundleRecord& record) const;
    // Appends a delivery of the bundle with this SHA-256 (hex, any case). The endpoint is stored
    // without query or user info. Errors: NotFound when no bundle with that hash is in the
    // ledger (written elsewhere, or its record lost), WriteFailed.
    Expected<void> recordDelivery(const QString& bundleSha256,
                                  const DeliveryReceipt& receipt) const;
    // Every bundle, newest first. A missing ledger is an empty one. Errors: PermissionDenied.
    Expected<LedgerContents> read() const;
    // Every bundle that held data about `value` (a user name, e-mail, display name, host, IP...),
    // newest first, with the pseudonyms and files. Matched with the vault's key, and through the
    // vault's mapping for bundles made under another key. Errors: as read() and the key's.
    Expected<QList<SubjectMatch>> bySubject(const QString& value) const;

private:
    Expected<void> append(const QJsonObject& line) const;

    vault::Vault m_vault;
};

// The bundles whose delete-by date is before `today`, newest first.
QList<BundleRecord> overdueBundles(const LedgerContents& contents, const QDate& today);

} // namespace supportzip::core::ledger
