// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/bundlerecord.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace supportzip::core::ledger {
namespace {

QString isoTime(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime parseTime(const QJsonValue& v) {
    return QDateTime::fromString(v.toString(), Qt::ISODate).toUTC();
}

QString categoryText(std::size_t i) {
    const auto n = scrub::categoryName(static_cast<scrub::Category>(i));
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

// Files are listed once per record and referred to by index: a pseudonym that occurs in every
// log would otherwise repeat every path.
QJsonArray pseudonymsJson(const QList<LedgerPseudonym>& pseudonyms, QJsonArray& files) {
    QHash<QString, int> index;
    QJsonArray out;
    for (const LedgerPseudonym& p : pseudonyms) {
        QJsonArray in;
        for (const QString& f : p.files) {
            auto it = index.find(f);
            if (it == index.end()) {
                it = index.insert(f, static_cast<int>(files.size()));
                files.append(f);
            }
            in.append(*it);
        }
        out.append(QJsonObject{{QStringLiteral("pseudonym"), p.pseudonym},
                               {QStringLiteral("kind"), valueKindText(p.kind)},
                               {QStringLiteral("fingerprint"), p.fingerprint},
                               {QStringLiteral("files"), in}});
    }
    return out;
}

QList<LedgerPseudonym> pseudonymsFromJson(const QJsonArray& array, const QJsonArray& files) {
    QList<LedgerPseudonym> out;
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        const auto kind = parseValueKind(o.value(QStringLiteral("kind")).toString());
        if (!kind) {
            continue; // a kind a newer version added: unknown here, so never matched
        }
        LedgerPseudonym p{o.value(QStringLiteral("pseudonym")).toString(),
                          *kind,
                          o.value(QStringLiteral("fingerprint")).toString(),
                          {}};
        for (const QJsonValue& i : o.value(QStringLiteral("files")).toArray()) {
            const qsizetype at = i.toInteger(-1);
            if (at >= 0 && at < files.size()) {
                p.files.append(files.at(at).toString());
            }
        }
        out.append(p);
    }
    return out;
}

} // namespace

bool BundleRecord::isOverdue(const QDate& today) const {
    return consent.deleteBy.isValid() && today > consent.deleteBy;
}

BundleRecord bundleRecordFor(const bundle::Manifest& manifest, const QString& path,
                             const QString& sha256, qint64 size) {
    BundleRecord r;
    r.recorded = QDateTime::currentDateTimeUtc();
    r.created = manifest.created.toUTC();
    r.fileName = QFileInfo(path).fileName();
    r.path = QFileInfo(path).absoluteFilePath();
    r.sha256 = sha256.toLower();
    r.size = size;
    r.product = manifest.product;
    r.productName = manifest.productName;
    r.version = manifest.version;
    r.sourceKind = manifest.sourceKind;
    r.consent = manifest.consent;
    r.counts = manifest.totalFindings();
    return r;
}

QString valueKindText(scrub::ValueKind kind) {
    const auto n = scrub::valueKindName(kind);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

std::optional<scrub::ValueKind> parseValueKind(const QString& name) {
    for (int k = 0; k <= static_cast<int>(scrub::ValueKind::Term); ++k) {
        const auto kind = static_cast<scrub::ValueKind>(k);
        if (valueKindText(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QJsonObject toJson(const BundleRecord& r) {
    QJsonObject findings;
    for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
        findings.insert(categoryText(i), static_cast<qint64>(r.counts[i]));
    }
    QJsonArray files;
    const QJsonArray pseudonyms = pseudonymsJson(r.pseudonyms, files);
    return {{QStringLiteral("type"), QStringLiteral("bundle")},
            {QStringLiteral("recorded"), isoTime(r.recorded)},
            {QStringLiteral("created"), isoTime(r.created)},
            {QStringLiteral("file"), r.fileName},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("sha256"), r.sha256},
            {QStringLiteral("size"), r.size},
            {QStringLiteral("product"), r.product},
            {QStringLiteral("productName"), r.productName},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("source"), r.sourceKind},
            {QStringLiteral("consent"), bundle::consentToJson(r.consent)},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("keyId"), r.keyId},
            {QStringLiteral("files"), files},
            {QStringLiteral("pseudonyms"), pseudonyms}};
}

std::optional<BundleRecord> bundleRecordFromJson(const QJsonObject& o) {
    BundleRecord r;
    r.sha256 = o.value(QStringLiteral("sha256")).toString();
    r.fileName = o.value(QStringLiteral("file")).toString();
    if (r.sha256.isEmpty() || r.fileName.isEmpty()) {
        return std::nullopt;
    }
    r.recorded = parseTime(o.value(QStringLiteral("recorded")));
    r.created = parseTime(o.value(QStringLiteral("created")));
    r.path = o.value(QStringLiteral("path")).toString();
    r.size = o.value(QStringLiteral("size")).toInteger();
    r.product = o.value(QStringLiteral("product")).toString();
    r.productName = o.value(QStringLiteral("productName")).toString();
    r.version = o.value(QStringLiteral("version")).toString();
    r.sourceKind = o.value(QStringLiteral("source")).toString();
    r.consent = bundle::consentFromJson(o.value(QStringLiteral("consent")).toObject());
    const QJsonObject findings = o.value(QStringLiteral("findings")).toObject();
    for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
        r.counts[i] = findings.value(categoryText(i)).toInteger();
    }
    r.keyId = o.value(QStringLiteral("keyId")).toString();
    r.pseudonyms = pseudonymsFromJson(o.value(QStringLiteral("pseudonyms")).toArray(),
                                      o.value(QStringLiteral("files")).toArray());
    return r;
}

QJsonObject toJson(const DeliveryReceipt& d) {
    return {{QStringLiteral("endpoint"), d.endpoint},
            {QStringLiteral("requestKey"), d.requestKey},
            {QStringLiteral("time"), isoTime(d.time)},
            {QStringLiteral("attachmentId"), d.attachmentId},
            {QStringLiteral("bytes"), d.bytes}};
}

DeliveryReceipt deliveryReceiptFromJson(const QJsonObject& o) {
    return {o.value(QStringLiteral("endpoint")).toString(),
            o.value(QStringLiteral("requestKey")).toString(),
            parseTime(o.value(QStringLiteral("time"))),
            o.value(QStringLiteral("attachmentId")).toString(),
            o.value(QStringLiteral("bytes")).toInteger()};
}

} // namespace supportzip::core::ledger
