// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdoc.h"

namespace supportzip::cli {
namespace {

enum class Section { Header, Options, Arguments };

// "  --consent <NAME <EMAIL>>    Your consent..." -> names and value, description. Qt pads the
// names column with at least two spaces; a value name has single spaces at most.
OptionHelp parseOptionLine(const QString& line) {
    const QString entry = line.trimmed();
    const qsizetype gap = entry.indexOf(QLatin1StringView("  "));
    const QString names = (gap < 0 ? entry : entry.left(gap)).trimmed();
    OptionHelp option;
    option.description = gap < 0 ? QString() : entry.mid(gap).trimmed();
    const qsizetype value = names.indexOf(QLatin1StringView(" <"));
    if (value >= 0 && names.endsWith(u'>')) {
        option.valueName = names.mid(value + 2, names.size() - value - 3);
    }
    option.names = names.left(value < 0 ? names.size() : value).split(QLatin1StringView(", "));
    return option;
}

ArgumentHelp parseArgumentLine(const QString& line) {
    const QString entry = line.trimmed();
    const qsizetype gap = entry.indexOf(QLatin1StringView("  "));
    return {(gap < 0 ? entry : entry.left(gap)).trimmed(),
            gap < 0 ? QString() : entry.mid(gap).trimmed()};
}

// An entry starts two spaces in; Qt indents the continuation of a wrapped description further.
bool isContinuation(const QString& line) {
    return line.startsWith(QLatin1StringView("   "));
}

void appendText(QString& text, const QString& more) {
    text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + more.trimmed();
}

} // namespace

CommandHelp parseHelpText(const QString& commandName, const QString& helpText) {
    CommandHelp help;
    help.name = commandName;
    Section section = Section::Header;
    const QStringList lines = helpText.split(u'\n');
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1StringView("Usage: "))) {
            const qsizetype options = line.indexOf(QLatin1StringView("[options]"));
            help.arguments = options < 0 ? QString() : line.mid(options + 9).trimmed();
        } else if (line == QLatin1StringView("Options:")) {
            section = Section::Options;
        } else if (line == QLatin1StringView("Arguments:")) {
            section = Section::Arguments;
        } else if (line.trimmed().isEmpty()) {
            continue;
        } else if (section == Section::Header) {
            appendText(help.description, line);
        } else if (isContinuation(line)) {
            const bool options = section == Section::Options;
            if (options ? !help.options.isEmpty() : !help.argumentHelp.isEmpty()) {
                appendText(options ? help.options.back().description
                                   : help.argumentHelp.back().description,
                           line);
            }
        } else if (section == Section::Options) {
            help.options.append(parseOptionLine(line));
        } else {
            help.argumentHelp.append(parseArgumentLine(line));
        }
    }
    return help;
}

QList<CommandHelp> allCommandHelp() {
    QList<CommandHelp> list;
    for (const auto& command : allCommands()) {
        QCommandLineParser parser;
        setUpParser(parser, *command);
        list.append(parseHelpText(command->name(), parser.helpText()));
    }
    return list;
}

} // namespace supportzip::cli
