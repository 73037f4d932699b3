// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for a secret (an API token, a bundle password) on the terminal without echoing it. Only
// when stdin is a terminal: a script passes --token-file / --password-file instead (the CLI never
// prompts a pipe).
#pragma once

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <optional>

namespace supportzip::cli {

bool stdinIsTerminal();
// Writes the prompt to err, reads one line from stdin with echo off. nullopt on end of input.
// Wrap the result in a core::Secret at once (Secret::take wipes the array).
std::optional<QByteArray> promptNoEcho(QTextStream& err, const QString& prompt);

} // namespace supportzip::cli
