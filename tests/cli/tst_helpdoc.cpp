// SPDX-License-Identifier: GPL-3.0-or-later
// The man page and bash completion are generated from the commands' --help text: the parser
// reads that text exactly, and what it generates holds every command and option --help lists.
#include "buildversion.h"
#include "command.h"
#include "helpdoc.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip::cli;

namespace {

QString helpOf(const QString& command) {
    QString out, err;
    QTextStream o(&out), e(&err);
    CommandContext ctx{o, e, false, nullptr};
    runCli({QStringLiteral("supportzip"), command, QStringLiteral("--help")}, ctx);
    o.flush();
    return out;
}

QString simplified(const QString& text) {
    return text.simplified();
}

// "  -h, --help ..." / "  --consent <NAME <EMAIL>> ..." -> every option name on such lines.
QSet<QString> optionNamesIn(const QString& help) {
    static const QRegularExpression entry(QStringLiteral("^  (-\\w, )?(--[\\w-]+)"),
                                          QRegularExpression::MultilineOption);
    QSet<QString> names;
    for (auto it = entry.globalMatch(help); it.hasNext();) {
        const auto m = it.next();
        names << m.captured(2);
        if (!m.captured(1).isEmpty()) {
            names << m.captured(1).chopped(2);
        }
    }
    return names;
}

// What the completion function offers for the last of words (sorted: compgen -f is not).
QStringList complete(const QString& script, const QStringList& words) {
    QStringList args{QStringLiteral("-c"),
                     QStringLiteral("source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
                                    "COMP_CWORD=$(($# - 1)); _supportzip; "
                                    "printf '%s\\n' \"${COMPREPLY[@]}\""),
                     QStringLiteral("bash"), script};
    QProcess bash;
    bash.start(QStringLiteral("bash"), args + words);
    bash.waitForFinished();
    QStringList reply =
        QString::fromUtf8(bash.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    reply.sort();
    return reply;
}

} // namespace

class TestHelpDoc : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesWrappedOptionsAndArguments();
    void everyOptionOfEveryCommandsHelpIsRead();
    void manPageHoldsEveryCommandAndOption();
    void manPageUsesOnlyKnownRequests();
    void bashCompletionCompletesCommandsOptionsAndValues();
    void versionCarriesTheBuildVersion();
};

void TestHelpDoc::parsesWrappedOptionsAndArguments() {
    const QString help = QStringLiteral(
        "Usage: /usr/bin/supportzip [options] export|import FILE\n"
        "Export or import the key.\n"
        "\n"
        "Options:\n"
        "  -h, --help                Displays help on commandline options.\n"
        "  --consent <NAME <EMAIL>>  Your consent to send the bundle: \"NAME <EMAIL>\".\n"
        "                            Required.\n"
        "  --replace                 Import anyway.\n"
        "\n"
        "Arguments:\n"
        "  action                    export or import\n"
        "  file                      The key file (keep it as\n"
        "                            secret as a password).\n");
    const CommandHelp parsed = parseHelpText(QStringLiteral("key"), help);
    QCOMPARE(parsed.name, QStringLiteral("key"));
    QCOMPARE(parsed.description, QStringLiteral("Export or import the key."));
    QCOMPARE(parsed.arguments, QStringLiteral("export|import FILE"));
    QCOMPARE(parsed.options.size(), 3);
    QCOMPARE(parsed.options[0].names,
             (QStringList{QStringLiteral("-h"), QStringLiteral("--help")}));
    QVERIFY(parsed.options[0].valueName.isEmpty());
    QCOMPARE(parsed.options[1].names, QStringList{QStringLiteral("--consent")});
    QCOMPARE(parsed.options[1].valueName, QStringLiteral("NAME <EMAIL>"));
    QCOMPARE(parsed.options[1].description,
             QStringLiteral("Your consent to send the bundle: \"NAME <EMAIL>\". Required."));
    QCOMPARE(parsed.options[2].description, QStringLiteral("Import anyway."));
    QCOMPARE(parsed.argumentHelp.size(), 2);
    QCOMPARE(parsed.argumentHelp[1].name, QStringLiteral("file"));
    QCOMPARE(parsed.argumentHelp[1].description,
             QStringLiteral("The key file (keep it as secret as a password)."));
}

void TestHelpDoc::everyOptionOfEveryCommandsHelpIsRead() {
    const QList<CommandHelp> all = allCommandHelp();
    const auto commands = allCommands();
    QCOMPARE(all.size(), qsizetype(commands.size()));
    for (qsizetype i = 0; i < all.size(); ++i) {
        const auto& command = *commands[std::size_t(i)];
        QCOMPARE(all[i].name, command.name());
        QCOMPARE(all[i].description, command.description());
        const QString help = helpOf(command.name());
        QSet<QString> parsedNames;
        for (const OptionHelp& option : all[i].options) {
            parsedNames.unite(QSet<QString>(option.names.begin(), option.names.end()));
            // The description as --help prints it, wrapping aside.
            QVERIFY2(simplified(help).contains(simplified(option.description)),
                     qPrintable(command.name() + u' ' + option.names.join(u',')));
        }
        QCOMPARE(parsedNames, optionNamesIn(help));
        QVERIFY(parsedNames.contains(QStringLiteral("--log-file")));
    }
}

void TestHelpDoc::manPageHoldsEveryCommandAndOption() {
    const QList<CommandHelp> all = allCommandHelp();
    const QString page = manPage(all, QStringLiteral("9.8.7+git1.gabcdef0"));
    QVERIFY(page.contains(QStringLiteral(
        ".TH SUPPORTZIP 1 \"\" \"supportzip 9.8.7+git1.gabcdef0\" \"User Commands\"")));
    for (const CommandHelp& command : all) {
        QVERIFY2(page.contains(QStringLiteral("\n.SS ") + command.name + u'\n'),
                 qPrintable(command.name));
        for (const OptionHelp& option : command.options) {
            const QString name = QString(option.names.last()).replace(u'-', QStringLiteral("\\-"));
            QVERIFY2(page.contains(QStringLiteral("\\fB") + name + QStringLiteral("\\fR")),
                     qPrintable(command.name + u' ' + option.names.last()));
        }
    }
    // A wrapped description arrives whole, its hyphens escaped.
    QVERIFY(page.contains(
        QStringLiteral("\\fB\\-\\-consent\\fR \\fINAME <EMAIL>\\fR\n"
                       "Your consent to send the bundle: \"NAME <EMAIL>\". Required.\n")));
    QVERIFY(page.contains(QStringLiteral(".B supportzip key\n[\\fIoptions\\fR] "
                                         "\\fIexport|import FILE\\fR\n")));
}

void TestHelpDoc::manPageUsesOnlyKnownRequests() {
    static const QSet<QString> known{
        QStringLiteral(".TH"),  QStringLiteral(".SH"), QStringLiteral(".SS"), QStringLiteral(".TP"),
        QStringLiteral(".B"),   QStringLiteral(".I"),  QStringLiteral(".PP"), QStringLiteral(".br"),
        QStringLiteral(".nf"),  QStringLiteral(".fi"), QStringLiteral(".RS"), QStringLiteral(".RE"),
        QStringLiteral(".\\\"")};
    const QString page = manPage(allCommandHelp(), QStringLiteral("1.0"));
    for (const QString& line : page.split(u'\n')) {
        if (line.startsWith(u'.') || line.startsWith(u'\'')) {
            QVERIFY2(known.contains(line.section(u' ', 0, 0)), qPrintable(line));
        }
        if (line.startsWith(QStringLiteral(".\\\""))) {
            continue; // a comment
        }
        // Text never carries an unescaped hyphen or a character beyond ASCII.
        QVERIFY2(!QRegularExpression(QStringLiteral("[^\\\\]-|[^\\x{0}-\\x{7f}]"))
                      .match(line)
                      .hasMatch(),
                 qPrintable(line));
    }
}

void TestHelpDoc::bashCompletionCompletesCommandsOptionsAndValues() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(QStringLiteral("supportzip"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bashCompletion(allCommandHelp()).toUtf8());
    file.close();
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
    QVERIFY(QDir::setCurrent(dir.path()));

    QStringList commands;
    for (const auto& command : allCommands()) {
        commands << command->name();
    }
    commands << QStringLiteral("--help") << QStringLiteral("--version");
    commands.sort();
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QString()}), commands);
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("ver")}),
             QStringList{QStringLiteral("verify")});
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("collect"),
                               QStringLiteral("--max-")}),
             (QStringList{QStringLiteral("--max-file-size"), QStringLiteral("--max-total-size")}));
    // After a DIR option only folders, after a value option nothing, first argument choices.
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("collect"),
                               QStringLiteral("--install"), QString()}),
             QStringList{QStringLiteral("folder")});
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("collect"),
                               QStringLiteral("--ticket"), QString()}),
             QStringList{});
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("key"),
                               QStringLiteral("--vault"), QStringLiteral("folder"), QString()}),
             (QStringList{QStringLiteral("export"), QStringLiteral("import")}));
    QCOMPARE(complete(script, {QStringLiteral("supportzip"), QStringLiteral("key"),
                               QStringLiteral("export"), QString()}),
             (QStringList{QStringLiteral("folder"), QStringLiteral("supportzip")}));
}

void TestHelpDoc::versionCarriesTheBuildVersion() {
    const QString version = QStringLiteral(SUPPORTZIP_VERSION_FULL);
    QVERIFY(version.startsWith(QStringLiteral(SUPPORTZIP_VERSION)));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+(\\+git\\d+\\.g[0-9a-f]+)?$"))
                 .match(version)
                 .hasMatch(),
             qPrintable(version));
    QString out, err;
    QTextStream o(&out), e(&err);
    CommandContext ctx{o, e, false, nullptr};
    QCOMPARE(runCli({QStringLiteral("supportzip"), QStringLiteral("--version")}, ctx), 0);
    o.flush();
    QCOMPARE(out, QStringLiteral("supportzip ") + version + u'\n');
}

QTEST_GUILESS_MAIN(TestHelpDoc)
#include "tst_helpdoc.moc"
