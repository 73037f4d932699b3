// SPDX-License-Identifier: GPL-3.0-or-later
// supportzip-docgen: writes the man page or the bash completion from the commands' --help text.
// A build tool (packaging/CMakeLists.txt runs it); not installed.
//   supportzip-docgen man VERSION OUTFILE
//   supportzip-docgen bash OUTFILE
#include "helpdoc.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace {

int write(const QString& path, const QString& text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        std::fprintf(stderr, "supportzip-docgen: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    // The help text's "Usage:" line and --help-all depend on a QCoreApplication, as in the CLI.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    using namespace supportzip::cli;
    if (args.size() == 4 && args[1] == QLatin1StringView("man")) {
        return write(args[3], manPage(allCommandHelp(), args[2]));
    }
    if (args.size() == 3 && args[1] == QLatin1StringView("bash")) {
        return write(args[2], bashCompletion(allCommandHelp()));
    }
    std::fprintf(stderr, "usage: supportzip-docgen man VERSION OUTFILE | bash OUTFILE\n");
    return 2;
}
