// SPDX-License-Identifier: GPL-3.0-or-later
// "Send to ticket…" against a fake Jira Service Management on 127.0.0.1: the bundle arrives
// byte for byte, the delivery lands in the local ledger, the token is never kept (not in the
// field, not in the settings) and never shown; a refusal says why; cancel stops the upload.
#include "fakejsm.h"
#include "ledger/ledger.h"
#include "reviewfixture.h"
#include "send/senddialog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip;
using namespace supportzip::testing;

namespace {

const QString kToken = QStringLiteral("ATATT3xFfGF0-secret-token-value");

QString fileSha256(const QString& path) {
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly)) {
        hash.addData(&f);
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

class TestSendDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sendNeedsEveryField();
    void attachesToTheRequestAndRecordsIt();
    void refusalSaysWhyWithoutTheToken();
    void cancelStopsTheUpload();

private:
    QTemporaryDir m_dir;
    QString m_vault;
    QString m_bundle;
};

void TestSendDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings goes to a test location
    QSettings().clear();
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    m_bundle = reviewtest::collectSampleBundle(m_dir.path(), m_vault);
    QVERIFY(!m_bundle.isEmpty());
}

void TestSendDialog::sendNeedsEveryField() {
    ui::SendDialog dialog(m_bundle, m_vault);
    const auto sendButton = [&]() {
        for (auto* b : dialog.findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("&Send")) {
                return b;
            }
        }
        return static_cast<QPushButton*>(nullptr);
    }();
    QVERIFY(sendButton != nullptr);
    dialog.setJsm(QStringLiteral("https://vendor.example"), QStringLiteral("SUP-7"),
                  QStringLiteral("jana@example.com"));
    QVERIFY(!sendButton->isEnabled()); // no token yet
    dialog.setToken(kToken);
    QVERIFY(sendButton->isEnabled());
    dialog.setPutUrl(QString());
    QVERIFY(!sendButton->isEnabled());
}

void TestSendDialog::attachesToTheRequestAndRecordsIt() {
    FakeHttpServer server;
    server.setHandler(fakejsm::jsmAnswer);
    ui::SendDialog dialog(m_bundle, m_vault);
    dialog.setJsm(server.baseUrl(), QStringLiteral("SUP-7"), QStringLiteral("jana@example.com"));
    dialog.setToken(kToken);
    QSignalSpy finished(&dialog, &ui::SendDialog::finished);
    dialog.send();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Attached to SUP-7 (attachment 10042)")),
             qPrintable(dialog.statusText()));
    QVERIFY(dialog.statusText().contains(QStringLiteral("Recorded in the local ledger")));
    const auto uploads = fakejsm::requestsTo(server, fakejsm::kUploadPath);
    QCOMPARE(uploads.size(), 1);
    QCOMPARE(sha256Hex(uploads[0].parts.value(0).body), fileSha256(m_bundle));
    QCOMPARE(uploads[0].header("authorization"),
             "Basic " + QByteArray("jana@example.com:" + kToken.toUtf8()).toBase64());

    auto book = core::ledger::Ledger(m_vault).read();
    QVERIFY(book.has_value());
    QCOMPARE(book->bundles.size(), 1);
    QCOMPARE(book->bundles[0].deliveries.size(), 1);
    QCOMPARE(book->bundles[0].deliveries[0].requestKey, QStringLiteral("SUP-7"));

    // The token is gone from the form and was never written to the settings.
    for (auto* edit : dialog.findChildren<QLineEdit*>()) {
        QVERIFY(!edit->text().contains(kToken));
    }
    QSettings settings;
    for (const QString& key : settings.allKeys()) {
        QVERIFY(!settings.value(key).toString().contains(kToken));
    }
    QCOMPARE(settings.value(QStringLiteral("send/portal")).toString(), server.baseUrl());
}

void TestSendDialog::refusalSaysWhyWithoutTheToken() {
    FakeHttpServer server;
    server.setHandler(
        fakejsm::failing(fakejsm::kLookupPath, FakeResponse::json(401, "{\"message\":\"no\"}")));
    ui::SendDialog dialog(m_bundle, m_vault);
    dialog.setJsm(server.baseUrl(), QStringLiteral("SUP-7"), QStringLiteral("jana@example.com"));
    dialog.setToken(kToken);
    QSignalSpy finished(&dialog, &ui::SendDialog::finished);
    dialog.send();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Not sent: ")),
             qPrintable(dialog.statusText()));
    QVERIFY(!dialog.statusText().contains(kToken));
    QVERIFY(fakejsm::requestsTo(server, fakejsm::kUploadPath).isEmpty());
}

void TestSendDialog::cancelStopsTheUpload() {
    FakeHttpServer server;
    server.setHandler(fakejsm::jsmAnswer);
    server.setStallBodyAfter(16 * 1024); // the upload cannot finish before the cancel
    ui::SendDialog dialog(m_bundle, m_vault);
    dialog.setJsm(server.baseUrl(), QStringLiteral("SUP-7"), QStringLiteral("jana@example.com"));
    dialog.setToken(kToken);
    QSignalSpy finished(&dialog, &ui::SendDialog::finished);
    dialog.send();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QStringLiteral("Uploading")), 30'000);
    dialog.cancel();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(dialog.statusText(), QStringLiteral("Cancelled: nothing was attached."));
    QVERIFY(fakejsm::requestsTo(server, fakejsm::kAttachPath).isEmpty());
}

QTEST_MAIN(TestSendDialog)
#include "tst_senddialog.moc"
