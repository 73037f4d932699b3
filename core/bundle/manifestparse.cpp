// SPDX-License-Identifier: GPL-3.0-or-later
// Manifest::fromJson: a manifest read back from a bundle. Bundles come from strangers, so every
// field is type-checked; a manifest that does not have the shape toJson() writes is refused.
#include "bundle/manifest.h"

#include "bundle/bundleencryption.h"

#include <QJsonArray>

namespace supportzip::core::bundle {

namespace {

tl::unexpected<Error> malformed(const QString& what) {
    return makeError(ErrorCode::MalformedInput,
                     QStringLiteral("manifest.json is not a supportzip manifest: %1").arg(what));
}

QDateTime parseTime(const QJsonValue& v) {
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

scrub::CategoryCounts parseCounts(const QJsonObject& o) {
    scrub::CategoryCounts counts{};
    for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
        const auto name = scrub::categoryName(static_cast<scrub::Category>(i));
        counts[i] = o.value(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())))
                        .toInteger();
    }
    return counts;
}

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray()) {
        out << item.toString();
    }
    return out;
}

} // namespace

Consent consentFromJson(const QJsonObject& o) {
    Consent c;
    c.name = o.value(QStringLiteral("name")).toString();
    c.email = o.value(QStringLiteral("email")).toString();
    c.time = parseTime(o.value(QStringLiteral("time")));
    c.recipient = o.value(QStringLiteral("recipient")).toString();
    c.ticket = o.value(QStringLiteral("ticket")).toString();
    c.statement = o.value(QStringLiteral("statement")).toString();
    c.deleteBy = QDate::fromString(o.value(QStringLiteral("deleteBy")).toString(), Qt::ISODate);
    return c;
}

Expected<Manifest> Manifest::fromJson(const QJsonObject& json) {
    if (json.value(QStringLiteral("format")).toInt() != kManifestFormat) {
        return malformed(QStringLiteral("unknown format %1 (this supportzip reads format %2)")
                             .arg(json.value(QStringLiteral("format")).toInt())
                             .arg(kManifestFormat));
    }
    for (const char* key : {"tool", "source", "rules", "consent"}) {
        if (!json.value(QLatin1StringView(key)).isObject()) {
            return malformed(QStringLiteral("\"%1\" is missing").arg(QLatin1StringView(key)));
        }
    }
    for (const char* key : {"files", "leftOut"}) {
        if (!json.value(QLatin1StringView(key)).isArray()) {
            return malformed(QStringLiteral("\"%1\" is missing").arg(QLatin1StringView(key)));
        }
    }
    Manifest m;
    m.toolVersion = json.value(QStringLiteral("tool"))[QStringLiteral("version")].toString();
    m.created = parseTime(json.value(QStringLiteral("created")));
    const QJsonObject source = json.value(QStringLiteral("source")).toObject();
    m.sourceKind = source.value(QStringLiteral("kind")).toString();
    m.product = source.value(QStringLiteral("product")).toString();
    m.productName = source.value(QStringLiteral("productName")).toString();
    m.version = source.value(QStringLiteral("version")).toString();
    m.node = source.value(QStringLiteral("node")).toString();
    m.dataCenter = source.value(QStringLiteral("dataCenter")).toBool();
    m.databaseType = source.value(QStringLiteral("databaseType")).toString();
    m.platform = source.value(QStringLiteral("platform")).toString();
    const QJsonObject rules = json.value(QStringLiteral("rules")).toObject();
    m.rulesVersion = rules.value(QStringLiteral("version")).toString();
    m.rules = stringList(rules.value(QStringLiteral("names")));
    m.categoryActions = stringList(rules.value(QStringLiteral("actions")));
    m.consent = consentFromJson(json.value(QStringLiteral("consent")).toObject());
    // Absent in bundles written before encryption existed: those are plain.
    const QString encryption =
        json.value(QStringLiteral("encryption")).toString(encryptionName(false));
    if (encryption != encryptionName(false) && encryption != encryptionName(true)) {
        return malformed(QStringLiteral("unknown encryption \"%1\"").arg(encryption.left(40)));
    }
    m.encrypted = encryption == encryptionName(true);
    for (const QJsonValue& v : json.value(QStringLiteral("files")).toArray()) {
        const QJsonObject o = v.toObject();
        ManifestFile f;
        f.bundlePath = o.value(QStringLiteral("path")).toString();
        if (f.bundlePath.isEmpty()) {
            return malformed(QStringLiteral("a file entry has no path"));
        }
        f.originalPath = o.value(QStringLiteral("originalPath")).toString();
        f.category = o.value(QStringLiteral("category")).toString();
        f.sizeBefore = o.value(QStringLiteral("sizeBefore")).toInteger();
        f.sizeAfter = o.value(QStringLiteral("sizeAfter")).toInteger();
        f.sha256 = o.value(QStringLiteral("sha256")).toString();
        f.truncated = o.value(QStringLiteral("truncated")).toBool();
        f.encoding = o.value(QStringLiteral("encoding")).toString();
        f.findings = parseCounts(o.value(QStringLiteral("findings")).toObject());
        m.files.append(f);
    }
    for (const QJsonValue& v : json.value(QStringLiteral("leftOut")).toArray()) {
        const QJsonObject o = v.toObject();
        m.leftOut.append({o.value(QStringLiteral("path")).toString(),
                          o.value(QStringLiteral("folder")).toBool(),
                          o.value(QStringLiteral("reason")).toString()});
    }
    for (const QJsonValue& v : json.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject o = v.toObject();
        m.nodes.append({o.value(QStringLiteral("folder")).toString(),
                        o.value(QStringLiteral("node")).toString(),
                        o.value(QStringLiteral("bundle")).toString(),
                        o.value(QStringLiteral("sha256")).toString(),
                        parseTime(o.value(QStringLiteral("created"))),
                        consentFromJson(o.value(QStringLiteral("consent")).toObject())});
    }
    return m;
}

} // namespace supportzip::core::bundle
