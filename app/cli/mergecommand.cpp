// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "consentoptions.h"
#include "exitcode.h"
#include "interruptwatcher.h"
#include "passwordoptions.h"
#include "pipeline/mergejob.h"

#include <optional>

namespace supportzip::cli {

QString MergeCommand::name() const {
    return QStringLiteral("merge");
}
QString MergeCommand::description() const {
    return QStringLiteral("Merge the bundles of a Data Center cluster's nodes into one bundle.");
}

void MergeCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("bundles"),
                                 QStringLiteral("The node bundles (two or more)."),
                                 QStringLiteral("BUNDLE..."));
    addConsentOptions(parser);
    parser.addOption({QStringLiteral("vault"),
                      QStringLiteral("Folder of the local vault whose ledger records the bundle."),
                      QStringLiteral("DIR")});
    addPasswordOptions(parser, PasswordUse::Write);
    parser.addOption({QStringLiteral("input-password-file"),
                      QStringLiteral("Password of encrypted node bundles, when it is not the one "
                                     "of the merged bundle (first line of FILE, chmod 600)."),
                      QStringLiteral("FILE")});
}

int MergeCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    core::pipeline::MergeRequest request;
    request.inputs = parser.positionalArguments();
    request.outputPath = parser.value(QStringLiteral("out"));
    if (request.inputs.size() < 2) {
        ctx.err << "supportzip merge: give the bundles of two or more nodes\n";
        return ExitCode::Usage;
    }
    request.vaultDir = parser.value(QStringLiteral("vault"));
    if (const int rc = fillConsent(ctx, parser, request.consent); rc >= 0) {
        return rc;
    }
    if (const int rc = readPassword(ctx, parser, PasswordUse::Write, request.password); rc >= 0) {
        return rc;
    }
    if (const int rc = readInputPassword(ctx, parser, request.inputPassword); rc >= 0) {
        return rc;
    }
    core::pipeline::MergeJob job(request);
    std::optional<InterruptWatcher> watcher(std::in_place, ctx.interrupted,
                                            [&job] { job.requestCancel(); });
    auto result = job.run();
    watcher.reset();
    if (!result) {
        ctx.err << "supportzip merge: " << result.error().toString() << "\n";
        switch (result.error().code) {
        case core::ErrorCode::Cancelled:
            return ExitCode::Cancelled;
        case core::ErrorCode::VerificationFailed:
            return ExitCode::VerificationFailed;
        case core::ErrorCode::ConsentMissing:
        case core::ErrorCode::InvalidArgument:
            return ExitCode::Usage;
        default:
            return ExitCode::Failure;
        }
    }
    ctx.out << result->bundlePath << "\n";
    ctx.out << QStringLiteral("%1 nodes, %2 files\n")
                   .arg(result->manifest.nodes.size())
                   .arg(result->manifest.files.size());
    return ExitCode::Success;
}

} // namespace supportzip::cli
