// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/collectionrules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::core::collect {
namespace {

QRegularExpression anchored(const QString& pattern) {
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1StringView(key)).toString();
}

} // namespace

Expected<CollectionRules> loadCollectionRules(discovery::Product product) {
    QFile file(QStringLiteral(":/supportzip/collect/collection-rules.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Internal,
                         QStringLiteral("built-in collection rules are missing"));
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject rules = root.value(QStringLiteral("products"))
                                  .toObject()
                                  .value(discovery::productId(product))
                                  .toObject();
    if (rules.isEmpty()) {
        return makeError(ErrorCode::UnsupportedInput,
                         QStringLiteral("no collection rules for product %1")
                             .arg(discovery::productId(product)));
    }
    CollectionRules out;
    out.version = str(root, "version");
    for (const QJsonValue& v : root.value(QStringLiteral("never")).toArray()) {
        const QJsonObject o = v.toObject();
        out.never.append(NeverRule{QRegularExpression(str(o, "match")), str(o, "reason")});
    }
    for (const QJsonValue& v : rules.value(QStringLiteral("collect")).toArray()) {
        const QJsonObject o = v.toObject();
        out.collect.append(CollectRule{str(o, "root"), anchored(str(o, "match")),
                                       str(o, "category"), str(o, "subdir")});
    }
    for (const QJsonValue& v : rules.value(QStringLiteral("prune")).toArray()) {
        const QJsonObject o = v.toObject();
        QStringList except;
        for (const QJsonValue& e : o.value(QStringLiteral("except")).toArray()) {
            except << e.toString();
        }
        out.prune.append(
            PruneRule{str(o, "root"), anchored(str(o, "match")), str(o, "reason"), except});
    }
    return out;
}

} // namespace supportzip::core::collect
