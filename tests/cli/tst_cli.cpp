// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI in-process (streams injected) and the real binary for what only it can show.
#include "clirun.h"
#include "command.h"
#include "exitcode.h"
#include "samplegen.h"
#include "vault/vault.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

#include <csignal>
#include <sys/types.h>

using namespace supportzip;

namespace {

using tests::CliResult;
using tests::run;

// The members of a bundle whose content contains `needle`.
QStringList membersContaining(const QString& bundle, const QByteArray& needle) {
    QStringList found;
    int err = 0;
    zip_t* z = zip_open(bundle.toUtf8().constData(), ZIP_RDONLY, &err);
    if (z == nullptr) {
        return {QStringLiteral("(cannot open the bundle)")};
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        QByteArray content(static_cast<qsizetype>(st.size), Qt::Uninitialized);
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        zip_fread(f, content.data(), st.size);
        zip_fclose(f);
        if (content.contains(needle)) {
            found << QString::fromUtf8(st.name);
        }
    }
    zip_discard(z);
    found.sort();
    return found;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void unknownCommandIsUsageError();
    void collectRefusesWithoutConsent();
    void collectWritesBundleAndSummary();
    void dryRunPrintsTheCountsTheBundleGets();
    void manifestMatchesItsSchema();
    void profileSuppliesOptionsAndTheCommandLineWins();
    void termRegexCountsAsCustomAndBadPatternIsUsageError();
    void verifyAndInspectTheBundle();
    void unmaskRestoresOriginalsLocally();
    void detectDescribesInstallation();
    void detectReportsNothingFound();
    void detectFindsWindowsInstallationsThroughMappedDrives();
    void previewJsonGivesThePlan();
    void rulesListsBuiltInRules();
    void binaryLinksNoGuiLibrary();
    void interruptedRunLeavesNothing();
    void scrubsAFolderAndRefusesOtherSources();
    void clusterNodesShareTheKey();
    void mergeCombinesNodeBundles();
    void ledgerFindsTheBundlesThatHeldASubject();

private:
    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
    QString m_vault;
};

void TestCli::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
    m_vault = m_dir.filePath(QStringLiteral("vault"));
}

void TestCli::helpAndVersion() {
    const auto help = run({QStringLiteral("--help")});
    QCOMPARE(help.code, int(cli::ExitCode::Success));
    for (const char* c : {"detect", "collect", "rules", "unmask"}) {
        QVERIFY(help.out.contains(QLatin1StringView(c)));
    }
    const auto version = run({QStringLiteral("--version")});
    QVERIFY(version.out.startsWith(QStringLiteral("supportzip ")));
    const auto collectHelp = run({QStringLiteral("collect"), QStringLiteral("--help")});
    QVERIFY(collectHelp.out.contains(QStringLiteral("--consent")));
}

void TestCli::unknownCommandIsUsageError() {
    const auto r = run({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, int(cli::ExitCode::Usage));
    QVERIFY(r.err.contains(QStringLiteral("unknown command")));
}

void TestCli::collectRefusesWithoutConsent() {
    const QString out = m_dir.filePath(QStringLiteral("refused.zip"));
    const auto r = run({QStringLiteral("collect"), QStringLiteral("--install"), m_sample.installDir,
                        QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--out"), out});
    QCOMPARE(r.code, int(cli::ExitCode::Usage));
    QVERIFY(r.err.contains(QStringLiteral("--consent")));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCli::collectWritesBundleAndSummary() {
    const QString out = m_dir.filePath(QStringLiteral("cli.zip"));
    const auto r =
        run({QStringLiteral("collect"), QStringLiteral("--install"), m_sample.installDir,
             QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--out"), out,
             QStringLiteral("--consent"), QStringLiteral("Jana Admin <jana@example.com>"),
             QStringLiteral("--vault"), m_vault, QStringLiteral("--quiet")});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], out);
    QVERIFY(QFileInfo::exists(out));
    static const QRegularExpression summary(QStringLiteral(
        "^Jira Software 9\\.12\\.2: \\d+ files, \\d+ left out, findings: [1-9]\\d* secret, "
        "[1-9]\\d* person, [1-9]\\d* network, \\d+ custom, [1-9]\\d* keys, [1-9]\\d* content$"));
    QVERIFY2(summary.match(lines[1]).hasMatch(), qPrintable(lines[1]));
    // A second run must not overwrite the bundle.
    const auto again =
        run({QStringLiteral("collect"), QStringLiteral("--home"), m_sample.homeDir,
             QStringLiteral("--out"), out, QStringLiteral("--consent"),
             QStringLiteral("Jana Admin <jana@example.com>"), QStringLiteral("--vault"), m_vault});
    QCOMPARE(again.code, int(cli::ExitCode::Failure));
    QVERIFY(again.err.contains(QStringLiteral("already exists")));
}

void TestCli::dryRunPrintsTheCountsTheBundleGets() {
    QTemporaryDir out;
    const QStringList common{QStringLiteral("collect"),
                             QStringLiteral("--install"),
                             m_sample.installDir,
                             QStringLiteral("--home"),
                             m_sample.homeDir,
                             QStringLiteral("--vault"),
                             m_vault,
                             QStringLiteral("--exclude-file"),
                             m_sample.homeDir + QStringLiteral("/dbconfig.xml"),
                             QStringLiteral("--out"),
                             out.path(),
                             QStringLiteral("--quiet")};
    const auto dry = run(common + QStringList{QStringLiteral("--dry-run")});
    QVERIFY2(dry.code == int(cli::ExitCode::Success), qPrintable(dry.err));
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList()); // nothing written, no consent asked
    QVERIFY(!dry.out.contains(QStringLiteral("dbconfig.xml")));
    QVERIFY(dry.out.contains(QStringLiteral("application-logs/atlassian-jira.log\t")));
    const auto real = run(common + QStringList{QStringLiteral("--consent"),
                                               QStringLiteral("Jana Admin <jana@example.com>")});
    QVERIFY2(real.code == int(cli::ExitCode::Success), qPrintable(real.err));
    const QString findings = QStringLiteral("findings: ");
    const QString dryTotals = dry.out.split(u'\n', Qt::SkipEmptyParts).last();
    const QString realTotals = real.out.split(u'\n', Qt::SkipEmptyParts).last();
    QCOMPARE(dryTotals.mid(dryTotals.indexOf(findings)).section(u';', 0, 0),
             realTotals.mid(realTotals.indexOf(findings)));
}

void TestCli::profileSuppliesOptionsAndTheCommandLineWins() {
    QTemporaryDir out;
    QFile profile(out.filePath(QStringLiteral("nightly.yaml")));
    QVERIFY(profile.open(QIODevice::WriteOnly));
    profile.write(QStringLiteral("# nightly collection from cron\n"
                                 "install: %1\n"
                                 "home: %2\n"
                                 "vault: %3\n"
                                 "exclude-file:\n  - %2/dbconfig.xml\n"
                                 "threads: 1\n"
                                 "dry-run: true\n"
                                 "quiet: false\n")
                      .arg(m_sample.installDir, m_sample.homeDir, m_vault)
                      .toUtf8());
    profile.close();
    const auto dry = run({QStringLiteral("collect"), QStringLiteral("--profile"),
                          profile.fileName(), QStringLiteral("--out"), out.path()});
    QVERIFY2(dry.code == int(cli::ExitCode::Success), qPrintable(dry.err));
    QVERIFY(dry.out.contains(QStringLiteral("application-logs/atlassian-jira.log\t")));
    QVERIFY(!dry.out.contains(QStringLiteral("dbconfig.xml"))); // the profile's exclusion
    QCOMPARE(QDir(out.path()).entryList(QDir::Files), QStringList{QStringLiteral("nightly.yaml")});
    // The command line wins over the profile for a single value: a missing home fails.
    const auto overridden =
        run({QStringLiteral("collect"), QStringLiteral("--profile"), profile.fileName(),
             QStringLiteral("--home"), out.filePath(QStringLiteral("nowhere"))});
    QVERIFY(overridden.code != int(cli::ExitCode::Success));
    // A key no option has is named, with the profile.
    QFile bad(out.filePath(QStringLiteral("bad.yaml")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("sinse: 7d\n");
    bad.close();
    const auto typo = run({QStringLiteral("collect"), QStringLiteral("--profile"), bad.fileName()});
    QCOMPARE(typo.code, int(cli::ExitCode::Usage));
    QVERIFY2(typo.err.contains(QStringLiteral("profile")) &&
                 typo.err.contains(QStringLiteral("sinse")),
             qPrintable(typo.err));
}

void TestCli::termRegexCountsAsCustomAndBadPatternIsUsageError() {
    const QStringList common{QStringLiteral("collect"),
                             QStringLiteral("--install"),
                             m_sample.installDir,
                             QStringLiteral("--home"),
                             m_sample.homeDir,
                             QStringLiteral("--vault"),
                             m_vault,
                             QStringLiteral("--dry-run")};
    const auto customCount = [](const QString& out) {
        static const QRegularExpression re(QStringLiteral("(\\d+) custom"));
        const QString totals = out.split(u'\n', Qt::SkipEmptyParts).last();
        return re.match(totals).captured(1).toInt();
    };
    const auto plain = run(common);
    QVERIFY2(plain.code == int(cli::ExitCode::Success), qPrintable(plain.err));
    const auto withPattern =
        run(common + QStringList{QStringLiteral("--term-regex"), QStringLiteral("sd-50\\d\\d")});
    QVERIFY2(withPattern.code == int(cli::ExitCode::Success), qPrintable(withPattern.err));
    QVERIFY2(customCount(withPattern.out) > customCount(plain.out) + 100,
             qPrintable(withPattern.out.split(u'\n', Qt::SkipEmptyParts).last()));
    const auto bad =
        run(common + QStringList{QStringLiteral("--term-regex"), QStringLiteral("sd-(50")});
    QVERIFY(bad.code != int(cli::ExitCode::Success));
    QVERIFY2(bad.err.contains(QStringLiteral("sd-(50")), qPrintable(bad.err));
}

void TestCli::manifestMatchesItsSchema() {
    // Validated by an independent implementation (Python's jsonschema), not by our own code.
    const QString python = QStringLiteral("/usr/bin/python3");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
    if (!probe.waitForFinished() || probe.exitCode() != 0) {
        QSKIP("python3-jsonschema is not installed (scripts/install-deps installs it)");
    }
    const QString bundle = m_dir.filePath(QStringLiteral("cli.zip"));
    QVERIFY2(QFileInfo::exists(bundle), "collectWritesBundleAndSummary writes it");
    const QString script = QStringLiteral(
        "import json, sys, zipfile, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "manifest = json.loads(zipfile.ZipFile(sys.argv[2]).read('manifest.json'))\n"
        "jsonschema.Draft202012Validator(schema).validate(manifest)\n"
        "zipfile.ZipFile(sys.argv[2]).testzip() is None or sys.exit('bad member')\n");
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script, QStringLiteral(SUPPORTZIP_SCHEMA_FILE), bundle});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

void TestCli::verifyAndInspectTheBundle() {
    const QString bundle = m_dir.filePath(QStringLiteral("cli.zip"));
    const auto verify = run({QStringLiteral("verify"), bundle, QStringLiteral("--strict")});
    QVERIFY2(verify.code == int(cli::ExitCode::Success), qPrintable(verify.out + verify.err));
    QVERIFY(verify.out.startsWith(QStringLiteral("intact: ")));
    QVERIFY(verify.out.contains(QStringLiteral("residual scan: 0 values")));
    const auto inspect = run({QStringLiteral("inspect"), bundle});
    QCOMPARE(inspect.code, int(cli::ExitCode::Success));
    QVERIFY(inspect.out.startsWith(QStringLiteral("Jira Software 9.12.2 Data Center, node node-")));
    QVERIFY(inspect.out.contains(QStringLiteral("consent: Jana Admin <jana@example.com>")));
    QVERIFY(inspect.out.contains(QStringLiteral("application-logs/atlassian-jira.log ")));
    QVERIFY(inspect.out.contains(QStringLiteral("attachments")));
    // Change one byte of a member: verification must fail with exit code 3.
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.zip"));
    QVERIFY(QFile::copy(bundle, tampered));
    {
        int err = 0;
        zip_t* z = zip_open(tampered.toUtf8().constData(), 0, &err);
        QVERIFY(z != nullptr);
        static const char replacement[] = "tampered\n";
        zip_source_t* src = zip_source_buffer(z, replacement, sizeof(replacement) - 1, 0);
        QVERIFY(zip_file_add(z, "tomcat-config/server.xml", src, ZIP_FL_OVERWRITE) >= 0);
        QCOMPARE(zip_close(z), 0);
    }
    const auto bad = run({QStringLiteral("verify"), tampered});
    QCOMPARE(bad.code, int(cli::ExitCode::VerificationFailed));
    QVERIFY(
        bad.out.contains(QStringLiteral("tomcat-config/server.xml: its SHA-256 does not match")));
}

void TestCli::unmaskRestoresOriginalsLocally() {
    QFile mapping(m_vault + QStringLiteral("/mapping.tsv"));
    QVERIFY2(mapping.open(QIODevice::ReadOnly), "collectWritesBundleAndSummary writes the mapping");
    QVERIFY(mapping.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ReadUser | QFileDevice::WriteUser));
    QString userPseudonym;
    QString userOriginal;
    while (!mapping.atEnd()) {
        const QStringList f = QString::fromUtf8(mapping.readLine()).trimmed().split(u'\t');
        if (f.size() >= 3 && f[2] == QStringLiteral("user")) {
            userPseudonym = f[0];
            userOriginal = f[1];
            break;
        }
    }
    QVERIFY(!userPseudonym.isEmpty());
    const QString reply = m_dir.filePath(QStringLiteral("reply.txt"));
    QFile f(reply);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("Please ask %1 to retry; user-ffffff is unknown.\n")
                .arg(userPseudonym)
                .toUtf8());
    f.close();
    const auto r = run({QStringLiteral("unmask"), reply, QStringLiteral("--vault"), m_vault});
    QCOMPARE(r.code, int(cli::ExitCode::Success));
    QCOMPARE(r.out,
             QStringLiteral("Please ask %1 to retry; user-ffffff is unknown.\n").arg(userOriginal));
    QVERIFY(r.err.contains(QStringLiteral("1 unknown")));
}

void TestCli::detectDescribesInstallation() {
    const auto r = run({QStringLiteral("detect"), QStringLiteral("--install"), m_sample.installDir,
                        QStringLiteral("--json")});
    QCOMPARE(r.code, int(cli::ExitCode::Success));
    QVERIFY(r.out.contains(QStringLiteral("\"version\": \"9.12.2\"")));
    QVERIFY(r.out.contains(QStringLiteral("\"dataCenter\": true")));
    QVERIFY2(r.out.contains(m_sample.homeDir),
             qPrintable(r.out)); // home found from the pointer file
}

void TestCli::detectReportsNothingFound() {
    const auto r = run({QStringLiteral("detect"), QStringLiteral("--home"), m_dir.path()});
    QCOMPARE(r.code, int(cli::ExitCode::NothingFound));
    QVERIFY(r.err.contains(QStringLiteral("no Jira or Confluence installation found")));
}

void TestCli::detectFindsWindowsInstallationsThroughMappedDrives() {
    fixtures::SampleOptions windows;
    windows.windowsLayout = true;
    windows.product = QStringLiteral("confluence");
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("win")), windows);
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    // The install dir named as the Windows server names it; its files name C:\ paths only.
    const auto r = run({QStringLiteral("detect"), QStringLiteral("--install"),
                        QStringLiteral("C:\\Program Files\\Atlassian\\Confluence"),
                        QStringLiteral("--map-windows-path"),
                        QStringLiteral("C:=") + sample->windowsDrive, QStringLiteral("--json")});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject c = list.first().toObject();
    QCOMPARE(c.value(QStringLiteral("product")).toString(), QStringLiteral("confluence"));
    QCOMPARE(c.value(QStringLiteral("version")).toString(), QStringLiteral("8.5.4"));
    QCOMPARE(c.value(QStringLiteral("buildNumber")).toString(), QStringLiteral("8804"));
    QVERIFY(c.value(QStringLiteral("versionSource"))
                .toString()
                .endsWith(QStringLiteral("pom.properties")));
    QCOMPARE(c.value(QStringLiteral("homeDir")).toString(), sample->homeDir);
    QCOMPARE(c.value(QStringLiteral("sharedHomeDir")).toString(), sample->sharedHomeDir);
    QCOMPARE(c.value(QStringLiteral("running")).toBool(), false);
    // Without the mapping the Windows path names nothing here.
    const auto unmapped = run({QStringLiteral("detect"), QStringLiteral("--install"),
                               QStringLiteral("C:\\Program Files\\Atlassian\\Confluence")});
    QCOMPARE(unmapped.code, int(cli::ExitCode::NothingFound));
    const auto bad =
        run({QStringLiteral("detect"), QStringLiteral("--map-windows-path"), QStringLiteral("C:")});
    QCOMPARE(bad.code, int(cli::ExitCode::Usage));
}

void TestCli::previewJsonGivesThePlan() {
    const auto zipsNearby = [&] {
        return QDir(m_dir.path()).entryList({QStringLiteral("*.zip")}, QDir::Files) +
               QDir::current().entryList({QStringLiteral("*.zip")}, QDir::Files);
    };
    const QStringList zipsBefore = zipsNearby();
    const auto r = run({QStringLiteral("preview"), QStringLiteral("--install"), m_sample.installDir,
                        QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--vault"),
                        m_vault, QStringLiteral("--exclude"), QStringLiteral("tomcat-access-logs"),
                        QStringLiteral("--json")});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(plan.value(QStringLiteral("source")).toObject().value(QStringLiteral("version")),
             QJsonValue(QStringLiteral("9.12.2")));
    const QJsonArray files = plan.value(QStringLiteral("files")).toArray();
    QJsonObject dbconfig, rotated;
    for (const QJsonValue& v : files) {
        const QJsonObject f = v.toObject();
        const QString member = f.value(QStringLiteral("bundlePath")).toString();
        QVERIFY2(!member.startsWith(QStringLiteral("tomcat-access-logs/")), qPrintable(member));
        if (member == QStringLiteral("application-config/dbconfig.xml")) {
            dbconfig = f;
        }
        if (member == QStringLiteral("application-logs/atlassian-jira.log.3")) {
            rotated = f;
        }
    }
    // Sizes on disk and as read; findings per category (the password in dbconfig.xml).
    QCOMPARE(dbconfig.value(QStringLiteral("sizeOnDisk")).toInteger(),
             QFileInfo(m_sample.homeDir + QStringLiteral("/dbconfig.xml")).size());
    QVERIFY(dbconfig.value(QStringLiteral("sizeAfter")).toInteger() > 0);
    QVERIFY(!dbconfig.value(QStringLiteral("findings")).toObject().isEmpty());
    QCOMPARE(rotated.value(QStringLiteral("gzip")).toBool(), true);
    QVERIFY(rotated.value(QStringLiteral("sizeBefore")).toInteger() >
            rotated.value(QStringLiteral("sizeOnDisk")).toInteger()); // read uncompressed
    // What is left out, and why.
    QString dataReason, accessReason;
    for (const QJsonValue& v : plan.value(QStringLiteral("leftOut")).toArray()) {
        const QJsonObject l = v.toObject();
        const QString rel = l.value(QStringLiteral("relativePath")).toString();
        if (rel == QStringLiteral("data") &&
            l.value(QStringLiteral("root")).toString() == QStringLiteral("home")) {
            dataReason = l.value(QStringLiteral("reason")).toString();
        }
        if (rel == QStringLiteral("logs/access_log.2026-11-18")) {
            accessReason = l.value(QStringLiteral("reason")).toString();
        }
    }
    QVERIFY(dataReason.contains(QStringLiteral("attachments")));
    QVERIFY(accessReason.contains(QStringLiteral("excluded")));
    const QJsonObject totals = plan.value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("files")).toInteger(), files.size());
    QVERIFY(totals.value(QStringLiteral("bytesBefore")).toInteger() > 0);
    // Nothing was written: no new bundle next to the sample or in the working folder.
    QCOMPARE(zipsNearby(), zipsBefore);
    // Nothing found is a clear error with its own exit code.
    const auto none = run({QStringLiteral("preview"), QStringLiteral("--home"), m_dir.path(),
                           QStringLiteral("--json")});
    QCOMPARE(none.code, int(cli::ExitCode::NothingFound));
    QVERIFY(none.err.contains(QStringLiteral("no Jira or Confluence installation found")));
}

void TestCli::rulesListsBuiltInRules() {
    const auto r = run({QStringLiteral("rules")});
    QCOMPARE(r.code, int(cli::ExitCode::Success));
    QVERIFY(r.out.contains(QStringLiteral("kv.secret")));
    QVERIFY(r.out.contains(QStringLiteral("pattern.ipv4")));
}

void TestCli::binaryLinksNoGuiLibrary() {
    const QString objdump = QStandardPaths::findExecutable(QStringLiteral("objdump"));
    if (objdump.isEmpty()) {
        QSKIP("objdump (binutils) is not installed");
    }
    QProcess p;
    p.start(objdump, {QStringLiteral("-p"), QStringLiteral(SUPPORTZIP_CLI_BINARY)});
    QVERIFY(p.waitForFinished());
    const QString deps = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(deps.contains(QStringLiteral("libQt6Core")));
    for (const char* forbidden :
         {"libQt6Gui", "libQt6Widgets", "libX11", "libxcb", "libGL", "libEGL"}) {
        QVERIFY2(!deps.contains(QLatin1StringView(forbidden)), forbidden);
    }
}

void TestCli::interruptedRunLeavesNothing() {
    fixtures::SampleOptions big;
    big.mainLogBytes = 64 * 1024 * 1024;
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("big")), big);
    QVERIFY(sample);
    QTemporaryDir out;
    QProcess p;
    p.start(QStringLiteral(SUPPORTZIP_CLI_BINARY),
            {QStringLiteral("collect"), QStringLiteral("--install"), sample->installDir,
             QStringLiteral("--home"), sample->homeDir, QStringLiteral("--consent"),
             QStringLiteral("A <a@example.com>"), QStringLiteral("--vault"), m_vault,
             QStringLiteral("--out"), out.path()});
    QVERIFY(p.waitForStarted());
    QTest::qWait(400);
    QCOMPARE(p.state(), QProcess::Running); // still learning or scrubbing 64 MB
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), int(cli::ExitCode::Cancelled));
    QVERIFY(p.readAllStandardError().contains("cancelled"));
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestCli::scrubsAFolderAndRefusesOtherSources() {
    // A node's host name as a folder name must not reach the bundle's member names.
    const QString nodeDir = m_sample.homeDir + QStringLiteral("/log/jira-node-a1.nwl.internal");
    QVERIFY(QDir().mkpath(nodeDir));
    QVERIFY(QFile::copy(m_sample.homeDir + QStringLiteral("/log/atlassian-jira.log"),
                        nodeDir + QStringLiteral("/atlassian-jira.log")));
    const QString out = m_dir.filePath(QStringLiteral("folder.zip"));
    const auto r = run({QStringLiteral("scrub"), m_sample.homeDir + QStringLiteral("/log"),
                        QStringLiteral("--out"), out, QStringLiteral("--consent"),
                        QStringLiteral("A <a@example.com>"), QStringLiteral("--vault"), m_vault});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Jira")));
    const auto verify = run({QStringLiteral("verify"), out, QStringLiteral("--strict")});
    QVERIFY2(verify.code == int(cli::ExitCode::Success), qPrintable(verify.out));
    QDir(nodeDir).removeRecursively();
    int err = 0;
    zip_t* z = zip_open(out.toUtf8().constData(), ZIP_RDONLY, &err);
    QVERIFY(z != nullptr);
    int nodeMembers = 0;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        const QString name = QString::fromUtf8(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
        QVERIFY2(!name.contains(QStringLiteral("nwl.internal")) &&
                     !name.contains(QStringLiteral("jira-node-a1")),
                 qPrintable(name));
        nodeMembers += name.endsWith(QStringLiteral(".example.invalid/atlassian-jira.log")) ? 1 : 0;
    }
    zip_discard(z);
    QCOMPARE(nodeMembers, 1);
    const QString tarball = m_dir.filePath(QStringLiteral("logs.tar.gz"));
    QFile(tarball).open(QIODevice::WriteOnly);
    const auto refused =
        run({QStringLiteral("scrub"), tarball, QStringLiteral("--out"),
             m_dir.filePath(QStringLiteral("t.zip")), QStringLiteral("--consent"),
             QStringLiteral("A <a@example.com>"), QStringLiteral("--vault"), m_vault});
    QCOMPARE(refused.code, int(cli::ExitCode::Failure));
    QVERIFY(refused.err.contains(QStringLiteral("tar archives are not supported yet")));
}

void TestCli::clusterNodesShareTheKey() {
    const QString nodeA = m_dir.filePath(QStringLiteral("node-a"));
    const QString nodeB = m_dir.filePath(QStringLiteral("node-b"));
    const QString keyFile = m_dir.filePath(QStringLiteral("cluster.key"));
    QCOMPARE(run({QStringLiteral("key"), QStringLiteral("export"), keyFile,
                  QStringLiteral("--vault"), nodeA})
                 .code,
             int(cli::ExitCode::Success));
    QVERIFY(QFileInfo(keyFile).permissions().testFlag(QFileDevice::ReadOwner));
    QVERIFY(!QFileInfo(keyFile).permissions().testFlag(QFileDevice::ReadOther));
    QCOMPARE(run({QStringLiteral("key"), QStringLiteral("import"), keyFile,
                  QStringLiteral("--vault"), nodeB})
                 .code,
             int(cli::ExitCode::Success));
    auto a = core::vault::Vault(nodeA).loadOrCreateKey();
    auto b = core::vault::Vault(nodeB).loadOrCreateKey();
    QVERIFY(a && b && *a == *b);
    // A machine with its own, different key refuses unless told to replace it.
    const QString nodeC = m_dir.filePath(QStringLiteral("node-c"));
    QVERIFY(core::vault::Vault(nodeC).loadOrCreateKey());
    const auto refused = run({QStringLiteral("key"), QStringLiteral("import"), keyFile,
                              QStringLiteral("--vault"), nodeC});
    QCOMPARE(refused.code, int(cli::ExitCode::Failure));
    QVERIFY(refused.err.contains(QStringLiteral("--replace")));
    QCOMPARE(run({QStringLiteral("key"), QStringLiteral("import"), keyFile,
                  QStringLiteral("--vault"), nodeC, QStringLiteral("--replace")})
                 .code,
             int(cli::ExitCode::Success));
    QVERIFY(*core::vault::Vault(nodeC).loadOrCreateKey() == *a);
}

void TestCli::mergeCombinesNodeBundles() {
    // Two runs a second apart would be byte-identical: the second node keeps less of its logs.
    QStringList nodes;
    QStringList extra;
    for (const QString& name :
         {QStringLiteral("merge-node1.zip"), QStringLiteral("merge-node2.zip")}) {
        nodes << m_dir.filePath(name);
        const auto r =
            run(QStringList{QStringLiteral("collect"), QStringLiteral("--home"), m_sample.homeDir,
                            QStringLiteral("--out"), nodes.last(), QStringLiteral("--consent"),
                            QStringLiteral("Jana Admin <jana@example.com>"),
                            QStringLiteral("--vault"), m_vault, QStringLiteral("--quiet"),
                            QStringLiteral("--thread-dumps"), QStringLiteral("0")} +
                extra);
        QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
        extra = {QStringLiteral("--max-file-size"), QStringLiteral("10K")};
    }
    const QString out = m_dir.filePath(QStringLiteral("merged.zip"));
    const auto refused =
        run({QStringLiteral("merge"), nodes[0], nodes[1], QStringLiteral("--out"), out});
    QCOMPARE(refused.code, int(cli::ExitCode::Usage));
    QVERIFY(refused.err.contains(QStringLiteral("consent")));
    QVERIFY(!QFileInfo::exists(out));
    const auto merged =
        run({QStringLiteral("merge"), nodes[0], nodes[1], QStringLiteral("--out"), out,
             QStringLiteral("--consent"), QStringLiteral("Jana Admin <jana@example.com>"),
             QStringLiteral("--ticket"), QStringLiteral("SUP-9")});
    QVERIFY2(merged.code == int(cli::ExitCode::Success), qPrintable(merged.err));
    QCOMPARE(merged.out.split(u'\n', Qt::SkipEmptyParts).value(0), out);
    QVERIFY(merged.out.contains(QStringLiteral("2 nodes")));
    const auto verify = run({QStringLiteral("verify"), QStringLiteral("--strict"), out});
    QVERIFY2(verify.code == int(cli::ExitCode::Success), qPrintable(verify.out + verify.err));
    const auto inspect = run({QStringLiteral("inspect"), out});
    QVERIFY(inspect.out.contains(QStringLiteral("source: merged")));
    QVERIFY(inspect.out.contains(QStringLiteral("ticket: SUP-9")));
}

void TestCli::ledgerFindsTheBundlesThatHeldASubject() {
    const QString vault = m_dir.filePath(QStringLiteral("ledger-vault"));
    const QString empty = run({QStringLiteral("ledger"), QStringLiteral("--vault"), vault}).err;
    QVERIFY(empty.contains(QStringLiteral("no bundle has been written")));
    QCOMPARE(run({QStringLiteral("ledger"), QStringLiteral("--vault"), vault}).code,
             int(cli::ExitCode::NothingFound));
    // Bundle one holds Jana (the sample installation); bundle two, a folder, does not.
    const QString name = QStringLiteral("Jana Nov\u00e1k");
    QVERIFY(std::any_of(m_sample.planted.cbegin(), m_sample.planted.cend(), [&](const auto& p) {
        return p.value == name && p.kind == QStringLiteral("person.name");
    }));
    const QString withJana = m_dir.filePath(QStringLiteral("with-jana.zip"));
    auto r =
        run({QStringLiteral("collect"), QStringLiteral("--install"), m_sample.installDir,
             QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--out"), withJana,
             QStringLiteral("--consent"), QStringLiteral("Anna Admin <anna@example.com>"),
             QStringLiteral("--recipient"), QStringLiteral("Vendor Support"),
             QStringLiteral("--ticket"), QStringLiteral("SUP-7"), QStringLiteral("--delete-by"),
             QStringLiteral("2020-01-31"), QStringLiteral("--vault"), vault});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    const QString folder = m_dir.filePath(QStringLiteral("no-jana"));
    QVERIFY(QDir().mkpath(folder));
    QFile log(folder + QStringLiteral("/app.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("2026-11-20 10:00:00,000 http-nio-8080-exec-1 INFO pmaier 600x1x1 10.9.8.7 "
              "/secure/Dashboard.jspa [c.a.jira.Foo] dashboard loaded\n");
    log.close();
    const QString withoutJana = m_dir.filePath(QStringLiteral("without-jana.zip"));
    r = run({QStringLiteral("scrub"), folder, QStringLiteral("--out"), withoutJana,
             QStringLiteral("--consent"), QStringLiteral("Anna Admin <anna@example.com>"),
             QStringLiteral("--vault"), vault});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));

    // The table: both bundles, newest first, the overdue one marked.
    const auto table = run({QStringLiteral("ledger"), QStringLiteral("--vault"), vault});
    QCOMPARE(table.code, int(cli::ExitCode::Success));
    const QStringList rows = table.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows[1].contains(QStringLiteral("without-jana.zip")));
    QVERIFY(!rows[1].contains(QStringLiteral("OVERDUE")));
    QVERIFY(rows[2].contains(QStringLiteral("with-jana.zip")) &&
            rows[2].contains(QStringLiteral("SUP-7")) &&
            rows[2].contains(QStringLiteral("Vendor Support")) &&
            rows[2].contains(QStringLiteral("2020-01-31 OVERDUE")));
    const auto overdue = run(
        {QStringLiteral("ledger"), QStringLiteral("--overdue"), QStringLiteral("--vault"), vault});
    QCOMPARE(overdue.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
    QVERIFY(overdue.out.contains(QStringLiteral("with-jana.zip")));

    // --subject: exactly the bundle that held her, under one pseudonym, in the right files.
    const auto subject = run({QStringLiteral("ledger"), QStringLiteral("--subject"), name,
                              QStringLiteral("--vault"), vault});
    QVERIFY2(subject.code == int(cli::ExitCode::Success), qPrintable(subject.err));
    QVERIFY(subject.out.contains(QStringLiteral("with-jana.zip")));
    QVERIFY(!subject.out.contains(QStringLiteral("without-jana.zip")));
    QVERIFY(!subject.out.contains(name)); // her name is the question, not part of the answer
    static const QRegularExpression hitLine(
        QStringLiteral("^  as (Person-[0-9a-f]{6,}) \\(name\\) in (\\d+) files?:$"),
        QRegularExpression::MultilineOption);
    const auto hit = hitLine.match(subject.out);
    QVERIFY2(hit.hasMatch(), qPrintable(subject.out));
    QCOMPARE(subject.out.count(QStringLiteral("\n  as ")), 1);
    const QString pseudonym = hit.captured(1);
    const QStringList expectedFiles = membersContaining(withJana, pseudonym.toUtf8());
    QVERIFY(!expectedFiles.isEmpty());
    QCOMPARE(hit.captured(2).toInt(), expectedFiles.size());
    for (const QString& f : expectedFiles) {
        QVERIFY2(subject.out.contains(QStringLiteral("      ") + f + u'\n'), qPrintable(f));
    }
    QVERIFY(membersContaining(withoutJana, pseudonym.toUtf8()).isEmpty());

    // --json parses and says the same.
    const auto json = run({QStringLiteral("ledger"), QStringLiteral("--json"),
                           QStringLiteral("--subject"), name, QStringLiteral("--vault"), vault});
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray bundles = doc.value(QStringLiteral("bundles")).toArray();
    QCOMPARE(bundles.size(), 1);
    const QJsonObject bundle = bundles[0].toObject();
    QCOMPARE(bundle.value(QStringLiteral("file")).toString(), QStringLiteral("with-jana.zip"));
    QCOMPARE(bundle.value(QStringLiteral("overdue")).toBool(), true);
    const QJsonArray hits = bundle.value(QStringLiteral("hits")).toArray();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].toObject().value(QStringLiteral("pseudonym")).toString(), pseudonym);
    QStringList jsonFiles;
    for (const auto& f : hits[0].toObject().value(QStringLiteral("files")).toArray()) {
        jsonFiles << f.toString();
    }
    QCOMPARE(jsonFiles, expectedFiles);
    const auto list =
        run({QStringLiteral("ledger"), QStringLiteral("--json"), QStringLiteral("--vault"), vault});
    const QJsonObject all = QJsonDocument::fromJson(list.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray listed = all.value(QStringLiteral("bundles")).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[1]
                 .toObject()
                 .value(QStringLiteral("consent"))
                 .toObject()
                 .value(QStringLiteral("ticket"))
                 .toString(),
             QStringLiteral("SUP-7"));
    QCOMPARE(listed[0].toObject().value(QStringLiteral("file")).toString(),
             QStringLiteral("without-jana.zip"));

    // A value never sent.
    const auto never = run({QStringLiteral("ledger"), QStringLiteral("--subject"),
                            QStringLiteral("Nobody Atall"), QStringLiteral("--vault"), vault});
    QCOMPARE(never.code, int(cli::ExitCode::NothingFound));
    QVERIFY(never.err.contains(QStringLiteral("none of the 2 bundles")));
    QVERIFY(never.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
