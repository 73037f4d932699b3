// SPDX-License-Identifier: GPL-3.0-or-later
#include "consentoptions.h"

#include "exitcode.h"

namespace supportzip::cli {

void addConsentOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("Bundle file to write, or a folder for the default name."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("consent"),
                 QStringLiteral("Your consent to send the bundle: \"NAME <EMAIL>\". Required."),
                 QStringLiteral("NAME <EMAIL>")});
    p.addOption({QStringLiteral("recipient"),
                 QStringLiteral("Who receives the bundle (vendor or team)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("ticket"), QStringLiteral("The support ticket the bundle is for."),
                 QStringLiteral("KEY")});
    p.addOption(
        {QStringLiteral("delete-by"),
         QStringLiteral("Date by which the recipient should delete the bundle (YYYY-MM-DD)."),
         QStringLiteral("DATE")});
}

int fillConsent(CommandContext& ctx, const QCommandLineParser& p, core::bundle::Consent& c) {
    if (!p.isSet(QStringLiteral("consent"))) {
        ctx.err << "supportzip: refusing to write a bundle without consent. Review what "
                   "will be sent, then pass --consent \"NAME <EMAIL>\"\n";
        return ExitCode::Usage;
    }
    if (!core::bundle::parseConsentIdentity(p.value(QStringLiteral("consent")), &c)) {
        ctx.err << "supportzip: --consent must look like \"Jana Novak <jana@example.com>\"\n";
        return ExitCode::Usage;
    }
    c.recipient = p.value(QStringLiteral("recipient"));
    c.ticket = p.value(QStringLiteral("ticket"));
    if (p.isSet(QStringLiteral("delete-by"))) {
        c.deleteBy = QDate::fromString(p.value(QStringLiteral("delete-by")), Qt::ISODate);
        if (!c.deleteBy.isValid()) {
            ctx.err << "supportzip: --delete-by needs a date like 2026-12-31\n";
            return ExitCode::Usage;
        }
    }
    return -1;
}

} // namespace supportzip::cli
