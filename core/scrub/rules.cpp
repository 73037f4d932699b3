// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/rules.h"

#include "common/yamlfile.h"
#include "scrub/regexterms.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::core::scrub {
namespace {

Expected<QJsonObject> readJsonObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot open the rules file: %1").arg(file.errorString()),
                         path);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("the rules file is not a JSON object (%1 at offset %2)")
                             .arg(parseError.errorString())
                             .arg(parseError.offset),
                         path);
    }
    return doc.object();
}

// "terms": plain strings are literal terms, {regex: "..."} items patterns.
Expected<void> appendTerms(ScrubRules& rules, const QJsonValue& value, const QString& path) {
    for (const QJsonValue& v : value.toArray()) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QString regex = o.value(QStringLiteral("regex")).toString().trimmed();
            const QString literal = o.value(QStringLiteral("literal")).toString().trimmed();
            if (regex.isEmpty() == literal.isEmpty()) {
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("a term is a text, or a mapping with either "
                                                "\"regex\" or \"literal\""),
                                 path);
            }
            (regex.isEmpty() ? rules.customTerms : rules.termPatterns)
                .append(regex.isEmpty() ? literal : regex);
        } else if (!v.toString().trimmed().isEmpty()) {
            rules.customTerms.append(v.toString().trimmed());
        }
    }
    return {};
}

void appendStrings(QStringList& list, const QJsonValue& value) {
    for (const QJsonValue& v : value.toArray()) {
        if (!v.toString().trimmed().isEmpty()) {
            list.append(v.toString().trimmed());
        }
    }
}

Expected<void> applyActions(ScrubRules& rules, const QJsonObject& actions, const QString& path) {
    for (auto it = actions.begin(); it != actions.end(); ++it) {
        Category category;
        Action action;
        const std::string c = it.key().toStdString();
        const std::string a = it.value().toString().toStdString();
        if (!parseCategory(c, &category) || !parseAction(a, &action)) {
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("unknown category or action \"%1\": \"%2\" (categories: "
                               "secret, person, network, custom, keys, content; "
                               "actions: redact, pseudonymize, keep)")
                    .arg(it.key(), it.value().toString()),
                path);
        }
        if (category == Category::Secret && action == Action::Pseudonymize) {
            action = Action::Redact; // nothing derived from a secret may leave the machine
        }
        rules.actions[static_cast<std::size_t>(category)] = action;
    }
    return {};
}

} // namespace

bool ScrubRules::isKept(std::string_view value) const {
    if (keep.isEmpty()) {
        return false;
    }
    const QString v = QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
    return keep.contains(v, Qt::CaseInsensitive);
}

Expected<ScrubRules> loadDefaultRules() {
    auto json = readJsonObject(QStringLiteral(":/supportzip/rules/default-rules.json"));
    if (!json) {
        return tl::unexpected(json.error());
    }
    ScrubRules rules;
    rules.version = json->value(QStringLiteral("version")).toString();
    for (const QJsonValue& r : json->value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = r.toObject();
        rules.builtIn.push_back(RuleInfo{o.value(QStringLiteral("id")).toString(),
                                         o.value(QStringLiteral("category")).toString(),
                                         o.value(QStringLiteral("description")).toString()});
    }
    if (auto ok = applyActions(rules, json->value(QStringLiteral("actions")).toObject(),
                               QStringLiteral("default-rules.json"));
        !ok) {
        return tl::unexpected(ok.error());
    }
    appendStrings(rules.keep, json->value(QStringLiteral("keep")));
    return rules;
}

Expected<ScrubRules> applyRulesFile(ScrubRules rules, const QString& path) {
    auto object = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                      ? readJsonObject(path)
                      : readYamlObject(path);
    if (!object) {
        return tl::unexpected(object.error());
    }
    static const QStringList known{QStringLiteral("version"), QStringLiteral("actions"),
                                   QStringLiteral("terms"), QStringLiteral("keep")};
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (!known.contains(it.key())) {
            // A misspelt key ("term:") would silently scrub less than the admin asked for.
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown key \"%1\" in the rules file (known: %2)")
                                 .arg(it.key(), known.join(QStringLiteral(", "))),
                             path);
        }
    }
    if (auto ok = applyActions(rules, object->value(QStringLiteral("actions")).toObject(), path);
        !ok) {
        return tl::unexpected(ok.error());
    }
    if (auto ok = appendTerms(rules, object->value(QStringLiteral("terms")), path); !ok) {
        return tl::unexpected(ok.error());
    }
    appendStrings(rules.keep, object->value(QStringLiteral("keep")));
    if (auto ok = compileTermPatterns(rules); !ok) {
        Error e = ok.error();
        e.path = path;
        return tl::unexpected(e);
    }
    return rules;
}

Expected<void> compileTermPatterns(ScrubRules& rules) {
    if (rules.termPatterns.isEmpty()) {
        rules.regexTerms.reset();
        return {};
    }
    auto compiled = RegexTerms::compile(rules.termPatterns);
    if (!compiled) {
        return tl::unexpected(compiled.error());
    }
    rules.regexTerms = *compiled;
    return {};
}

} // namespace supportzip::core::scrub
