// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "buildversion.h"
#include "exitcode.h"
#include "logging/logging.h"
#include "profile.h"

namespace supportzip::cli {
namespace {

void printUsage(QTextStream& s, const std::vector<std::unique_ptr<Command>>& commands) {
    s << "supportzip " << SUPPORTZIP_VERSION_FULL
      << " - sanitized support bundles for Jira and Confluence\n\n"
         "Usage: supportzip <command> [options]\n\nCommands:\n";
    for (const auto& c : commands) {
        s << "  " << c->name().leftJustified(10) << c->description() << "\n";
    }
    s << "\nRun 'supportzip <command> --help' for a command's options.\n";
}

} // namespace

void setUpParser(QCommandLineParser& parser, const Command& command) {
    parser.setApplicationDescription(command.description());
    parser.addHelpOption();
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("Only errors on stderr.")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Debug messages on stderr.")});
    parser.addOption({QStringLiteral("log-file"),
                      QStringLiteral("Also write the tool's own log to FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("Read options from a YAML file (one key per option, "
                                     "e.g. \"since: 7d\"); the command line wins."),
                      QStringLiteral("FILE")});
    command.addOptions(parser);
}

int runCli(const QStringList& args, CommandContext& context) {
    const auto commands = allCommands();
    if (args.size() < 2 || args[1] == QStringLiteral("--help") || args[1] == QStringLiteral("-h") ||
        args[1] == QStringLiteral("help")) {
        printUsage(args.size() < 2 ? context.err : context.out, commands);
        return args.size() < 2 ? ExitCode::Usage : ExitCode::Success;
    }
    if (args[1] == QStringLiteral("--version") || args[1] == QStringLiteral("version")) {
        context.out << "supportzip " << SUPPORTZIP_VERSION_FULL << "\n";
        return ExitCode::Success;
    }
    for (const auto& command : commands) {
        if (command->name() != args[1]) {
            continue;
        }
        QCommandLineParser parser;
        setUpParser(parser, *command);
        QStringList rest = args.mid(1);
        rest[0] = QStringLiteral("supportzip ") + command->name();
        if (!parser.parse(rest)) {
            context.err << "supportzip " << command->name() << ": " << parser.errorText() << "\n";
            return ExitCode::Usage;
        }
        if (parser.isSet(QStringLiteral("profile"))) {
            // The profile's options go first, so the command line's come last and win.
            const QString path = parser.value(QStringLiteral("profile"));
            auto profile = profileArguments(path);
            QCommandLineParser alone;
            setUpParser(alone, *command);
            if (profile && !alone.parse(QStringList{rest[0]} + *profile)) {
                profile =
                    core::makeError(core::ErrorCode::InvalidArgument, alone.errorText(), path);
            }
            if (!profile) {
                context.err << "supportzip " << command->name()
                            << ": profile: " << profile.error().toString() << "\n";
                return ExitCode::Usage;
            }
            rest = QStringList{rest[0]} + *profile + rest.mid(1);
            if (!parser.parse(rest)) {
                context.err << "supportzip " << command->name() << ": " << parser.errorText()
                            << "\n";
                return ExitCode::Usage;
            }
        }
        // --help-all is listed by addHelpOption(); a QCoreApplication has no Qt options to add.
        if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
            context.out << parser.helpText();
            return ExitCode::Success;
        }
        using core::logging::Verbosity;
        core::logging::setupForCli(parser.isSet(QStringLiteral("quiet"))     ? Verbosity::Quiet
                                   : parser.isSet(QStringLiteral("verbose")) ? Verbosity::Verbose
                                                                             : Verbosity::Normal,
                                   parser.value(QStringLiteral("log-file")));
        const int rc = command->execute(context, parser);
        context.out.flush();
        context.err.flush();
        return rc;
    }
    context.err << "supportzip: unknown command '" << args[1] << "'\n\n";
    printUsage(context.err, commands);
    return ExitCode::Usage;
}

} // namespace supportzip::cli
