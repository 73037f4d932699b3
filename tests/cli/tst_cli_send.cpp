// SPDX-License-Identifier: GPL-3.0-or-later
// `supportzip send` and the send options of `collect`, against the fake JSM server: exit codes,
// what reaches the server, and that the token appears in no output and no log.
#include "clirun.h"
#include "command.h"
#include "exitcode.h"
#include "fakehttpserver.h"
#include "fakejsm.h"
#include "ledger/ledger.h"
#include "samplegen.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace supportzip;
using supportzip::testing::FakeHttpServer;
using supportzip::testing::FakeRequest;
using supportzip::testing::FakeResponse;
using supportzip::testing::sha256Hex;
using namespace supportzip::testing::fakejsm;

namespace {

const QByteArray kToken = QByteArrayLiteral("cli-T0KEN-7f3a9e-never-shown");

using tests::CliResult;
using tests::run;

QString fileSha256(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? sha256Hex(f.readAll()) : QString();
}

} // namespace

class TestCliSend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sendAttachesAndPrintsTheReceipt();
    void failuresHaveTheirExitCodes_data();
    void failuresHaveTheirExitCodes();
    void tokenIsInNoOutputAndNoLog();
    void tokenIsNeverTakenFromTheCommandLine();
    void tamperedBundleIsNotSent();
    void plainHttpToARemoteHostIsRefused();
    void collectWritesAndSendsInOneCommand();
    void encryptedBundleIsVerifiedWithItsPassword();

private:
    QStringList jsmArgs() const;

    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
    QString m_bundle;
    QString m_tokenFile;
    std::unique_ptr<FakeHttpServer> m_server;
};

void TestCliSend::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
    m_bundle = m_dir.filePath(QStringLiteral("bundle.zip"));
    const auto r =
        run({QStringLiteral("collect"), QStringLiteral("--install"), m_sample.installDir,
             QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--out"), m_bundle,
             QStringLiteral("--consent"), QStringLiteral("Jana Admin <jana@example.com>"),
             QStringLiteral("--vault"), m_dir.filePath(QStringLiteral("vault")),
             QStringLiteral("--thread-dumps"), QStringLiteral("0"), QStringLiteral("--quiet")});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    m_tokenFile = m_dir.filePath(QStringLiteral("token"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write(kToken + "\n");
    token.close();
    QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestCliSend::init() {
    m_server = std::make_unique<FakeHttpServer>();
    m_server->setHandler(jsmAnswer);
}

QStringList TestCliSend::jsmArgs() const {
    return {QStringLiteral("--jsm"),        m_server->baseUrl(),
            QStringLiteral("--request"),    QStringLiteral("SUP-7"),
            QStringLiteral("--user"),       QStringLiteral("jana@example.com"),
            QStringLiteral("--token-file"), m_tokenFile};
}

void TestCliSend::sendAttachesAndPrintsTheReceipt() {
    const auto r = run(QStringList{QStringLiteral("send"), m_bundle} + jsmArgs());
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("sent b.zip to SUP-7 at ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("attachment 10042")));
    QVERIFY(r.out.contains(fileSha256(m_bundle)));
    QCOMPARE(m_server->requests().size(), 3);
    const auto uploads = requestsTo(*m_server, kUploadPath);
    QCOMPARE(uploads.size(), 1);
    QCOMPARE(sha256Hex(uploads[0].parts.value(0).body), fileSha256(m_bundle));
    // The token file's trailing newline is not part of the token.
    QCOMPARE(uploads[0].header("authorization"),
             "Basic " + QByteArray("jana@example.com:" + kToken).toBase64());
}

void TestCliSend::failuresHaveTheirExitCodes_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown request")
        << kLookupPath << 404 << QByteArray() << int(cli::ExitCode::SendNotFound);
    QTest::newRow("authentication")
        << kLookupPath << 401 << QByteArray() << int(cli::ExitCode::SendAuthFailed);
    QTest::newRow("no permission") << kUploadPath << 403 << QByteArray("denied " + kToken)
                                   << int(cli::ExitCode::SendAccessDenied);
    QTest::newRow("attachments disabled")
        << kUploadPath << 403
        << QByteArray(R"({"errorMessage":"Attachments are disabled for this service desk"})")
        << int(cli::ExitCode::SendAttachmentsOff);
    QTest::newRow("too large") << kUploadPath << 413 << QByteArray()
                               << int(cli::ExitCode::SendTooLarge);
    QTest::newRow("timeout") << kLookupPath << 0 << QByteArray() << int(cli::ExitCode::SendTimeout);
}

void TestCliSend::failuresHaveTheirExitCodes() {
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, exitCode);
    FakeResponse failure = FakeResponse::json(status, body);
    if (status == 0) {
        failure.action = FakeResponse::Action::Hang;
    }
    m_server->setHandler(failing(path, failure));
    const auto r = run(QStringList{QStringLiteral("send"), m_bundle, QStringLiteral("--timeout"),
                                   QStringLiteral("1")} +
                       jsmArgs());
    QCOMPARE(r.code, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith(QStringLiteral("supportzip: ")));
    QVERIFY(!r.err.contains(QString::fromLatin1(kToken)));
    QCOMPARE(requestsTo(*m_server, kAttachPath).size(), 0);
}

void TestCliSend::tokenIsInNoOutputAndNoLog() {
    // The real binary, verbose, with a log file: once failing (the server echoes the token),
    // once succeeding.
    const QString log = m_dir.filePath(QStringLiteral("send.log"));
    for (int status : {403, 0}) {
        m_server->setHandler(
            status == 0 ? FakeHttpServer::Handler(jsmAnswer)
                        : failing(kUploadPath, FakeResponse::json(status, "no for " + kToken)));
        QProcess p;
        p.start(QStringLiteral(SUPPORTZIP_CLI_BINARY),
                QStringList{QStringLiteral("send"), m_bundle, QStringLiteral("--verbose"),
                            QStringLiteral("--log-file"), log} +
                    jsmArgs());
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(),
                 status == 0 ? int(cli::ExitCode::Success) : int(cli::ExitCode::SendAccessDenied));
        const QByteArray output = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY(!output.isEmpty());
        QVERIFY2(!output.contains(kToken), output.constData());
        QVERIFY(!output.contains(QByteArray("jana@example.com:" + kToken).toBase64()));
    }
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray logged = file.readAll();
    QVERIFY(logged.contains("sending a bundle to request SUP-7"));
    QVERIFY(!logged.contains(kToken));
    QVERIFY(!logged.contains(QByteArray("jana@example.com:" + kToken).toBase64()));
}

void TestCliSend::tokenIsNeverTakenFromTheCommandLine() {
    // No --token-file and no terminal: refused, nothing sent. There is no --token option.
    QProcess p;
    p.start(QStringLiteral(SUPPORTZIP_CLI_BINARY),
            {QStringLiteral("send"), m_bundle, QStringLiteral("--jsm"), m_server->baseUrl(),
             QStringLiteral("--request"), QStringLiteral("SUP-7"), QStringLiteral("--user"),
             QStringLiteral("jana@example.com")});
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), int(cli::ExitCode::Usage));
    QVERIFY(p.readAllStandardError().contains("--token-file"));
    const auto withToken = run(
        {QStringLiteral("send"), m_bundle, QStringLiteral("--token"), QString::fromLatin1(kToken)});
    QCOMPARE(withToken.code, int(cli::ExitCode::Usage));
    QCOMPARE(m_server->requests().size(), 0);
}

// Verify-before-send holds for encrypted bundles too: without the password nothing is sent.
void TestCliSend::encryptedBundleIsVerifiedWithItsPassword() {
    m_server->setHandler([](const FakeRequest& r) {
        return r.method == "PUT" ? FakeResponse{} : FakeResponse::json(405, {});
    });
    const QString passwordFile = m_dir.filePath(QStringLiteral("bundle-password"));
    QFile pw(passwordFile);
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("send-this-encrypted\n");
    pw.close();
    QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString out = m_dir.filePath(QStringLiteral("encrypted-send.zip"));
    const QString url = m_server->baseUrl() + QStringLiteral("/up/e.zip");
    const auto collected =
        run({QStringLiteral("collect"), QStringLiteral("--home"), m_sample.homeDir,
             QStringLiteral("--out"), out, QStringLiteral("--consent"),
             QStringLiteral("Jana Admin <jana@example.com>"), QStringLiteral("--vault"),
             m_dir.filePath(QStringLiteral("vault")), QStringLiteral("--thread-dumps"),
             QStringLiteral("0"), QStringLiteral("--password-file"), passwordFile,
             QStringLiteral("--put-url"), url});
    QVERIFY2(collected.code == int(cli::ExitCode::Success), qPrintable(collected.err));
    QCOMPARE(m_server->requests().size(), 1); // collect verified it with the same password
    const auto locked = run({QStringLiteral("send"), out, QStringLiteral("--put-url"), url});
    QCOMPARE(locked.code, int(cli::ExitCode::Failure));
    QVERIFY(locked.err.contains(QStringLiteral("the bundle is encrypted; give its password")));
    QCOMPARE(m_server->requests().size(), 1); // nothing more was sent
    const auto sent = run({QStringLiteral("send"), out, QStringLiteral("--put-url"), url,
                           QStringLiteral("--password-file"), passwordFile});
    QVERIFY2(sent.code == int(cli::ExitCode::Success), qPrintable(sent.err));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(sha256Hex(m_server->requests().last().body), fileSha256(out));
}

void TestCliSend::tamperedBundleIsNotSent() {
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.zip"));
    QVERIFY(QFile::copy(m_bundle, tampered));
    int err = 0;
    zip_t* z = zip_open(tampered.toUtf8().constData(), 0, &err);
    QVERIFY(z != nullptr);
    static const char replacement[] = "tampered\n";
    zip_source_t* src = zip_source_buffer(z, replacement, sizeof(replacement) - 1, 0);
    QVERIFY(zip_file_add(z, "tomcat-config/server.xml", src, ZIP_FL_OVERWRITE) >= 0);
    QCOMPARE(zip_close(z), 0);
    const auto r = run(QStringList{QStringLiteral("send"), tampered} + jsmArgs());
    QCOMPARE(r.code, int(cli::ExitCode::VerificationFailed));
    QVERIFY(r.err.contains(QStringLiteral("it was not sent")));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCliSend::plainHttpToARemoteHostIsRefused() {
    const auto r = run({QStringLiteral("send"), m_bundle, QStringLiteral("--put-url"),
                        QStringLiteral("http://uploads.example.com/b.zip?sig=1")});
    QCOMPARE(r.code, int(cli::ExitCode::Usage));
    QVERIFY(r.err.contains(QStringLiteral("https://")));
    QVERIFY(!r.err.contains(QStringLiteral("sig=1")));
}

void TestCliSend::collectWritesAndSendsInOneCommand() {
    m_server->setHandler([](const FakeRequest& r) {
        return r.method == "PUT" ? FakeResponse{} : FakeResponse::json(405, {});
    });
    const QString out = m_dir.filePath(QStringLiteral("collect-and-send.zip"));
    const auto r =
        run({QStringLiteral("collect"), QStringLiteral("--install"), m_sample.installDir,
             QStringLiteral("--home"), m_sample.homeDir, QStringLiteral("--out"), out,
             QStringLiteral("--consent"), QStringLiteral("Jana Admin <jana@example.com>"),
             QStringLiteral("--vault"), m_dir.filePath(QStringLiteral("vault")),
             QStringLiteral("--thread-dumps"), QStringLiteral("0"), QStringLiteral("--put-url"),
             m_server->baseUrl() + QStringLiteral("/up/b.zip?X-Amz-Signature=9")});
    QVERIFY2(r.code == int(cli::ExitCode::Success), qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // bundle path, summary, receipt
    QCOMPARE(lines[0], out);
    QVERIFY(lines[2].startsWith(QStringLiteral("sent collect-and-send.zip to ")));
    QVERIFY(!lines[2].contains(QStringLiteral("X-Amz-Signature")));
    const auto puts = m_server->requests();
    QCOMPARE(puts.size(), 1);
    QCOMPARE(sha256Hex(puts[0].body), fileSha256(out));
    // The local ledger knows where the bundle went, without the URL's signature.
    auto book = core::ledger::Ledger(m_dir.filePath(QStringLiteral("vault"))).read();
    QVERIFY(book.has_value());
    const auto record = std::find_if(book->bundles.cbegin(), book->bundles.cend(),
                                     [&](const auto& b) { return b.sha256 == fileSha256(out); });
    QVERIFY(record != book->bundles.cend());
    QCOMPARE(record->deliveries.size(), 1);
    QCOMPARE(record->deliveries[0].endpoint, m_server->baseUrl() + QStringLiteral("/up/b.zip"));
    QCOMPARE(record->deliveries[0].bytes, QFileInfo(out).size());
}

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_cli_send.moc"
