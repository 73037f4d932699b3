// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bundlemanifest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace supportzip::core::review {
namespace {

constexpr qint64 kMaxManifestBytes = 256LL << 20;

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toString();
}

scrub::CategoryCounts countsFromJson(const QJsonObject& o) {
    scrub::CategoryCounts counts{};
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::string_view name = scrub::categoryName(static_cast<scrub::Category>(i));
        counts[i] = o.value(QLatin1StringView(name.data(), static_cast<qsizetype>(name.size())))
                        .toInteger();
    }
    return counts;
}

bundle::Consent consentFromJson(const QJsonObject& c) {
    bundle::Consent consent;
    consent.name = str(c, "name");
    consent.email = str(c, "email");
    consent.time = QDateTime::fromString(str(c, "time"), Qt::ISODate);
    consent.recipient = str(c, "recipient");
    consent.ticket = str(c, "ticket");
    consent.statement = str(c, "statement");
    consent.deleteBy = QDate::fromString(str(c, "deleteBy"), Qt::ISODate);
    return consent;
}

bundle::ManifestFile fileFromJson(const QJsonObject& f) {
    bundle::ManifestFile file;
    file.bundlePath = str(f, "path");
    file.originalPath = str(f, "originalPath");
    file.category = str(f, "category");
    file.sizeBefore = f.value(QStringLiteral("sizeBefore")).toInteger();
    file.sizeAfter = f.value(QStringLiteral("sizeAfter")).toInteger();
    file.sha256 = str(f, "sha256");
    file.truncated = f.value(QStringLiteral("truncated")).toBool();
    file.encoding = str(f, "encoding");
    file.findings = countsFromJson(f.value(QStringLiteral("findings")).toObject());
    return file;
}

QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& s : v.toArray()) {
        out.append(s.toString());
    }
    return out;
}

} // namespace

bundle::Manifest manifestFromJson(const QJsonObject& json) {
    bundle::Manifest m;
    const QJsonObject tool = json.value(QStringLiteral("tool")).toObject();
    const QJsonObject source = json.value(QStringLiteral("source")).toObject();
    const QJsonObject rules = json.value(QStringLiteral("rules")).toObject();
    m.toolVersion = str(tool, "version");
    m.created = QDateTime::fromString(str(json, "created"), Qt::ISODate);
    m.sourceKind = str(source, "kind");
    m.product = str(source, "product");
    m.productName = str(source, "productName");
    m.version = str(source, "version");
    m.node = str(source, "node");
    m.dataCenter = source.value(QStringLiteral("dataCenter")).toBool();
    m.databaseType = str(source, "databaseType");
    m.platform = str(source, "platform");
    m.rulesVersion = str(rules, "version");
    m.rules = stringList(rules.value(QStringLiteral("names")));
    m.categoryActions = stringList(rules.value(QStringLiteral("actions")));
    m.consent = consentFromJson(json.value(QStringLiteral("consent")).toObject());
    for (const QJsonValue& f : json.value(QStringLiteral("files")).toArray()) {
        m.files.append(fileFromJson(f.toObject()));
    }
    for (const QJsonValue& v : json.value(QStringLiteral("leftOut")).toArray()) {
        const QJsonObject o = v.toObject();
        m.leftOut.append(
            {str(o, "path"), o.value(QStringLiteral("folder")).toBool(), str(o, "reason")});
    }
    return m;
}

Expected<bundle::Manifest> readManifest(const bundle::BundleReader& reader) {
    const QString name = QStringLiteral("manifest.json");
    if (!reader.contains(name)) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the bundle has no manifest.json: it was not written by "
                                        "supportzip, or it was damaged"));
    }
    auto bytes = reader.read(name, kMaxManifestBytes);
    if (!bytes) {
        return tl::unexpected(bytes.error());
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (!doc.isObject()) {
        return makeError(
            ErrorCode::MalformedInput,
            QStringLiteral("manifest.json is not valid JSON: %1").arg(error.errorString()));
    }
    return manifestFromJson(doc.object());
}

} // namespace supportzip::core::review
