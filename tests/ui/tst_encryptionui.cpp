// SPDX-License-Identifier: GPL-3.0-or-later
// Encryption in the GUI: the review window asks for an encrypted bundle's password in a masked
// dialog, says so and asks again after a wrong one, and opens, verifies and shows the bundle
// with the right one; the Consent page's "Encrypt the bundle" option (masked password and
// confirmation, the core's length rule) fills the CollectRequest the build runs, so the bundle
// the wizard writes opens only with that password.
#include "bundle/bundlereader.h"
#include "review/bundleheader.h"
#include "review/reviewwindow.h"
#include "reviewfixture.h"
#include "wizard/consentpage.h"
#include "wizard/encryptionbox.h"
#include "wizard/wizardcontroller.h"

#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

namespace {

const QByteArray kPassword = "review-this-bundle";

QInputDialog* visiblePasswordDialog(QWidget* window) {
    for (auto* d : window->findChildren<QInputDialog*>(QStringLiteral("bundlePasswordDialog"))) {
        if (d->isVisible()) {
            return d;
        }
    }
    return nullptr;
}

} // namespace

class TestEncryptionUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reviewAsksForThePasswordAndRetries();
    void reviewCancelledPasswordSaysWhy();
    void consentPageEncryptionOption();
    void wizardBuildsAnEncryptedBundle();

private:
    QTemporaryDir m_dir;
    QString m_bundle;
    fixtures::SampleInstallation m_sample;
};

void TestEncryptionUi::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
    core::pipeline::CollectRequest r;
    r.homeDir = m_sample.homeDir;
    r.outputPath = m_dir.filePath(QStringLiteral("encrypted.zip"));
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    r.threadDumps = 0;
    r.consent.name = QStringLiteral("Test Admin");
    r.consent.email = QStringLiteral("admin@example.com");
    QByteArray pw = kPassword;
    r.password = core::Secret::take(pw);
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    m_bundle = summary->bundlePath;
}

void TestEncryptionUi::reviewAsksForThePasswordAndRetries() {
    ui::ReviewWindow w;
    w.show();
    QSignalSpy opened(&w, &ui::ReviewWindow::bundleOpened);
    QSignalSpy checked(&w, &ui::ReviewWindow::integrityChecked);
    QVERIFY(!w.openBundle(m_bundle)); // not yet: the password is asked for
    QInputDialog* ask = visiblePasswordDialog(&w);
    QVERIFY(ask != nullptr);
    QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
    QVERIFY(ask->labelText().contains(QStringLiteral("encrypted.zip is encrypted")));
    QVERIFY(!ask->labelText().contains(QStringLiteral("does not open")));
    QVERIFY(w.bundlePath().isEmpty());

    ask->setTextValue(QStringLiteral("not the password"));
    ask->accept();
    QTRY_VERIFY(visiblePasswordDialog(&w) != nullptr && visiblePasswordDialog(&w) != ask);
    QInputDialog* retry = visiblePasswordDialog(&w);
    QVERIFY(retry->labelText().contains(QStringLiteral("does not open this bundle")));
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("reviewStatus"))
                ->text()
                .contains(QStringLiteral("Wrong password")));
    QCOMPARE(opened.count(), 0);
    QVERIFY(retry->textValue().isEmpty()); // the wrong one is not offered again

    retry->setTextValue(QString::fromLatin1(kPassword));
    retry->accept();
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(w.bundlePath(), m_bundle);
    QVERIFY(w.manifest().encrypted);
    QCOMPARE(w.manifest().consent.name, QStringLiteral("Test Admin"));
    QVERIFY(w.findChild<QTreeWidget*>(QStringLiteral("fileTree"))->topLevelItemCount() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
    QCOMPARE(checked.first().first().toBool(), true); // verified with the password
    QCOMPARE(w.header()->state(), ui::BundleHeader::State::Intact);
    // Members decrypt into the viewer.
    QSignalSpy memberOpened(&w, &ui::ReviewWindow::memberOpened);
    w.openMember(QStringLiteral("README.txt"));
    QTRY_COMPARE_WITH_TIMEOUT(memberOpened.count(), 1, 30000);
    QFile copy(w.extractedPath(QStringLiteral("README.txt")));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QVERIFY(copy.readAll().contains("encrypted with AES-256"));
}

void TestEncryptionUi::reviewCancelledPasswordSaysWhy() {
    ui::ReviewWindow w;
    w.show();
    QVERIFY(!w.openBundle(m_bundle));
    QInputDialog* ask = visiblePasswordDialog(&w);
    QVERIFY(ask != nullptr);
    ask->reject();
    QTRY_VERIFY(visiblePasswordDialog(&w) == nullptr);
    QCOMPARE(w.header()->state(), ui::BundleHeader::State::Refused);
    QVERIFY2(w.header()->integrityText().contains(QStringLiteral("the bundle is encrypted")),
             qPrintable(w.header()->integrityText()));
    QVERIFY(w.bundlePath().isEmpty());
}

void TestEncryptionUi::consentPageEncryptionOption() {
    ui::WizardController controller;
    ui::ConsentPage page(&controller);
    page.show();
    page.findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Jana Admin"));
    page.findChild<QLineEdit*>(QStringLiteral("emailEdit"))
        ->setText(QStringLiteral("jana@example.com"));
    page.findChild<QLineEdit*>(QStringLiteral("outputDirEdit"))->setText(m_dir.path());
    page.findChild<QCheckBox*>(QStringLiteral("consentCheck"))->setChecked(true);
    QVERIFY(page.isComplete()); // encryption is optional
    auto* box = page.findChild<QGroupBox*>(QStringLiteral("encryptBox"));
    auto* password = page.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* confirm = page.findChild<QLineEdit*>(QStringLiteral("passwordConfirmEdit"));
    auto* problem = page.findChild<QLabel*>(QStringLiteral("passwordProblem"));
    QVERIFY(box && password && confirm && problem);
    QVERIFY(!box->isChecked());
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(confirm->echoMode(), QLineEdit::Password);

    QSignalSpy completeChanged(&page, &QWizardPage::completeChanged);
    box->setChecked(true);
    QVERIFY(!page.isComplete());
    QVERIFY(problem->text().contains(QStringLiteral("at least 8 characters")));
    password->setText(QStringLiteral("sesame-open"));
    confirm->setText(QStringLiteral("sesame-opem"));
    QVERIFY(!page.isComplete());
    QVERIFY(problem->text().contains(QStringLiteral("differ")));
    confirm->setText(QStringLiteral("sesame-open"));
    QVERIFY(page.isComplete());
    QVERIFY(problem->text().isEmpty());
    QVERIFY(completeChanged.count() >= 3);
    QVERIFY(page.validatePage());
    QVERIFY(controller.encryptsBundle());
    QCOMPARE(controller.request().password.view(), QByteArrayView("sesame-open"));
    QCOMPARE(controller.request().consent.email, QStringLiteral("jana@example.com"));

    box->setChecked(false); // changed their mind: no encryption, whatever the fields hold
    QVERIFY(page.isComplete());
    QVERIFY(page.validatePage());
    QVERIFY(!controller.encryptsBundle());
}

void TestEncryptionUi::wizardBuildsAnEncryptedBundle() {
    ui::WizardController controller;
    controller.chooseSourcePath(m_sample.homeDir);
    auto& r = controller.request();
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    r.threadDumps = 0;
    r.outputPath = m_dir.filePath(QStringLiteral("wizard"));
    QVERIFY(QDir().mkpath(r.outputPath));
    r.consent.name = QStringLiteral("Jana Admin");
    r.consent.email = QStringLiteral("jana@example.com");
    QByteArray pw = "wizard-password";
    controller.setBundlePassword(core::Secret::take(pw));
    QSignalSpy finished(&controller, &ui::WizardController::buildFinished);
    QSignalSpy failed(&controller, &ui::WizardController::buildFailed);
    controller.startBuild();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 60000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const auto* summary = controller.summary();
    QVERIFY(summary->manifest.encrypted);
    auto locked = core::bundle::BundleReader::open(summary->bundlePath, core::Secret());
    QCOMPARE(locked.error().code, core::ErrorCode::PasswordRequired);
    QByteArray again = "wizard-password";
    auto opened = core::bundle::BundleReader::open(summary->bundlePath, core::Secret::take(again));
    QVERIFY(opened);
    QVERIFY((*opened)->isEncrypted());
}

QTEST_MAIN(TestEncryptionUi)
#include "tst_encryptionui.moc"
