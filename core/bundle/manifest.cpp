// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/manifest.h"

#include "bundle/bundleencryption.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace supportzip::core::bundle {
namespace {

QJsonObject countsToJson(const scrub::CategoryCounts& counts) {
    QJsonObject o;
    for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
        const auto name = scrub::categoryName(static_cast<scrub::Category>(i));
        o.insert(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())),
                 static_cast<qint64>(counts[i]));
    }
    return o;
}

QString isoUtc(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

QJsonObject consentToJson(const Consent& consent) {
    return QJsonObject{{QStringLiteral("name"), consent.name},
                       {QStringLiteral("email"), consent.email},
                       {QStringLiteral("time"), isoUtc(consent.time)},
                       {QStringLiteral("recipient"), consent.recipient},
                       {QStringLiteral("ticket"), consent.ticket},
                       {QStringLiteral("statement"), consent.statement},
                       {QStringLiteral("deleteBy"), consent.deleteBy.isValid()
                                                        ? consent.deleteBy.toString(Qt::ISODate)
                                                        : QString()}};
}

QString consentStatement(const QString& recipient) {
    return QStringLiteral(
               "I reviewed what this bundle contains and agree that it is sent to %1 for the "
               "support case named here. Secrets were redacted and personal data replaced by "
               "pseudonyms on this machine; the mapping back to real values stays here. I ask the "
               "recipient to use the bundle only for this case and to delete it by the date given.")
        .arg(recipient.isEmpty() ? QStringLiteral("the support team") : recipient);
}

bool parseConsentIdentity(const QString& text, Consent* out) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(.+?)\\s*<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return false;
    }
    out->name = m.captured(1);
    out->email = m.captured(2);
    return true;
}

scrub::CategoryCounts Manifest::totalFindings() const {
    scrub::CategoryCounts total{};
    for (const ManifestFile& f : files) {
        for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
            total[i] += f.findings[i];
        }
    }
    return total;
}

QJsonObject Manifest::toJson() const {
    QJsonArray fileArray;
    for (const ManifestFile& f : files) {
        fileArray.append(QJsonObject{{QStringLiteral("path"), f.bundlePath},
                                     {QStringLiteral("originalPath"), f.originalPath},
                                     {QStringLiteral("category"), f.category},
                                     {QStringLiteral("sizeBefore"), f.sizeBefore},
                                     {QStringLiteral("sizeAfter"), f.sizeAfter},
                                     {QStringLiteral("sha256"), f.sha256},
                                     {QStringLiteral("truncated"), f.truncated},
                                     {QStringLiteral("encoding"), f.encoding},
                                     {QStringLiteral("findings"), countsToJson(f.findings)}});
    }
    QJsonArray leftOutArray;
    for (const ManifestLeftOut& l : leftOut) {
        leftOutArray.append(QJsonObject{{QStringLiteral("path"), l.path},
                                        {QStringLiteral("folder"), l.folder},
                                        {QStringLiteral("reason"), l.reason}});
    }
    const QJsonObject consentJson = consentToJson(consent);
    QJsonObject json{
        {QStringLiteral("format"), kManifestFormat},
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("name"), QStringLiteral("supportzip")},
                                             {QStringLiteral("version"), toolVersion}}},
        {QStringLiteral("created"), isoUtc(created)},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("kind"), sourceKind},
                                               {QStringLiteral("product"), product},
                                               {QStringLiteral("productName"), productName},
                                               {QStringLiteral("version"), version},
                                               {QStringLiteral("node"), node},
                                               {QStringLiteral("dataCenter"), dataCenter},
                                               {QStringLiteral("databaseType"), databaseType},
                                               {QStringLiteral("platform"), platform}}},
        {QStringLiteral("rules"),
         QJsonObject{{QStringLiteral("version"), rulesVersion},
                     {QStringLiteral("names"), QJsonArray::fromStringList(rules)},
                     {QStringLiteral("actions"), QJsonArray::fromStringList(categoryActions)}}},
        {QStringLiteral("consent"), consentJson},
        {QStringLiteral("encryption"), encryptionName(encrypted)},
        {QStringLiteral("findings"), countsToJson(totalFindings())},
        {QStringLiteral("files"), fileArray},
        {QStringLiteral("leftOut"), leftOutArray}};
    if (!nodes.isEmpty()) {
        QJsonArray nodeArray;
        for (const ManifestNode& n : nodes) {
            nodeArray.append(QJsonObject{{QStringLiteral("folder"), n.folder},
                                         {QStringLiteral("node"), n.node},
                                         {QStringLiteral("bundle"), n.bundleName},
                                         {QStringLiteral("sha256"), n.bundleSha256},
                                         {QStringLiteral("created"), isoUtc(n.created)},
                                         {QStringLiteral("consent"), consentToJson(n.consent)}});
        }
        json.insert(QStringLiteral("nodes"), nodeArray);
    }
    return json;
}

} // namespace supportzip::core::bundle
