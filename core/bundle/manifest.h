// SPDX-License-Identifier: GPL-3.0-or-later
// The bundle's manifest.json: what was collected, how it was scrubbed, who consented to send it.
// The schema is resources/schema/manifest.schema.json; `format` is bumped on incompatible change.
#pragma once

#include "common/error.h"
#include "scrub/category.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace supportzip::core::bundle {

inline constexpr int kManifestFormat = 1;

struct Consent {
    QString name;
    QString email;
    QDateTime time;
    QString recipient;
    QString ticket;
    QString statement;
    QDate deleteBy; // the retention the admin asks of the recipient
};

// The exact text an admin agrees to; the manifest stores it verbatim.
QString consentStatement(const QString& recipient);

// The consent record as the manifest (and the local ledger) store it, and back.
QJsonObject consentToJson(const Consent& consent);
Consent consentFromJson(const QJsonObject& json);

// Parses "Jana Novak <jana.novak@example.com>"; returns false when the shape is wrong.
bool parseConsentIdentity(const QString& text, Consent* out);

struct ManifestFile {
    QString bundlePath;
    QString originalPath; // with pseudonyms applied
    QString category;
    qint64 sizeBefore = 0;
    qint64 sizeAfter = 0;
    QString sha256; // of the stored bytes
    bool truncated = false;
    QString encoding;
    scrub::CategoryCounts findings{};
};

struct ManifestLeftOut {
    QString path; // with pseudonyms applied
    bool folder = false;
    QString reason;
};

// One node's bundle inside a bundle merged for a Data Center cluster.
struct ManifestNode {
    QString folder;       // "node-1a2b3c": the node's members are under this folder
    QString node;         // pseudonymized node id, as in the node bundle
    QString bundleName;   // file name of the node bundle
    QString bundleSha256; // of the node bundle file
    QDateTime created;
    Consent consent; // as given on that node
};

struct Manifest {
    QString toolVersion;
    QDateTime created;
    QString sourceKind; // "installation", "support-zip", "folder", "archive"
    QString product;
    QString productName;
    QString version;
    QString node; // pseudonymized node id
    bool dataCenter = false;
    QString databaseType;
    QString platform;
    QString rulesVersion;
    QStringList rules;
    QStringList categoryActions; // "person=pseudonymize", ...
    Consent consent;
    // Every member is WinZip AES-256 encrypted ("encryption": "aes-256"), or none is ("none";
    // also what a manifest without the field means). See bundleencryption.h.
    bool encrypted = false;
    QList<ManifestFile> files;
    QList<ManifestLeftOut> leftOut;
    QList<ManifestNode> nodes; // only in a merged bundle (sourceKind "merged")

    QJsonObject toJson() const;
    // The inverse of toJson(), for bundles read back (merge, review). Errors: MalformedInput.
    static Expected<Manifest> fromJson(const QJsonObject& json);
    scrub::CategoryCounts totalFindings() const;
};

} // namespace supportzip::core::bundle
