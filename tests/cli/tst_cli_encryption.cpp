// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted bundles from the command line: collect --password-file writes one that verify and
// inspect open with the same file and refuse, each with its own message, without it or with
// another password; the password is never a flag value and never in the output or the log; a
// password file others may read is refused; merge keeps node bundles' encryption.
#include "clirun.h"
#include "bundle/bundlereader.h"
#include "command.h"
#include "exitcode.h"
#include "samplegen.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

#include <unistd.h>

using namespace supportzip;

namespace {

const QByteArray kPassword = "Tr0ub4dor&3-bundle";

using tests::CliResult;
using tests::run;

int aesMembers(const QString& path, int* total) {
    int err = 0;
    int aes = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &err);
    *total = z != nullptr ? static_cast<int>(zip_get_num_entries(z, 0)) : 0;
    for (int i = 0; i < *total; ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        aes += st.encryption_method == ZIP_EM_AES_256 ? 1 : 0;
    }
    if (z != nullptr) {
        zip_discard(z);
    }
    return aes;
}

} // namespace

class TestCliEncryption : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void collectEncryptsEveryMember();
    void verifyAndInspectNeedThePassword();
    void encryptedManifestMatchesItsSchema();
    void passwordIsNeverAFlagValue();
    void passwordFileOthersCanReadIsRefused();
    void passwordPromptNeedsATerminal();
    void shortPasswordIsRefusedBeforeTheWork();
    void mergeKeepsTheEncryption();

private:
    QString passwordFile(const QString& name, const QByteArray& password,
                         QFileDevice::Permissions extra = {});
    CliResult collect(const QString& out, const QStringList& extra);
    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
    QString m_bundle;
    QString m_passwordFile;
};

QString TestCliEncryption::passwordFile(const QString& name, const QByteArray& password,
                                        QFileDevice::Permissions extra) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(password + "\n");
        f.close();
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | extra);
    return path;
}

CliResult TestCliEncryption::collect(const QString& out, const QStringList& extra) {
    return run(QStringList{QStringLiteral("collect"), QStringLiteral("--home"), m_sample.homeDir,
                           QStringLiteral("--out"), out, QStringLiteral("--consent"),
                           QStringLiteral("Jana Admin <jana@example.com>"),
                           QStringLiteral("--vault"), m_dir.filePath(QStringLiteral("vault")),
                           QStringLiteral("--thread-dumps"), QStringLiteral("0"),
                           QStringLiteral("--quiet")} +
               extra);
}

void TestCliEncryption::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
    m_passwordFile = passwordFile(QStringLiteral("password"), kPassword);
    m_bundle = m_dir.filePath(QStringLiteral("encrypted.zip"));
    // The real binary, so that its log file is complete when it exits.
    const QString log = m_dir.filePath(QStringLiteral("tool.log"));
    QProcess p;
    p.start(QStringLiteral(SUPPORTZIP_CLI_BINARY),
            {QStringLiteral("collect"), QStringLiteral("--home"), m_sample.homeDir,
             QStringLiteral("--out"), m_bundle, QStringLiteral("--consent"),
             QStringLiteral("Jana Admin <jana@example.com>"), QStringLiteral("--vault"),
             m_dir.filePath(QStringLiteral("vault")), QStringLiteral("--thread-dumps"),
             QStringLiteral("0"), QStringLiteral("--password-file"), m_passwordFile,
             QStringLiteral("--verbose"), QStringLiteral("--log-file"), log});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == int(cli::ExitCode::Success), err.constData());
    QVERIFY(out.startsWith(QByteArray(QFile::encodeName(m_bundle) + "\n")));
    QFile logFile(log);
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    const QByteArray logged = logFile.readAll();
    QVERIFY2(logged.contains("encryption aes-256"), logged.constData());
    QVERIFY(!logged.contains(kPassword));
    QVERIFY(!out.contains(kPassword));
    QVERIFY(!err.contains(kPassword));
}

void TestCliEncryption::collectEncryptsEveryMember() {
    int total = 0;
    const int aes = aesMembers(m_bundle, &total);
    QVERIFY(total > 5);
    QCOMPARE(aes, total); // README.txt and manifest.json included
    // The plain bundle of the same run is readable without any password.
    const QString plain = m_dir.filePath(QStringLiteral("plain.zip"));
    QCOMPARE(collect(plain, {}).code, int(cli::ExitCode::Success));
    QCOMPARE(aesMembers(plain, &total), 0);
    QVERIFY(total > 5);
    const auto inspect = run({QStringLiteral("inspect"), plain});
    QCOMPARE(inspect.code, int(cli::ExitCode::Success));
    QVERIFY(inspect.out.contains(QStringLiteral("encryption: none")));
}

void TestCliEncryption::verifyAndInspectNeedThePassword() {
    const auto verify = run({QStringLiteral("verify"), QStringLiteral("--strict"),
                             QStringLiteral("--password-file"), m_passwordFile, m_bundle});
    QVERIFY2(verify.code == int(cli::ExitCode::Success), qPrintable(verify.out + verify.err));
    QVERIFY(verify.out.startsWith(QStringLiteral("intact: ")));
    const auto inspect = run(
        {QStringLiteral("inspect"), QStringLiteral("--password-file"), m_passwordFile, m_bundle});
    QCOMPARE(inspect.code, int(cli::ExitCode::Success));
    QVERIFY(inspect.out.contains(QStringLiteral("encryption: aes-256")));
    QVERIFY(inspect.out.contains(QStringLiteral("consent: Jana Admin <jana@example.com>")));

    for (const QString& command : {QStringLiteral("verify"), QStringLiteral("inspect")}) {
        const auto missing = run({command, m_bundle});
        QCOMPARE(missing.code, int(cli::ExitCode::Failure));
        QVERIFY2(missing.err.contains(QStringLiteral("the bundle is encrypted; give its password")),
                 qPrintable(missing.err));
        const QString other = passwordFile(QStringLiteral("other-") + command, "another password");
        const auto wrong = run({command, QStringLiteral("--password-file"), other, m_bundle});
        QCOMPARE(wrong.code, int(cli::ExitCode::Failure));
        QVERIFY2(wrong.err.contains(QStringLiteral("password does not open")),
                 qPrintable(wrong.err));
        QVERIFY(missing.err != wrong.err);
        QVERIFY(wrong.out.isEmpty());
    }
}

void TestCliEncryption::encryptedManifestMatchesItsSchema() {
    const QString python = QStringLiteral("/usr/bin/python3");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
    if (!probe.waitForFinished() || probe.exitCode() != 0) {
        QSKIP("python3-jsonschema is not installed (scripts/install-deps installs it)");
    }
    // Python's zipfile cannot decrypt WinZip AES: the manifest is read with our reader.
    QByteArray pw = kPassword;
    auto reader = core::bundle::BundleReader::open(m_bundle, core::Secret::take(pw));
    QVERIFY(reader);
    auto manifest = (*reader)->read(QStringLiteral("manifest.json"), 64 << 20);
    QVERIFY(manifest);
    QCOMPARE(
        QJsonDocument::fromJson(*manifest).object().value(QStringLiteral("encryption")).toString(),
        QStringLiteral("aes-256"));
    const QString manifestFile = m_dir.filePath(QStringLiteral("manifest.json"));
    QFile f(manifestFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(*manifest);
    f.close();
    const QString script = QStringLiteral("import json, sys, jsonschema\n"
                                          "schema = json.load(open(sys.argv[1]))\n"
                                          "jsonschema.Draft202012Validator(schema).validate("
                                          "json.load(open(sys.argv[2])))\n");
    QProcess p;
    p.start(python,
            {QStringLiteral("-c"), script, QStringLiteral(SUPPORTZIP_SCHEMA_FILE), manifestFile});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

void TestCliEncryption::passwordIsNeverAFlagValue() {
    const QString out = m_dir.filePath(QStringLiteral("flag.zip"));
    for (const QString& flag : {QStringLiteral("--password"), QStringLiteral("--passphrase")}) {
        const auto r = collect(out, {flag, QString::fromLatin1(kPassword)});
        QCOMPARE(r.code, int(cli::ExitCode::Usage));
        QVERIFY(r.err.contains(QStringLiteral("Unknown option")));
        QVERIFY(!QFileInfo::exists(out));
    }
    const auto both = collect(out, {QStringLiteral("--password-file"), m_passwordFile,
                                    QStringLiteral("--password-prompt")});
    QCOMPARE(both.code, int(cli::ExitCode::Usage));
    QVERIFY(both.err.contains(QStringLiteral("not both")));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliEncryption::passwordFileOthersCanReadIsRefused() {
    const QString shared =
        passwordFile(QStringLiteral("shared-password"), kPassword, QFileDevice::ReadOther);
    const QString out = m_dir.filePath(QStringLiteral("shared.zip"));
    const auto r = collect(out, {QStringLiteral("--password-file"), shared});
    QCOMPARE(r.code, int(cli::ExitCode::Usage));
    QVERIFY(r.err.contains(QStringLiteral("can be read by other users")));
    QVERIFY(r.err.contains(QStringLiteral("chmod 600")));
    QVERIFY(!r.err.contains(QString::fromLatin1(kPassword)));
    QVERIFY(!QFileInfo::exists(out));
    const auto verify =
        run({QStringLiteral("verify"), QStringLiteral("--password-file"), shared, m_bundle});
    QCOMPARE(verify.code, int(cli::ExitCode::Usage)); // reading too: same rule
}

void TestCliEncryption::passwordPromptNeedsATerminal() {
    if (isatty(0) != 0) {
        QSKIP("stdin is a terminal here; the prompt would wait for input");
    }
    const QString out = m_dir.filePath(QStringLiteral("prompt.zip"));
    const auto r = collect(out, {QStringLiteral("--password-prompt")});
    QCOMPARE(r.code, int(cli::ExitCode::Usage));
    QVERIFY(r.err.contains(QStringLiteral("--password-prompt needs a terminal")));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliEncryption::shortPasswordIsRefusedBeforeTheWork() {
    const QString out = m_dir.filePath(QStringLiteral("short.zip"));
    const auto r = collect(
        out, {QStringLiteral("--password-file"), passwordFile(QStringLiteral("short"), "abc")});
    QCOMPARE(r.code, int(cli::ExitCode::Failure));
    QVERIFY(r.err.contains(QStringLiteral("at least 8 characters")));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(QDir(m_dir.path())
                .entryList({QStringLiteral(".supportzip-staging-*")}, QDir::Dirs | QDir::Hidden)
                .isEmpty());
}

void TestCliEncryption::mergeKeepsTheEncryption() {
    const QString second = m_dir.filePath(QStringLiteral("encrypted-2.zip"));
    const auto node2 = collect(second, {QStringLiteral("--password-file"), m_passwordFile,
                                        QStringLiteral("--max-file-size"), QStringLiteral("10K")});
    QCOMPARE(node2.code, int(cli::ExitCode::Success));
    const QString out = m_dir.filePath(QStringLiteral("merged.zip"));
    const QStringList base{QStringLiteral("merge"),
                           m_bundle,
                           second,
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--consent"),
                           QStringLiteral("Jana Admin <jana@example.com>"),
                           QStringLiteral("--vault"),
                           m_dir.filePath(QStringLiteral("vault"))};
    const auto locked = run(base);
    QCOMPARE(locked.code, int(cli::ExitCode::Failure));
    QVERIFY2(locked.err.contains(QStringLiteral("the bundle is encrypted")),
             qPrintable(locked.err));
    QVERIFY(!QFileInfo::exists(out));
    // Merging never takes the encryption off.
    const auto downgrade =
        run(base + QStringList{QStringLiteral("--input-password-file"), m_passwordFile});
    QCOMPARE(downgrade.code, int(cli::ExitCode::Usage));
    QVERIFY2(downgrade.err.contains(QStringLiteral("the merged bundle would not be")),
             qPrintable(downgrade.err));
    QVERIFY(!QFileInfo::exists(out));
    // The node bundles' password opens them; the merged bundle gets its own.
    const QString mergedPassword = passwordFile(QStringLiteral("merged-password"), "merged-secret");
    const auto merged =
        run(base + QStringList{QStringLiteral("--password-file"), mergedPassword,
                               QStringLiteral("--input-password-file"), m_passwordFile});
    QVERIFY2(merged.code == int(cli::ExitCode::Success), qPrintable(merged.err));
    int total = 0;
    const int aes = aesMembers(out, &total);
    QVERIFY(total > 20);
    QCOMPARE(aes, total);
    const auto verify =
        run({QStringLiteral("verify"), QStringLiteral("--password-file"), mergedPassword, out});
    QVERIFY2(verify.code == int(cli::ExitCode::Success), qPrintable(verify.out + verify.err));
    const auto nodesPassword =
        run({QStringLiteral("verify"), QStringLiteral("--password-file"), m_passwordFile, out});
    QVERIFY(nodesPassword.err.contains(QStringLiteral("password does not open")));
}

QTEST_GUILESS_MAIN(TestCliEncryption)
#include "tst_cli_encryption.moc"
