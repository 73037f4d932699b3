// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger window: every bundle written is listed with its recipient and delete-by date (past
// dates marked overdue), and a data subject is found in exactly the bundle that held it, with
// the pseudonym and the files.
#include "ledgerwindow/ledgerwindow.h"
#include "reviewfixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

class TestLedgerWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEveryBundleAndMarksOverdueOnes();
    void findsTheBundleThatHeldASubject();
    void subjectNeverSentSaysSo();

private:
    QTemporaryDir m_dir;
    QString m_vault;
    QString m_withJana;
    QString m_withoutJana;
};

void TestLedgerWindow::initTestCase() {
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    m_withJana = reviewtest::collectSampleBundle(m_dir.path(), m_vault);
    QVERIFY(!m_withJana.isEmpty());
    // A second bundle from a folder that never mentions Jana, due for deletion long ago.
    const QString folder = m_dir.filePath(QStringLiteral("logs"));
    QVERIFY(QDir().mkpath(folder));
    QFile log(folder + QStringLiteral("/catalina.out"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("2026-11-18 08:00:00,000 INFO [main] org.apache.catalina.startup.Catalina.start "
              "Server startup in [12345] milliseconds\n");
    log.close();
    core::pipeline::CollectRequest r;
    r.sourcePath = folder;
    r.outputPath = m_dir.filePath(QStringLiteral("without-jana.zip"));
    r.vaultDir = m_vault;
    r.consent.name = QStringLiteral("Test Admin");
    r.consent.email = QStringLiteral("admin@example.com");
    r.consent.recipient = QStringLiteral("Other Vendor");
    r.consent.ticket = QStringLiteral("OTHER-2");
    r.consent.deleteBy = QDate(2026, 1, 31);
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    m_withoutJana = summary->bundlePath;
}

void TestLedgerWindow::listsEveryBundleAndMarksOverdueOnes() {
    ui::LedgerWindow w(m_vault, QDate(2026, 11, 23));
    QSignalSpy loaded(&w, &ui::LedgerWindow::loaded);
    QVERIFY(loaded.wait(30'000));
    QCOMPARE(loaded.at(0).at(0).toInt(), 2);
    QCOMPARE(loaded.at(0).at(1).toInt(), 1);
    QTreeWidget* list = w.bundleList();
    QCOMPARE(list->topLevelItemCount(), 2);
    int overdueRows = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = list->topLevelItem(i);
        if (item->text(1) == QStringLiteral("without-jana.zip")) {
            QCOMPARE(item->text(2), QStringLiteral("Other Vendor"));
            QCOMPARE(item->text(3), QStringLiteral("OTHER-2"));
            QVERIFY(item->text(4).startsWith(QStringLiteral("2026-01-31")));
            QVERIFY(item->text(4).contains(QStringLiteral("OVERDUE")));
            ++overdueRows;
        } else {
            QCOMPARE(item->text(1), QStringLiteral("bundle.zip"));
            QCOMPARE(item->text(3), QStringLiteral("SUPPORT-1"));
            QVERIFY(!item->text(4).contains(QStringLiteral("OVERDUE")));
            QVERIFY(item->text(5).contains(QStringLiteral("person")));
        }
    }
    QCOMPARE(overdueRows, 1);
    QVERIFY(w.statusText().contains(QStringLiteral("past the delete-by date")));
}

void TestLedgerWindow::findsTheBundleThatHeldASubject() {
    ui::LedgerWindow w(m_vault, QDate(2026, 11, 23));
    QSignalSpy searched(&w, &ui::LedgerWindow::subjectSearched);
    w.findSubject(QStringLiteral("jnovak"));
    QVERIFY(searched.wait(30'000));
    QCOMPARE(searched.at(0).at(0).toInt(), 1);
    QTreeWidget* results = w.subjectResults();
    QCOMPARE(results->topLevelItemCount(), 1);
    const QTreeWidgetItem* bundle = results->topLevelItem(0);
    QCOMPARE(bundle->text(0), QStringLiteral("bundle.zip"));
    QVERIFY(bundle->childCount() >= 1);
    const QTreeWidgetItem* pseudonym = bundle->child(0);
    QVERIFY2(pseudonym->text(0).startsWith(QStringLiteral("user-")),
             qPrintable(pseudonym->text(0)));
    QVERIFY(pseudonym->childCount() >= 1);
    // Every listed file of the bundle really holds that pseudonym.
    const QString token = pseudonym->text(0).section(u' ', 0, 0);
    const auto members = reviewtest::readAllMembers(m_withJana);
    for (int i = 0; i < pseudonym->childCount(); ++i) {
        const QString file = pseudonym->child(i)->text(0);
        const auto it = std::find_if(members.cbegin(), members.cend(),
                                     [&](const auto& m) { return m.first == file; });
        QVERIFY2(it != members.cend(), qPrintable(file));
        QVERIFY2(it->second.contains(token.toUtf8()), qPrintable(file));
    }
    // The window never shows the original in the results, only what was sent.
    for (int i = 0; i < bundle->childCount(); ++i) {
        QVERIFY(!bundle->child(i)->text(0).contains(QStringLiteral("jnovak")));
    }
}

void TestLedgerWindow::subjectNeverSentSaysSo() {
    ui::LedgerWindow w(m_vault, QDate(2026, 11, 23));
    QSignalSpy searched(&w, &ui::LedgerWindow::subjectSearched);
    w.findSubject(QStringLiteral("nobody.atall@example.org"));
    QVERIFY(searched.wait(30'000));
    QCOMPARE(searched.at(0).at(0).toInt(), 0);
    QCOMPARE(w.subjectResults()->topLevelItemCount(), 0);
    QVERIFY(w.statusText().startsWith(QStringLiteral("No bundle in the ledger held")));
}

QTEST_MAIN(TestLedgerWindow)
#include "tst_ledgerwindow.moc"
