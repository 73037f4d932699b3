// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for a token on the terminal without echoing it. Only when stdin is a terminal: a script
// must pass --token-file instead (the CLI never prompts a pipe).
#pragma once

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <optional>

namespace supportzip::cli {

bool stdinIsTerminal();
// Writes the prompt to err, reads one line from stdin with echo off. nullopt on end of input.
std::optional<QByteArray> promptForToken(QTextStream& err, const QString& prompt);

} // namespace supportzip::cli
