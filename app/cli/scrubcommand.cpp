// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "bundleoptions.h"
#include "exitcode.h"

namespace supportzip::cli {

QString ScrubCommand::name() const {
    return QStringLiteral("scrub");
}
QString ScrubCommand::description() const {
    return QStringLiteral("Scrub an existing support zip or a folder of logs into a bundle.");
}

void ScrubCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("source"),
                                 QStringLiteral("A support zip (.zip) or a folder."),
                                 QStringLiteral("SOURCE"));
    addBundleOptions(parser);
}

int ScrubCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "supportzip scrub: give exactly one source (a support zip or a folder)\n";
        return ExitCode::Usage;
    }
    core::pipeline::CollectRequest request;
    request.sourcePath = parser.positionalArguments().first();
    if (const int rc = fillBundleRequest(ctx, parser, request); rc >= 0) {
        return rc;
    }
    return runCollection(ctx, parser, request);
}

} // namespace supportzip::cli
