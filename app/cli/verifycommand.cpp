// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "bundle/verifier.h"
#include "exitcode.h"
#include "passwordoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {
namespace {

QString categoryText(core::scrub::Category c) {
    const auto n = core::scrub::categoryName(c);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

QJsonObject reportJson(const core::bundle::VerifyReport& r) {
    QJsonArray issues;
    for (const auto& i : r.issues) {
        issues.append(QJsonObject{{QStringLiteral("member"), i.member},
                                  {QStringLiteral("problem"), i.problem}});
    }
    QJsonArray residual;
    for (const auto& h : r.residual) {
        residual.append(QJsonObject{{QStringLiteral("member"), h.member},
                                    {QStringLiteral("line"), h.line},
                                    {QStringLiteral("rule"), h.rule},
                                    {QStringLiteral("category"), categoryText(h.category)}});
    }
    QJsonObject counts;
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        counts.insert(categoryText(static_cast<core::scrub::Category>(i)),
                      static_cast<qint64>(r.residualCounts[i]));
    }
    return {{QStringLiteral("intact"), r.intact()},
            {QStringLiteral("membersChecked"), r.membersChecked},
            {QStringLiteral("issues"), issues},
            {QStringLiteral("residualCounts"), counts},
            {QStringLiteral("residual"), residual}};
}

} // namespace

QString VerifyCommand::name() const {
    return QStringLiteral("verify");
}
QString VerifyCommand::description() const {
    return QStringLiteral("Check a bundle: structure, every SHA-256 against its manifest, and what "
                          "still looks like customer data.");
}

void VerifyCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("The bundle to verify."),
                                 QStringLiteral("BUNDLE.zip"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    parser.addOption({QStringLiteral("strict"),
                      QStringLiteral("Also fail when the residual scan finds anything.")});
    addPasswordOptions(parser, PasswordUse::Read);
}

int VerifyCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "supportzip verify: give exactly one bundle\n";
        return ExitCode::Usage;
    }
    core::Secret password;
    if (const int rc = readPassword(ctx, parser, PasswordUse::Read, password); rc >= 0) {
        return rc;
    }
    auto report =
        core::bundle::verifyBundle(parser.positionalArguments().first(), nullptr, password);
    if (!report) {
        ctx.err << "supportzip verify: " << report.error().toString() << "\n";
        // Not found, or locked: the bundle could not be examined, which is not a failed check.
        switch (report.error().code) {
        case core::ErrorCode::NotFound:
        case core::ErrorCode::PasswordRequired:
        case core::ErrorCode::WrongPassword:
            return ExitCode::Failure;
        default:
            return ExitCode::VerificationFailed;
        }
    }
    qint64 residualTotal = 0;
    for (auto c : report->residualCounts) {
        residualTotal += c;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(reportJson(*report)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << (report->intact() ? "intact: " : "NOT intact: ") << report->membersChecked
                << " members checked against the manifest\n";
        for (const auto& i : report->issues) {
            ctx.out << "  problem: " << i.member << ": " << i.problem << "\n";
        }
        ctx.out << "residual scan: " << residualTotal << " values still look like customer data\n";
        for (const auto& h : report->residual) {
            ctx.out << "  " << h.member << ":" << h.line << " " << categoryText(h.category) << " ("
                    << h.rule << ")\n";
        }
    }
    if (!report->intact() || (parser.isSet(QStringLiteral("strict")) && residualTotal > 0)) {
        return ExitCode::VerificationFailed;
    }
    return ExitCode::Success;
}

} // namespace supportzip::cli
