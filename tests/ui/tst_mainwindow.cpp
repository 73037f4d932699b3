// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsInstallationsAndStatus();
    void emptyListExplainsWhatToDo();
};

void TestMainWindow::showsInstallationsAndStatus() {
    ui::MainWindow window(QStringLiteral("/tmp/supportzip-test.log"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    core::discovery::Installation jira;
    jira.product = core::discovery::Product::Jira;
    jira.productName = QStringLiteral("Jira Software");
    jira.version = QStringLiteral("9.12.2");
    jira.installDir = QStringLiteral("/opt/atlassian/jira");
    jira.homeDir = QStringLiteral("/var/atlassian/application-data/jira");
    jira.dataCenter = true;
    // Discovery of this machine runs in the background; wait for it, then show our own list.
    auto* status = window.findChild<QLabel*>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QTRY_VERIFY(!status->text().startsWith(QStringLiteral("Looking")));
    window.setInstallations({jira});
    auto* list = window.findChild<QTreeWidget*>(QStringLiteral("installationList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Jira Software (Data Center)"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("9.12.2"));
    QVERIFY(status->text().contains(QStringLiteral("1 installation")));
    auto* openLog = window.findChild<QAction*>(QStringLiteral("openLogAction"));
    QVERIFY(openLog && openLog->isEnabled());
}

void TestMainWindow::emptyListExplainsWhatToDo() {
    ui::MainWindow window{QString()};
    auto* status = window.findChild<QLabel*>(QStringLiteral("statusLabel"));
    QTRY_VERIFY(!status->text().startsWith(QStringLiteral("Looking")));
    window.setInstallations({});
    QVERIFY(status->text().contains(QStringLiteral("--install")));
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("openLogAction"))->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
