// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "exitcode.h"
#include "vault/vault.h"

namespace supportzip::cli {

QString KeyCommand::name() const {
    return QStringLiteral("key");
}
QString KeyCommand::description() const {
    return QStringLiteral(
        "Export or import the pseudonym key, so every cluster node gives the same pseudonyms.");
}

void KeyCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("export or import"),
                                 QStringLiteral("export|import"));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("The key file (keep it as secret as a password)."),
                                 QStringLiteral("FILE"));
    parser.addOption({QStringLiteral("replace"),
                      QStringLiteral("Import even though this machine has a different key.")});
    parser.addOption({QStringLiteral("vault"), QStringLiteral("Folder of the local vault."),
                      QStringLiteral("DIR")});
}

int KeyCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 ||
        (args[0] != QStringLiteral("export") && args[0] != QStringLiteral("import"))) {
        ctx.err
            << "supportzip key: use 'supportzip key export FILE' or 'supportzip key import FILE'\n";
        return ExitCode::Usage;
    }
    const core::vault::Vault vault(parser.value(QStringLiteral("vault")));
    auto ok = args[0] == QStringLiteral("export")
                  ? vault.exportKey(args[1])
                  : vault.importKey(args[1], parser.isSet(QStringLiteral("replace")));
    if (!ok) {
        ctx.err << "supportzip key: " << ok.error().toString() << "\n";
        return ExitCode::Failure;
    }
    ctx.out << (args[0] == QStringLiteral("export") ? "key exported to " : "key imported from ")
            << args[1] << "\n";
    return ExitCode::Success;
}

} // namespace supportzip::cli
