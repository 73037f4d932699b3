// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's help as data, read back from the text `supportzip <command> --help` prints, so the
// man page and the bash completion say exactly what --help says and cannot drift from it.
#pragma once

#include "command.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace supportzip::cli {

struct OptionHelp {
    QStringList names; // "-h", "--help"
    QString valueName; // "NAME <EMAIL>"; empty for a flag
    QString description;
};

struct ArgumentHelp {
    QString name;
    QString description;
};

struct CommandHelp {
    QString name;
    QString description;
    QString arguments; // the usage line after "[options]": "export|import FILE"
    QList<OptionHelp> options;
    QList<ArgumentHelp> argumentHelp;
};

// Parses the text QCommandLineParser::helpText() produces (wrapped lines are joined).
CommandHelp parseHelpText(const QString& commandName, const QString& helpText);

// The help of every registered command, in registry order.
QList<CommandHelp> allCommandHelp();

// Generated documents (see manpage.cpp, bashcompletion.cpp).
QString manPage(const QList<CommandHelp>& commands, const QString& version);
QString bashCompletion(const QList<CommandHelp>& commands);

} // namespace supportzip::cli
