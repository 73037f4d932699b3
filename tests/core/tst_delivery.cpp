// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery against a fake Jira Service Management / upload server on 127.0.0.1: what arrives,
// with which headers, and how every failure is told apart. No real network.
#include "delivery/deliveryjob.h"
#include "delivery/endpointpolicy.h"
#include "delivery/networksetup.h"
#include "delivery/retrypolicy.h"
#include "delivery/tokensource.h"
#include "fakehttpserver.h"
#include "fakejsm.h"
#include "pipeline/collectjob.h"
#include "samplegen.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

#include <atomic>

using namespace supportzip;
using namespace supportzip::core::delivery;
using supportzip::testing::FakeHttpServer;
using supportzip::testing::FakeRequest;
using supportzip::testing::FakeResponse;
using supportzip::testing::sha256Hex;
using namespace supportzip::testing::fakejsm;

namespace {

const QByteArray kToken = QByteArrayLiteral("s3cr3t-T0KEN-do-not-leak");
const QByteArray kKey = QByteArrayLiteral("SUP-7");

QString fileSha256(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? sha256Hex(f.readAll()) : QString();
}

} // namespace

class TestDelivery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void jsmExchangeDeliversIdenticalBytes();
    void bearerTokenForDataCenter();
    void putUploadIsByteIdentical();
    void httpsNeedsATrustedCertificate();
    void failuresAreTold_data();
    void failuresAreTold();
    void inactivityTimeoutIsItsOwnError();
    void cancelStopsTheUpload();
    void transient503IsRetried();
    void retryAfterIsHonoured();
    void retriesAreBounded();
    void droppedConnectionIsRetried();
    void redirectsAreNotFollowed();
    void tamperedBundleIsNotSent();
    void plainHttpOnlyToLoopback();
    void retryArithmetic();
    void tokenFileIsReadCarefully();
    void proxyFromEnvironment();

private:
    DeliveryRequest jsmRequest(const QString& bundle) const;
    core::Expected<DeliveryReceipt> send(const DeliveryRequest& request,
                                         QList<TransferProgress>* seen = nullptr);

    QTemporaryDir m_dir;
    QString m_bundle;
    std::unique_ptr<FakeHttpServer> m_server;
};

void TestDelivery::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    core::pipeline::CollectRequest r;
    r.installDir = sample->installDir;
    r.homeDir = sample->homeDir;
    r.outputPath = m_dir.filePath(QStringLiteral("bundle.zip"));
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    r.threadDumps = 0;
    r.consent.name = QStringLiteral("Test Admin");
    r.consent.email = QStringLiteral("admin@example.com");
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    m_bundle = summary->bundlePath;
    QVERIFY(QFileInfo(m_bundle).size() > 64 * 1024);
}

void TestDelivery::init() {
    m_server = std::make_unique<FakeHttpServer>();
    m_server->setHandler(jsmAnswer);
}

DeliveryRequest TestDelivery::jsmRequest(const QString& bundle) const {
    JsmDestination jsm;
    jsm.baseUrl = QUrl(m_server->baseUrl() + QStringLiteral("/"));
    jsm.requestKey = QString::fromLatin1(kKey);
    jsm.credentials.user = QStringLiteral("jana@example.com");
    jsm.credentials.token = kToken;
    DeliveryRequest request{bundle, jsm, {}};
    request.options.inactivityTimeout = std::chrono::seconds(20);
    request.options.retry.timeScale = 0.001;
    return request;
}

core::Expected<DeliveryReceipt> TestDelivery::send(const DeliveryRequest& request,
                                                   QList<TransferProgress>* seen) {
    DeliveryJob job(request);
    return job.run([seen](const TransferProgress& p) {
        if (seen != nullptr) {
            seen->append(p);
        }
    });
}

void TestDelivery::jsmExchangeDeliversIdenticalBytes() {
    QList<TransferProgress> seen;
    const auto receipt = send(jsmRequest(m_bundle), &seen);
    QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().toString()));

    const auto all = m_server->requests();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].method, QByteArray("GET"));
    QCOMPARE(all[0].path(), kLookupPath);
    QCOMPARE(all[1].path(), kUploadPath);
    QCOMPARE(all[2].path(), kAttachPath);
    const QByteArray basic = "Basic " + QByteArray("jana@example.com:" + kToken).toBase64();
    for (const FakeRequest& r : all) {
        QCOMPARE(r.header("authorization"), basic);
    }
    // The upload: multipart field "file", the JSM headers, the very same bytes.
    const FakeRequest& upload = all[1];
    QCOMPARE(upload.header("x-atlassian-token"), QByteArray("no-check"));
    QCOMPARE(upload.header("x-experimentalapi"), QByteArray("opt-in"));
    QCOMPARE(upload.parts.size(), 1);
    QCOMPARE(upload.parts[0].name, QByteArray("file"));
    QCOMPARE(upload.parts[0].fileName, QFileInfo(m_bundle).fileName().toUtf8());
    const QString sha = fileSha256(m_bundle);
    QCOMPARE(sha256Hex(upload.parts[0].body), sha);
    // The attach call: the temporary id, public, a comment that names the hash.
    const QJsonObject attach = QJsonDocument::fromJson(all[2].body).object();
    QCOMPARE(attach.value(QStringLiteral("temporaryAttachmentIds")).toArray(),
             QJsonArray{QStringLiteral("temp-81")});
    QCOMPARE(attach.value(QStringLiteral("public")).toBool(), true);
    QVERIFY(attach.value(QStringLiteral("additionalComment"))
                .toObject()
                .value(QStringLiteral("body"))
                .toString()
                .contains(sha));

    QCOMPARE(receipt->kind, DeliveryReceipt::Kind::JsmRequest);
    QCOMPARE(receipt->endpoint, m_server->baseUrl() + QStringLiteral("/"));
    QCOMPARE(receipt->requestKey, QStringLiteral("SUP-7"));
    QCOMPARE(receipt->serviceDeskId, QStringLiteral("12"));
    QCOMPARE(receipt->temporaryAttachmentId, QStringLiteral("temp-81"));
    QCOMPARE(receipt->attachmentId, QStringLiteral("10042"));
    QCOMPARE(receipt->bytesSent, QFileInfo(m_bundle).size());
    QCOMPARE(receipt->bundleSha256, sha);
    QVERIFY(qAbs(receipt->sentAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    // Progress: every stage in order, the upload ending at the bundle's size.
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.first().stage, TransferProgress::Stage::Verify);
    QCOMPARE(seen.last().stage, TransferProgress::Stage::Attach);
    qint64 uploaded = 0;
    for (const auto& p : seen) {
        if (p.stage == TransferProgress::Stage::Upload) {
            QCOMPARE(p.bytesTotal, receipt->bytesSent);
            QVERIFY(p.bytesSent >= uploaded);
            uploaded = p.bytesSent;
        }
    }
    QCOMPARE(uploaded, receipt->bytesSent);
}

void TestDelivery::bearerTokenForDataCenter() {
    auto request = jsmRequest(m_bundle);
    auto& jsm = std::get<JsmDestination>(request.destination);
    jsm.credentials.scheme = Credentials::Scheme::Bearer;
    jsm.credentials.user.clear();
    jsm.comment = QStringLiteral("For the slowness on Monday");
    QVERIFY(send(request));
    const auto all = m_server->requests();
    QCOMPARE(all.size(), 3);
    for (const FakeRequest& r : all) {
        QCOMPARE(r.header("authorization"), "Bearer " + kToken);
    }
    QCOMPARE(QJsonDocument::fromJson(all[2].body)
                 .object()
                 .value(QStringLiteral("additionalComment"))
                 .toObject()
                 .value(QStringLiteral("body"))
                 .toString(),
             QStringLiteral("For the slowness on Monday"));
}

void TestDelivery::putUploadIsByteIdentical() {
    m_server->setHandler([](const FakeRequest& r) {
        FakeResponse ok;
        ok.addHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"");
        return r.method == "PUT" ? ok : FakeResponse::json(405, {});
    });
    const QString url = m_server->baseUrl() +
                        QStringLiteral("/bucket/b.zip?X-Amz-Signature=abc123&X-Amz-Expires=600");
    DeliveryRequest request{m_bundle, PutDestination{QUrl(url)}, {}};
    const auto receipt = send(request);
    QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().toString()));
    const auto all = m_server->requests();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].method, QByteArray("PUT"));
    QCOMPARE(all[0].target, QByteArray("/bucket/b.zip?X-Amz-Signature=abc123&X-Amz-Expires=600"));
    QVERIFY(!all[0].headers.contains("authorization"));
    QCOMPARE(all[0].header("content-length").toLongLong(), QFileInfo(m_bundle).size());
    QCOMPARE(sha256Hex(all[0].body), fileSha256(m_bundle));
    QCOMPARE(receipt->kind, DeliveryReceipt::Kind::PresignedPut);
    QCOMPARE(receipt->endpoint, m_server->baseUrl() + QStringLiteral("/bucket/b.zip"));
    QCOMPARE(receipt->attachmentId, QStringLiteral("9b2cf535f27731c974343645a3985328"));
}

// HTTPS is verified always: a server whose certificate no trusted CA signed is refused with the
// TLS error (nothing reaches it past the handshake), and --ca-file with its CA lets it through.
void TestDelivery::httpsNeedsATrustedCertificate() {
    FakeHttpServer tls(FakeHttpServer::Transport::Tls);
    tls.setHandler([](const FakeRequest& r) {
        return r.method == "PUT" ? FakeResponse{} : FakeResponse::json(405, {});
    });
    const QString url = tls.baseUrl() + QStringLiteral("/bucket/b.zip?X-Amz-Signature=abc123");
    QVERIFY(url.startsWith(QStringLiteral("https://127.0.0.1:")));
    DeliveryRequest request{m_bundle, PutDestination{QUrl(url)}, {}};
    request.options.inactivityTimeout = std::chrono::seconds(20);
    request.options.retry.timeScale = 0.001;

    const auto untrusted = send(request);
    QVERIFY(!untrusted);
    QCOMPARE(untrusted.error().code, core::ErrorCode::TlsFailed);
    QVERIFY2(untrusted.error().message.contains(QStringLiteral("--ca-file")),
             qPrintable(untrusted.error().message));
    QVERIFY(tls.requests().isEmpty());

    request.options.caFile = FakeHttpServer::tlsCaFile();
    const auto trusted = send(request);
    QVERIFY2(trusted, trusted ? "" : qPrintable(trusted.error().toString()));
    const auto all = tls.requests();
    QCOMPARE(all.size(), 1);
    QCOMPARE(sha256Hex(all[0].body), fileSha256(m_bundle));
}

void TestDelivery::failuresAreTold_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("hint");
    using core::ErrorCode;
    QTest::newRow("unknown request (404)")
        << kLookupPath << 404 << QByteArray(R"({"errorMessage":"Request does not exist"})")
        << int(ErrorCode::RemoteNotFound) << QStringLiteral("SUP-7 was not found");
    QTest::newRow("authentication (401)")
        << kLookupPath << 401 << QByteArray() << int(ErrorCode::AuthenticationFailed)
        << QStringLiteral("--bearer");
    QTest::newRow("no permission (403, token echoed)")
        << kUploadPath << 403 << QByteArray(R"({"errorMessage":"denied for )" + kToken + "\"}")
        << int(ErrorCode::AccessDenied) << QStringLiteral("may not attach");
    QTest::newRow("attachments disabled")
        << kUploadPath << 403
        << QByteArray(R"({"errorMessage":"Attachments are disabled for this service desk.",)"
                      R"("i18nErrorMessage":{"i18nKey":"sd.attachment.disabled"}})")
        << int(ErrorCode::AttachmentsDisabled) << QStringLiteral("--put-url");
    QTest::newRow("attachments disabled on attach")
        << kAttachPath << 400
        << QByteArray(R"({"errorMessage":"Attachments are not enabled in this project"})")
        << int(ErrorCode::AttachmentsDisabled) << QStringLiteral("does not accept attachments");
    QTest::newRow("too large (413)")
        << kUploadPath << 413 << QByteArray() << int(ErrorCode::TooLarge)
        << QStringLiteral("--max-total-size");
}

void TestDelivery::failuresAreTold() {
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, hint);
    m_server->setHandler(failing(path, FakeResponse::json(status, body)));
    const auto result = send(jsmRequest(m_bundle));
    QVERIFY(!result);
    QCOMPARE(int(result.error().code), code);
    QVERIFY2(result.error().message.contains(hint), qPrintable(result.error().message));
    QVERIFY(!result.error().toString().contains(QString::fromLatin1(kToken)));
    // Not retried, and nothing attached after the failing call.
    QCOMPARE(requestsTo(*m_server, path).size(), 1);
    if (path != kAttachPath) {
        QCOMPARE(requestsTo(*m_server, kAttachPath).size(), 0);
    }
}

void TestDelivery::inactivityTimeoutIsItsOwnError() {
    FakeResponse hang;
    hang.action = FakeResponse::Action::Hang;
    m_server->setHandler(failing(kLookupPath, hang));
    auto request = jsmRequest(m_bundle);
    request.options.inactivityTimeout = std::chrono::milliseconds(300);
    const auto result = send(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::NetworkTimeout);
    QVERIFY(result.error().message.contains(QStringLiteral("--timeout")));
    QCOMPARE(requestsTo(*m_server, kLookupPath).size(), 1); // a timeout is not retried
    QCOMPARE(requestsTo(*m_server, kUploadPath).size(), 0);
}

void TestDelivery::cancelStopsTheUpload() {
    // The server stops reading the body early, so the upload is certainly still under way when
    // the first progress report cancels it.
    m_server->setStallBodyAfter(32 * 1024);
    DeliveryJob job(jsmRequest(m_bundle));
    qint64 sentAtCancel = -1;
    const auto result = job.run([&](const TransferProgress& p) {
        if (p.stage == TransferProgress::Stage::Upload && p.bytesSent > 0 && sentAtCancel < 0) {
            sentAtCancel = p.bytesSent;
            job.requestCancel();
        }
    });
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::Cancelled);
    QVERIFY(sentAtCancel > 0 && sentAtCancel < QFileInfo(m_bundle).size());
    QTRY_COMPARE(m_server->openConnections(), 0);
    const auto uploads = requestsTo(*m_server, kUploadPath);
    QCOMPARE(uploads.size(), 1);
    QVERIFY(!uploads[0].complete);
    QVERIFY(uploads[0].body.size() < QFileInfo(m_bundle).size());
    QCOMPARE(requestsTo(*m_server, kAttachPath).size(), 0);
}

void TestDelivery::transient503IsRetried() {
    m_server->setHandler(failing(kUploadPath, FakeResponse::json(503, {}), 1));
    QList<TransferProgress> seen;
    const auto receipt = send(jsmRequest(m_bundle), &seen);
    QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().toString()));
    const auto uploads = requestsTo(*m_server, kUploadPath);
    QCOMPARE(uploads.size(), 2);
    QCOMPARE(sha256Hex(uploads[1].parts.value(0).body), fileSha256(m_bundle));
    QCOMPARE(requestsTo(*m_server, kAttachPath).size(), 1);
    const auto waiting = std::find_if(seen.begin(), seen.end(), [](const TransferProgress& p) {
        return p.stage == TransferProgress::Stage::Waiting;
    });
    QVERIFY(waiting != seen.end());
    QCOMPARE(waiting->reason, QStringLiteral("HTTP 503"));
    QCOMPARE(waiting->attempt, 2);
    QCOMPARE(waiting->retryIn, RetryPolicy{}.initialDelay);
}

void TestDelivery::retryAfterIsHonoured() {
    auto busy = FakeResponse::json(429, {});
    busy.addHeader("Retry-After", "7");
    m_server->setHandler(failing(kLookupPath, busy, 1));
    QList<TransferProgress> seen;
    QVERIFY(send(jsmRequest(m_bundle), &seen));
    QCOMPARE(requestsTo(*m_server, kLookupPath).size(), 2);
    const auto waiting = std::find_if(seen.begin(), seen.end(), [](const TransferProgress& p) {
        return p.stage == TransferProgress::Stage::Waiting;
    });
    QVERIFY(waiting != seen.end());
    QCOMPARE(waiting->retryIn, std::chrono::milliseconds(7000));
    QCOMPARE(waiting->reason, QStringLiteral("HTTP 429"));
}

void TestDelivery::retriesAreBounded() {
    m_server->setHandler(failing(kLookupPath, FakeResponse::json(503, {})));
    auto request = jsmRequest(m_bundle);
    request.options.retry.maxAttempts = 3;
    const auto result = send(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::NetworkFailed);
    QVERIFY(result.error().message.contains(QStringLiteral("HTTP 503")));
    QCOMPARE(requestsTo(*m_server, kLookupPath).size(), 3);
}

void TestDelivery::droppedConnectionIsRetried() {
    FakeResponse drop;
    drop.action = FakeResponse::Action::Drop;
    m_server->setHandler(failing(kAttachPath, drop, 1));
    QVERIFY(send(jsmRequest(m_bundle)));
    QCOMPARE(requestsTo(*m_server, kAttachPath).size(), 2);
}

void TestDelivery::redirectsAreNotFollowed() {
    FakeResponse moved;
    moved.status = 302;
    moved.addHeader("Location", "https://elsewhere.example/rest/servicedeskapi/x");
    m_server->setHandler(failing(kLookupPath, moved));
    const auto result = send(jsmRequest(m_bundle));
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::NetworkFailed);
    QVERIFY(result.error().message.contains(QStringLiteral("elsewhere.example")));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestDelivery::tamperedBundleIsNotSent() {
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.zip"));
    QFile::remove(tampered);
    QVERIFY(QFile::copy(m_bundle, tampered));
    int err = 0;
    zip_t* z = zip_open(tampered.toUtf8().constData(), 0, &err);
    QVERIFY(z != nullptr);
    static const char replacement[] = "tampered\n";
    zip_source_t* src = zip_source_buffer(z, replacement, sizeof(replacement) - 1, 0);
    QVERIFY(zip_file_add(z, "tomcat-config/server.xml", src, ZIP_FL_OVERWRITE) >= 0);
    QCOMPARE(zip_close(z), 0);
    const auto result = send(jsmRequest(tampered));
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::VerificationFailed);
    QVERIFY(result.error().message.contains(QStringLiteral("not sent")));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestDelivery::plainHttpOnlyToLoopback() {
    for (const char* ok : {"http://127.0.0.1:8080/", "http://127.4.5.6/", "http://[::1]:99/",
                           "http://localhost/", "https://example.atlassian.net"}) {
        QVERIFY2(checkEndpoint(QLatin1StringView(ok), false), ok);
    }
    for (const char* refused :
         {"http://example.atlassian.net", "http://10.0.0.1/", "http://127.0.0.1.example.com/",
          "ftp://127.0.0.1/", "https://jana:pw@example.atlassian.net", "https://x.net/?a=b"}) {
        QVERIFY2(!checkEndpoint(QLatin1StringView(refused), false), refused);
    }
    QVERIFY(checkEndpoint(QStringLiteral("https://s3.example/b?X-Amz-Signature=1"), true));
    // Refused before anything is read or sent.
    auto request = jsmRequest(m_bundle);
    std::get<JsmDestination>(request.destination).baseUrl =
        QUrl(QStringLiteral("http://jira.example.com/"));
    const auto result = send(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::InvalidArgument);
    QVERIFY(result.error().message.contains(QStringLiteral("https://")));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestDelivery::retryArithmetic() {
    using std::chrono::milliseconds;
    RetryPolicy policy;
    QCOMPARE(policy.delayBefore(1, std::nullopt), milliseconds(1000));
    QCOMPARE(policy.delayBefore(2, std::nullopt), milliseconds(2000));
    QCOMPARE(policy.delayBefore(3, std::nullopt), milliseconds(4000));
    QCOMPARE(policy.delayBefore(30, std::nullopt), policy.maxDelay);
    QCOMPARE(policy.delayBefore(1, milliseconds(5000)), milliseconds(5000));
    const QDateTime now(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    QCOMPARE(parseRetryAfter("120", now), std::optional(milliseconds(120000)));
    QCOMPARE(parseRetryAfter("Fri, 20 Nov 2026 09:30:30 GMT", now),
             std::optional(milliseconds(30000)));
    QCOMPARE(parseRetryAfter("", now), std::nullopt);
    QCOMPARE(parseRetryAfter("soon", now), std::nullopt);
    QCOMPARE(parseRetryAfter("-5", now), std::nullopt);
}

void TestDelivery::tokenFileIsReadCarefully() {
    const auto write = [this](const char* name, const QByteArray& content) {
        const QString path = m_dir.filePath(QLatin1StringView(name));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    };
    auto lf = readTokenFile(write("lf", kToken + "\n"));
    QVERIFY(lf);
    QCOMPARE(lf->token, kToken);
    QVERIFY(!lf->readableByOthers);
    QCOMPARE(readTokenFile(write("crlf", kToken + "\r\n"))->token, kToken);
    QCOMPARE(readTokenFile(write("bare", kToken))->token, kToken);
    for (const char* bad : {"", "\n", "two\nlines\n"}) {
        const auto result = readTokenFile(write("bad", QByteArray(bad)));
        QVERIFY(!result);
        QCOMPARE(result.error().code, core::ErrorCode::InvalidArgument);
    }
    const auto multi = readTokenFile(write("multi", kToken + "\nsecond"));
    QVERIFY(!multi);
    QVERIFY(!multi.error().toString().contains(QString::fromLatin1(kToken)));
    QCOMPARE(readTokenFile(m_dir.filePath(QStringLiteral("absent"))).error().code,
             core::ErrorCode::NotFound);
    const QString open = write("open", kToken);
    QFile(open).setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadOther);
    QVERIFY(readTokenFile(open)->readableByOthers);
}

void TestDelivery::proxyFromEnvironment() {
    // The fake server plays an HTTPS proxy that refuses every CONNECT.
    m_server->setHandler([](const FakeRequest&) { return FakeResponse::json(403, {}); });
    const QByteArray proxy = m_server->baseUrl().toUtf8();
    qputenv("HTTPS_PROXY", proxy);
    qputenv("https_proxy", proxy);
    auto request = jsmRequest(m_bundle);
    std::get<JsmDestination>(request.destination).baseUrl =
        QUrl(QStringLiteral("https://portal.supportzip-test.invalid/"));
    request.options.inactivityTimeout = std::chrono::seconds(5);
    auto result = send(request);
    QVERIFY(!result);
    QVERIFY2(result.error().code == core::ErrorCode::ProxyFailed,
             qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QStringLiteral("HTTPS_PROXY")));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests()[0].method, QByteArray("CONNECT"));
    QCOMPARE(m_server->requests()[0].target, QByteArray("portal.supportzip-test.invalid:443"));
    // The loopback fake server itself is never reached through the proxy.
    QCOMPARE(proxyFor(QUrl(m_server->baseUrl())).value(0).type(), QNetworkProxy::NoProxy);
    // NO_PROXY: the same host is tried directly (and fails, .invalid does not resolve).
    qputenv("NO_PROXY", "supportzip-test.invalid");
    qputenv("no_proxy", "supportzip-test.invalid");
    result = send(request);
    QVERIFY(!result);
    QVERIFY(result.error().code != core::ErrorCode::ProxyFailed);
    QCOMPARE(m_server->requests().size(), 1);
    for (const char* name : {"HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"}) {
        qunsetenv(name);
    }
    const QString list = QStringLiteral(" .corp.example, vendor.example ,*.other.example");
    for (const char* host : {"corp.example", "a.corp.example", "vendor.example", "x.vendor.example",
                             "b.other.example"}) {
        QVERIFY2(excludedByNoProxy(QLatin1StringView(host), list), host);
    }
    for (const char* host : {"notvendor.example", "example", "corp.example.com"}) {
        QVERIFY2(!excludedByNoProxy(QLatin1StringView(host), list), host);
    }
    QVERIFY(excludedByNoProxy(QStringLiteral("anything.example"), QStringLiteral("*")));
}

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
