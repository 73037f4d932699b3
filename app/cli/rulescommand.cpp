// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "exitcode.h"
#include "scrub/rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {

QString RulesCommand::name() const {
    return QStringLiteral("rules");
}
QString RulesCommand::description() const {
    return QStringLiteral("List the built-in scrubbing rules and default actions.");
}

void RulesCommand::addOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
}

int RulesCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    auto rules = core::scrub::loadDefaultRules();
    if (!rules) {
        ctx.err << "supportzip rules: " << rules.error().toString() << "\n";
        return ExitCode::Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto& r : rules->builtIn) {
            list.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("category"), r.category},
                                    {QStringLiteral("description"), r.description}});
        }
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("version"), rules->version},
                                             {QStringLiteral("rules"), list}})
                       .toJson();
        return ExitCode::Success;
    }
    ctx.out << "Built-in rules, version " << rules->version << "\n\n";
    for (const auto& r : rules->builtIn) {
        ctx.out << r.id.leftJustified(24) << r.category.leftJustified(9) << r.description << "\n";
    }
    return ExitCode::Success;
}

} // namespace supportzip::cli
