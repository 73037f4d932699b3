// SPDX-License-Identifier: GPL-3.0-or-later
// supportzip: the headless CLI. Links Qt Core only, so it runs on servers without a display.
#include "command.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
std::atomic<bool> s_interrupted{false};
extern "C" void onInterrupt(int) {
    s_interrupted.store(true);
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("supportzip"));
    QCoreApplication::setOrganizationName(QStringLiteral("supportzip"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPPORTZIP_VERSION));
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTextStream out(stdout);
    QTextStream err(stderr);
    supportzip::cli::CommandContext context{out, err, isatty(fileno(stderr)) != 0, &s_interrupted};
    return supportzip::cli::runCli(QCoreApplication::arguments(), context);
}
