// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "wizard/collectwizard.h"
#include "wizard/wizardcontroller.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUrl>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void hostsTheWizardAndListsInstallations();
    void emptyListExplainsWhatToDo();
    void droppedFolderBecomesTheSource();
    void recordsMenuOpensUnmaskAndLedger();
};

void TestMainWindow::hostsTheWizardAndListsInstallations() {
    ui::MainWindow window(QStringLiteral("/tmp/supportzip-test.log"));
    QSignalSpy detected(window.controller(), &ui::WizardController::installationsFound);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.centralWidget(), window.wizard());
    QCOMPARE(window.wizard()->currentId(), int(ui::CollectWizard::Source));
    // Discovery of this machine runs in the background; wait for it, then show our own list.
    QTRY_COMPARE(detected.count(), 1);
    core::discovery::Installation jira;
    jira.product = core::discovery::Product::Jira;
    jira.productName = QStringLiteral("Jira Software");
    jira.version = QStringLiteral("9.12.2");
    jira.installDir = QStringLiteral("/opt/atlassian/jira");
    jira.homeDir = QStringLiteral("/var/atlassian/application-data/jira");
    jira.dataCenter = true;
    jira.pid = 4242;
    Q_EMIT window.controller()->installationsFound({jira});
    auto* list = window.findChild<QTreeWidget*>(QStringLiteral("installationList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Jira Software (Data Center)"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("9.12.2"));
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("running"));
    auto* status = window.findChild<QLabel*>(QStringLiteral("sourceStatus"));
    QVERIFY(status->text().contains(QStringLiteral("1 installation")));
    // Nothing chosen yet: Next is disabled; choosing the row enables it.
    QVERIFY(!window.wizard()->button(QWizard::NextButton)->isEnabled());
    list->setCurrentItem(list->topLevelItem(0));
    QCOMPARE(window.controller()->request().installDir, jira.installDir);
    QVERIFY(window.wizard()->button(QWizard::NextButton)->isEnabled());
    auto* openLog = window.findChild<QAction*>(QStringLiteral("openLogAction"));
    QVERIFY(openLog && openLog->isEnabled());
}

void TestMainWindow::emptyListExplainsWhatToDo() {
    ui::MainWindow window{QString()};
    QSignalSpy detected(window.controller(), &ui::WizardController::installationsFound);
    QTRY_COMPARE(detected.count(), 1);
    Q_EMIT window.controller()->installationsFound({});
    auto* status = window.findChild<QLabel*>(QStringLiteral("sourceStatus"));
    QVERIFY(status->text().contains(QStringLiteral("Open a support zip")));
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("openLogAction"))->isEnabled());
}

void TestMainWindow::droppedFolderBecomesTheSource() {
    ui::MainWindow window{QString()};
    QTemporaryDir logs;
    auto* page = window.wizard()->page(ui::CollectWizard::Source);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(logs.path())});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &drop);
    QCOMPARE(window.controller()->request().sourcePath, logs.path());
    QVERIFY(
        window.findChild<QLabel*>(QStringLiteral("chosenSource"))->text().contains(logs.path()));
    QVERIFY(page->isComplete());
}

void TestMainWindow::recordsMenuOpensUnmaskAndLedger() {
    ui::MainWindow window(QString{});
    const auto openCount = [](const char* className) {
        int n = 0;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            n += (w->isVisible() && w->inherits(className)) ? 1 : 0;
        }
        return n;
    };
    window.findChild<QAction*>(QStringLiteral("unmaskAction"))->trigger();
    QCOMPARE(openCount("supportzip::ui::UnmaskWindow"), 1);
    window.findChild<QAction*>(QStringLiteral("ledgerAction"))->trigger();
    QCOMPARE(openCount("supportzip::ui::LedgerWindow"), 1);
    QVERIFY(window.findChild<QAction*>(QStringLiteral("openBundleAction")) != nullptr);
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w != &window && w->isVisible()) {
            w->close(); // deleted on close
        }
    }
    QTRY_COMPARE(openCount("supportzip::ui::LedgerWindow"), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
