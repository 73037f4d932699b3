// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the CLI in-process, as a shell would run `supportzip ARGS...`, capturing both streams.
#pragma once

#include "command.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace supportzip::tests {

struct CliResult {
    int code;
    QString out;
    QString err;
};

inline CliResult run(const QStringList& args) {
    QString out, err;
    QTextStream o(&out), e(&err);
    cli::CommandContext ctx{o, e, false, nullptr};
    const int code = cli::runCli(QStringList{QStringLiteral("supportzip")} + args, ctx);
    o.flush();
    e.flush();
    return {code, out, err};
}

} // namespace supportzip::tests
