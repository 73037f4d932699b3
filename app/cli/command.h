// SPDX-License-Identifier: GPL-3.0-or-later
// A CLI subcommand: name, description, options and execute(). Streams are injected through
// CommandContext so tests run commands in-process; results go to `out`, diagnostics to `err`.
#pragma once

#include <QCommandLineParser>
#include <QTextStream>

#include <atomic>
#include <memory>
#include <vector>

namespace supportzip::cli {

struct CommandContext {
    QTextStream& out;
    QTextStream& err;
    bool errIsTerminal = false;
    // Set asynchronously (SIGINT); long commands poll it and cancel their job.
    const std::atomic<bool>* interrupted = nullptr;
};

class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString description() const = 0;
    virtual void addOptions(QCommandLineParser& parser) const = 0;
    // Returns an ExitCode.
    virtual int execute(CommandContext& context, const QCommandLineParser& parser) const = 0;
};

std::vector<std::unique_ptr<Command>> allCommands();

// Gives parser the command's description and options, and those every command shares; --help
// prints what it then holds, and the man page and bash completion are generated from that text.
void setUpParser(QCommandLineParser& parser, const Command& command);

// Parses args (args[0] is the program name) and runs the chosen command.
int runCli(const QStringList& args, CommandContext& context);

} // namespace supportzip::cli
