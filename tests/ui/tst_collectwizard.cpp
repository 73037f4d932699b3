// SPDX-License-Identifier: GPL-3.0-or-later
// The whole wizard, driven through its widgets on the generated sample installation: source,
// contents (a category unticked), scrubbing (a custom term), preview (stepping through
// findings, scrubbing a value everywhere), consent refused then given, a cancelled build that
// leaves nothing, a build whose manifest holds exactly the preview's counts.
#include "send/senddialog.h"
#include "bundlecounts.h"
#include "discovery/discovery.h"
#include "mainwindow.h"
#include "samplegen.h"
#include "viewer/logview.h"
#include "wizard/collectwizard.h"
#include "wizard/wizardcontroller.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

using namespace supportzip;

class TestCollectWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wholeFlow();
    void termsArePersistedPerUser();
    void cancelledBuildLeavesNothing();

private:
    template <typename T> T* find(const char* name) {
        auto* w = m_window->findChild<T*>(QLatin1StringView(name));
        if (w == nullptr) {
            qWarning("no widget %s", name);
        }
        return w;
    }
    bool next() {
        QAbstractButton* button = m_window->wizard()->button(QWizard::NextButton);
        if (!button->isEnabled()) {
            return false;
        }
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    void chooseSource();
    void untickAccessLogs();
    void addCustomTerm();
    void stepThroughFindings();
    void refuseThenGiveConsent();
    void build();

    QTemporaryDir m_dir;
    QString m_out;
    fixtures::SampleInstallation m_sample;
    std::unique_ptr<ui::MainWindow> m_window;
    core::scrub::CategoryCounts m_previewTotals{};
};

void TestCollectWizard::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    QSettings().clear();
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
    m_out = m_dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(m_out));
}

void TestCollectWizard::wholeFlow() {
    m_window = std::make_unique<ui::MainWindow>(QString());
    // Before any event runs: this machine's discovery reports through the event loop.
    QSignalSpy detected(m_window->controller(), &ui::WizardController::installationsFound);
    m_window->controller()->request().vaultDir = m_dir.filePath(QStringLiteral("vault"));
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(detected.count(), 1);
    for (auto step : {&TestCollectWizard::chooseSource, &TestCollectWizard::untickAccessLogs,
                      &TestCollectWizard::addCustomTerm, &TestCollectWizard::stepThroughFindings,
                      &TestCollectWizard::refuseThenGiveConsent, &TestCollectWizard::build}) {
        (this->*step)();
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

void TestCollectWizard::chooseSource() {
    auto inst = core::discovery::describeInstallation(m_sample.installDir, m_sample.homeDir);
    QVERIFY(inst);
    Q_EMIT m_window->controller()->installationsFound({*inst});
    QVERIFY(!m_window->wizard()->button(QWizard::NextButton)->isEnabled());
    auto* list = find<QTreeWidget>("installationList");
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY(find<QLabel>("chosenSource")->text().contains(QStringLiteral("9.12.2")));
    QVERIFY(next());
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Contents));
}

void TestCollectWizard::untickAccessLogs() {
    auto* tree = find<QTreeWidget>("contentsTree");
    QTRY_VERIFY(tree->topLevelItemCount() > 3);
    QVERIFY(find<QTreeWidget>("leftOutList")->topLevelItemCount() > 0);
    const QString before = find<QLabel>("contentsTotals")->text();
    const auto items = tree->findItems(QStringLiteral("tomcat-access-logs"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    const int accessFiles = items.first()->childCount();
    QVERIFY(accessFiles > 0);
    const int filesBefore = m_window->controller()->includedFileCount();
    items.first()->setCheckState(0, Qt::Unchecked);
    QCOMPARE(m_window->controller()->includedFileCount(), filesBefore - accessFiles);
    QVERIFY(find<QLabel>("contentsTotals")->text() != before); // totals follow at once
    QVERIFY(m_window->controller()->request().collection.excludeCategories.contains(
        QStringLiteral("tomcat-access-logs")));
    QVERIFY(next());
}

void TestCollectWizard::addCustomTerm() {
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Scrubbing));
    auto* testLine = find<QLineEdit>("testLineEdit");
    auto* result = find<QLabel>("testLineResult");
    QTest::keyClicks(testLine, QStringLiteral("scheduler Caesium for jana.novak@example.com"));
    QVERIFY(result->text().contains(QStringLiteral("Caesium")));
    QVERIFY(!result->text().contains(QStringLiteral("jana.novak")));
    find<QPlainTextEdit>("termsEdit")->setPlainText(QStringLiteral("Caesium\n"));
    QCOMPARE(m_window->controller()->request().terms, QStringList{QStringLiteral("Caesium")});
    QVERIFY(!result->text().contains(QStringLiteral("Caesium"))); // the test line follows
    QVERIFY(next());
}

void TestCollectWizard::stepThroughFindings() {
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Preview));
    auto* controller = m_window->controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller->preview() != nullptr, 60000);
    QVERIFY(controller->lastJobThread() != QThread::currentThread());
    auto* files = find<QTreeWidget>("previewFiles");
    QCOMPARE(files->topLevelItemCount(), controller->preview()->files.size());
    QVERIFY(files->findItems(QStringLiteral("tomcat-access-logs"), Qt::MatchStartsWith).isEmpty());
    const auto custom = static_cast<std::size_t>(core::scrub::Category::Custom);
    const qint64 customBefore = controller->preview()->totals[custom];
    QVERIFY(customBefore > 0);
    // The main application log: its lines appear in both views; step to findings.
    const auto logs =
        files->findItems(QStringLiteral("application-logs/atlassian-jira.log"), Qt::MatchExactly);
    QCOMPARE(logs.size(), 1);
    files->setCurrentItem(logs.first());
    auto* sanitized = find<ui::LogView>("sanitizedView");
    auto* original = find<ui::LogView>("originalView");
    QTRY_VERIFY(sanitized->model()->rowCount() > 10);
    QCOMPARE(original->model()->rowCount(), sanitized->model()->rowCount());
    QTest::mouseClick(find<QPushButton>("nextFinding"), Qt::LeftButton);
    QTRY_VERIFY(sanitized->currentLine() >= 0);
    const int first = sanitized->currentLine();
    QVERIFY(!sanitized->logModel()->lineHighlights(first).isEmpty());
    QCOMPARE(original->currentLine(), first); // the sides stay on the same line
    QTest::mouseClick(find<QPushButton>("nextFinding"), Qt::LeftButton);
    QTRY_VERIFY(sanitized->currentLine() > first);
    QVERIFY(!sanitized->logModel()->lineHighlights(sanitized->currentLine()).isEmpty());
    QTest::mouseClick(find<QPushButton>("previousFinding"), Qt::LeftButton);
    QTRY_COMPARE(sanitized->currentLine(), first);
    // "Scrub everywhere" adds a term and runs the preview again.
    QSignalSpy ready(controller, &ui::WizardController::previewReady);
    find<QLineEdit>("previewValue")->setText(QStringLiteral("Dashboard"));
    QTest::mouseClick(find<QPushButton>("scrubEverywhere"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QVERIFY(controller->request().terms.contains(QStringLiteral("Dashboard")));
    QVERIFY(controller->preview()->totals[custom] > customBefore);
    m_previewTotals = controller->preview()->totals;
    QVERIFY(find<QLabel>("previewStatus")->text().contains(QStringLiteral("Findings")));
    QVERIFY(next());
}

void TestCollectWizard::refuseThenGiveConsent() {
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Consent));
    QVERIFY(find<QLabel>("consentNumbers")->text().contains(QStringLiteral("Leaves this machine")));
    find<QLineEdit>("outputDirEdit")->setText(m_out);
    find<QLineEdit>("recipientEdit")->setText(QStringLiteral("Example Vendor Support"));
    find<QLineEdit>("ticketEdit")->setText(QStringLiteral("SUP-123"));
    QVERIFY(find<QLabel>("consentStatement")->text().contains(QStringLiteral("Example Vendor")));
    QVERIFY(!next()); // no name, no e-mail, no tick
    find<QLineEdit>("nameEdit")->setText(QStringLiteral("Jana Admin"));
    find<QLineEdit>("emailEdit")->setText(QStringLiteral("not an address"));
    find<QCheckBox>("consentCheck")->setChecked(true);
    QVERIFY(!next()); // the e-mail is not valid
    find<QLineEdit>("emailEdit")->setText(QStringLiteral("jana@example.com"));
    find<QCheckBox>("consentCheck")->setChecked(false);
    QVERIFY(!next()); // not ticked
    QCOMPARE(QDir(m_out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList()); // nothing written before consent
    find<QCheckBox>("consentCheck")->setChecked(true);
}

void TestCollectWizard::build() {
    auto* controller = m_window->controller();
    QVERIFY(next());
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Build));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->wizard()->currentId(), int(ui::CollectWizard::Done), 60000);
    QVERIFY(controller->lastJobThread() != QThread::currentThread());
    const auto* summary = controller->summary();
    QVERIFY(summary != nullptr);
    QVERIFY(find<QLabel>("doneDetails")->text().contains(summary->bundleSha256));
    QVERIFY(find<QLabel>("doneDetails")->text().contains(QStringLiteral("supportzip unmask")));
    QVERIFY(find<QLabel>("doneDetails")->text().contains(summary->ledgerPath));
    core::scrub::CategoryCounts inBundle{};
    QVERIFY(testing::manifestFindings(summary->bundlePath, &inBundle));
    QCOMPARE(inBundle, m_previewTotals);
    QCOMPARE(summary->manifest.consent.email, QStringLiteral("jana@example.com"));
    QCOMPARE(summary->manifest.consent.recipient, QStringLiteral("Example Vendor Support"));
    QCOMPARE(QDir(m_out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QFileInfo(summary->bundlePath).fileName()});
    // "Send to ticket…" opens the send dialog for this bundle with the consent's ticket filled
    // in; nothing is sent until the admin gives the portal and token and presses Send.
    find<QPushButton>("sendToTicket")->click();
    auto* send = m_window->findChild<ui::SendDialog*>(QStringLiteral("sendDialog"));
    QVERIFY(send != nullptr);
    QVERIFY(send->isVisible());
    QVERIFY(send->windowTitle().contains(QFileInfo(summary->bundlePath).fileName()));
    const QList<QLineEdit*> fields = send->findChildren<QLineEdit*>();
    QVERIFY(std::any_of(fields.cbegin(), fields.cend(),
                        [](const QLineEdit* e) { return e->text() == QStringLiteral("SUP-123"); }));
    QVERIFY(!send->isSending());
    send->close();
}

void TestCollectWizard::cancelledBuildLeavesNothing() {
    // A big installation given on the command line; the build is cancelled from its page's
    // Cancel button at its first progress report, while it is still learning.
    fixtures::SampleOptions big;
    big.mainLogBytes = 32 * 1024 * 1024;
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("big")), big);
    QVERIFY(sample);
    m_window = std::make_unique<ui::MainWindow>(QString(), sample->installDir);
    auto* controller = m_window->controller();
    QCOMPARE(controller->request().homeDir, sample->homeDir); // found from the install folder
    controller->request().vaultDir = m_dir.filePath(QStringLiteral("vault"));
    m_window->show();
    QVERIFY(next());
    QTRY_VERIFY_WITH_TIMEOUT(controller->plan() != nullptr, 30000);
    QVERIFY(next());
    QVERIFY(next());
    QTRY_VERIFY_WITH_TIMEOUT(controller->preview() != nullptr, 120000);
    QVERIFY(next());
    const QString out = m_dir.filePath(QStringLiteral("cancelled"));
    QVERIFY(QDir().mkpath(out));
    find<QLineEdit>("outputDirEdit")->setText(out);
    find<QLineEdit>("nameEdit")->setText(QStringLiteral("Jana Admin"));
    find<QLineEdit>("emailEdit")->setText(QStringLiteral("jana@example.com"));
    find<QCheckBox>("consentCheck")->setChecked(true);
    auto* cancel = find<QPushButton>("buildCancel");
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(controller, &ui::WizardController::buildProgress, cancel, [cancel, once] {
        QObject::disconnect(*once);
        cancel->click();
    });
    QSignalSpy failed(controller, &ui::WizardController::buildFailed);
    QVERIFY(next());
    QCOMPARE(m_window->wizard()->currentId(), int(ui::CollectWizard::Build));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QCOMPARE(failed.first().at(1).toBool(), true);
    QVERIFY(find<QLabel>("buildStage")->text().contains(QStringLiteral("Nothing was written")));
    QVERIFY(controller->summary() == nullptr);
    QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
    QVERIFY(!m_window->wizard()->button(QWizard::NextButton)->isEnabled());
}

void TestCollectWizard::termsArePersistedPerUser() {
    // Terms are remembered as they change, also the one added from the preview page.
    QCOMPARE(QSettings().value(QStringLiteral("wizard/terms")).toStringList(),
             (QStringList{QStringLiteral("Caesium"), QStringLiteral("Dashboard")}));
    QCOMPARE(QSettings().value(QStringLiteral("wizard/outputDir")).toString(), m_out);
    // A new window offers them again.
    ui::MainWindow again{QString()};
    again.wizard()->page(ui::CollectWizard::Scrubbing)->initializePage();
    QCOMPARE(again.controller()->request().terms,
             (QStringList{QStringLiteral("Caesium"), QStringLiteral("Dashboard")}));
    QVERIFY(QSettings().fileName().contains(QStringLiteral("qttest")));
}

QTEST_MAIN(TestCollectWizard)
#include "tst_collectwizard.moc"
