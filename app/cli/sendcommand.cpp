// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "exitcode.h"
#include "passwordoptions.h"
#include "sendoptions.h"

namespace supportzip::cli {

QString SendCommand::name() const {
    return QStringLiteral("send");
}
QString SendCommand::description() const {
    return QStringLiteral("Verify a bundle and attach it to the support ticket (Jira Service "
                          "Management, or a pre-signed upload URL).");
}

void SendCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("The bundle to send."),
                                 QStringLiteral("BUNDLE.zip"));
    addSendOptions(parser);
    parser.addOption(
        {QStringLiteral("vault"),
         QStringLiteral("Folder of the local vault whose ledger records the delivery."),
         QStringLiteral("DIR")});
    addPasswordOptions(parser, PasswordUse::Read);
}

int SendCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "supportzip send: give exactly one bundle\n";
        return ExitCode::Usage;
    }
    core::delivery::DeliveryRequest request;
    request.bundlePath = parser.positionalArguments().first();
    if (const int rc = readPassword(ctx, parser, PasswordUse::Read, request.bundlePassword);
        rc >= 0) {
        return rc;
    }
    if (const int rc = fillDeliveryRequest(ctx, parser, request); rc >= 0) {
        return rc;
    }
    return runDelivery(ctx, parser, request);
}

} // namespace supportzip::cli
