// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundleoptions.h"
#include "exitcode.h"

namespace supportzip::cli {

void addWindowsPathOption(QCommandLineParser& p) {
    p.addOption({QStringLiteral("map-windows-path"),
                 QStringLiteral("Where a Windows drive or share named in the configuration is "
                                "found here, e.g. C:=/mnt/winc or //fs01/jira=/mnt/share "
                                "(a copy or mount of a Windows server), repeatable."),
                 QStringLiteral("PREFIX=DIR")});
}

int fillWindowsPaths(CommandContext& ctx, const QCommandLineParser& p,
                     core::discovery::DiscoveryOptions& options) {
    for (const QString& mapping : p.values(QStringLiteral("map-windows-path"))) {
        const qsizetype eq = mapping.indexOf(u'=');
        if (eq <= 0 || eq == mapping.size() - 1) {
            ctx.err << "supportzip: --map-windows-path needs PREFIX=DIR, e.g. C:=/mnt/winc\n";
            return ExitCode::Usage;
        }
        options.windowsMounts.insert(mapping.left(eq), mapping.mid(eq + 1));
    }
    return -1;
}

} // namespace supportzip::cli
