// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "exitcode.h"
#include "vault/unmask.h"
#include "vault/vault.h"

#include <QFile>

namespace supportzip::cli {

QString UnmaskCommand::name() const {
    return QStringLiteral("unmask");
}
QString UnmaskCommand::description() const {
    return QStringLiteral("Replace pseudonyms in a support reply with the originals, locally.");
}

void UnmaskCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Text to unmask, or - for stdin."),
                                 QStringLiteral("[FILE|-]"));
    parser.addOption({QStringLiteral("vault"), QStringLiteral("Folder of the local vault."),
                      QStringLiteral("DIR")});
}

int UnmaskCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    const QStringList args = parser.positionalArguments();
    const QString source = args.isEmpty() ? QStringLiteral("-") : args.first();
    QFile in;
    const bool opened = source == QStringLiteral("-")
                            ? in.open(stdin, QIODevice::ReadOnly)
                            : (in.setFileName(source), in.open(QIODevice::ReadOnly));
    if (!opened) {
        ctx.err << "supportzip unmask: cannot read " << source << ": " << in.errorString() << "\n";
        return ExitCode::Failure;
    }
    auto mapping = core::vault::Vault(parser.value(QStringLiteral("vault"))).readMapping();
    if (!mapping) {
        ctx.err << "supportzip unmask: " << mapping.error().toString() << "\n";
        return ExitCode::Failure;
    }
    const core::vault::UnmaskResult result =
        core::vault::unmaskText(QString::fromUtf8(in.readAll()), *mapping);
    const auto replaced = result.replaced.size();
    const auto unknownCount = result.unknown.size();
    ctx.out << result.text;
    ctx.err << "supportzip unmask: " << replaced << " pseudonyms replaced";
    if (unknownCount > 0) {
        ctx.err << ", " << unknownCount << " unknown to this machine's vault";
    }
    ctx.err << "\n";
    return ExitCode::Success;
}

} // namespace supportzip::cli
