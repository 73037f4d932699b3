// SPDX-License-Identifier: GPL-3.0-or-later
// The Preview page over a folder of logs: a gzip-rotated log is shown side by side like a plain
// one (from a private decompressed copy that is gone when the preview ends), and text selected
// with the mouse in the original pane is scrubbed or kept everywhere, re-running the preview.
#include "viewer/inflatedlog.h"
#include "viewer/loglinedelegate.h"
#include "viewer/logview.h"
#include "wizard/previewpage.h"
#include "wizard/wizardcontroller.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <zlib.h>

#include <memory>

using namespace supportzip;
using namespace Qt::StringLiterals;

class TestPreviewPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void gzipLogIsShownSideBySideAndItsCopyRemoved();
    void selectedTextIsScrubbedEverywhere();
    void selectedTextIsKeptEverywhere();
    void pemBlockReadsAsInTheBundle();

private:
    QTreeWidgetItem* fileItem(const QString& sourceSuffix) const;
    void showFile(const QString& sourceSuffix, int lines);
    void dragSelect(ui::LogView* view, int row, const QString& value);
    ui::LogView* view(const char* name) const {
        return m_page->findChild<ui::LogView*>(QLatin1StringView(name));
    }

    static constexpr int kGzipLines = 20'000; // more lines than the viewer's cache holds
    static constexpr int kPlainLines = 300;
    QTemporaryDir m_dir;
    QString m_logs;
    QList<QByteArray> m_gzipText;
    std::unique_ptr<ui::WizardController> m_controller;
    std::unique_ptr<ui::PreviewPage> m_page;
};

namespace {

QByteArray logLine(int i) {
    return "2026-11-18 08:00:" + QByteArray::number(10 + i % 50) + ",000+0000 http-nio-8080-exec-" +
           QByteArray::number(i % 20) +
           " url: /secure/Dashboard.jspa; user: jnovak INFO jnovak 480x" + QByteArray::number(i) +
           "x1 10.20.30." + QByteArray::number(1 + i % 200) + " [c.a.jira.scheduler.Caesium] job " +
           QByteArray::number(i) + " mailed jana.novak@acme-corp.com via smtp.acme-corp.com";
}

} // namespace

void TestPreviewPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_logs = m_dir.filePath(u"logs"_s);
    QVERIFY(QDir().mkpath(m_logs));
    QFile plain(m_logs + u"/atlassian-jira.log"_s);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    for (int i = 0; i < kPlainLines; ++i) {
        plain.write(logLine(i) + '\n');
    }
    plain.close();
    QFile security(m_logs + u"/atlassian-jira-security.log"_s);
    QVERIFY(security.open(QIODevice::WriteOnly));
    security.write("2026-11-18 08:00:00,000+0000 main INFO [c.a.jira.startup] key below\n"
                   "-----BEGIN RSA PRIVATE KEY-----\n"
                   "MIIEowIBAAKCAQEAvery+secret+key+material+0123456789abcdef\n"
                   "c2Vjb25kK2xpbmUrb2Yra2V5K21hdGVyaWFs\n"
                   "-----END RSA PRIVATE KEY-----\n"
                   "2026-11-18 08:00:01,000+0000 main INFO [c.a.jira.startup] done\n");
    security.close();
    const QString gz = m_logs + u"/atlassian-jira.log.1.gz"_s;
    gzFile f = gzopen(QFile::encodeName(gz).constData(), "wb");
    QVERIFY(f != nullptr);
    for (int i = 0; i < kGzipLines; ++i) {
        m_gzipText << logLine(100'000 + i);
        const QByteArray line = m_gzipText.last() + '\n';
        QCOMPARE(gzwrite(f, line.constData(), static_cast<unsigned>(line.size())),
                 static_cast<int>(line.size()));
    }
    QCOMPARE(gzclose(f), Z_OK);
}

void TestPreviewPage::init() {
    m_controller = std::make_unique<ui::WizardController>();
    m_controller->request().vaultDir = m_dir.filePath(u"vault"_s);
    m_page = std::make_unique<ui::PreviewPage>(m_controller.get());
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_controller->chooseSourcePath(m_logs);
    QSignalSpy ready(m_controller.get(), &ui::WizardController::previewReady);
    m_page->initializePage(); // what the wizard does on arrival: starts the dry run
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
}

void TestPreviewPage::cleanup() {
    m_page.reset();
    m_controller.reset();
}

QTreeWidgetItem* TestPreviewPage::fileItem(const QString& sourceSuffix) const {
    auto* files = m_page->findChild<QTreeWidget*>(u"previewFiles"_s);
    for (int i = 0; i < files->topLevelItemCount(); ++i) {
        if (files->topLevelItem(i)->toolTip(0).endsWith(sourceSuffix)) {
            return files->topLevelItem(i);
        }
    }
    return nullptr;
}

void TestPreviewPage::showFile(const QString& sourceSuffix, int lines) {
    QTreeWidgetItem* item = fileItem(sourceSuffix);
    QVERIFY(item != nullptr);
    m_page->findChild<QTreeWidget*>(u"previewFiles"_s)->setCurrentItem(item);
    const auto* note = m_page->findChild<QLabel*>(u"viewerNote"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(view("originalView")->model()->rowCount() == lines,
                              qPrintable(note->text()), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(view("sanitizedView")->model()->rowCount(), lines, 20'000);
}

void TestPreviewPage::gzipLogIsShownSideBySideAndItsCopyRemoved() {
    auto* inflated = m_page->findChild<ui::InflatedLog*>();
    QVERIFY(inflated != nullptr);
    showFile(u"/atlassian-jira.log.1.gz"_s, kGzipLines);
    const QString scratch = inflated->scratchDir();
    QVERIFY(QFileInfo(scratch).isDir());
    QVERIFY(!scratch.startsWith(m_logs)); // never next to the customer's logs
    QCOMPARE(QFileInfo(scratch).permissions() &
                 ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                   QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             QFileDevice::Permissions());
    const auto* original = view("originalView")->logModel();
    const auto* sanitized = view("sanitizedView")->logModel();
    const auto* session = m_controller->preview()->session.get();
    for (const int row : {0, 1, 4'321, kGzipLines - 1}) {
        const QByteArray& raw = m_gzipText[row];
        QCOMPARE(original->lineText(row), QString::fromUtf8(raw));
        const QString scrubbed = sanitized->lineText(row);
        QCOMPARE(scrubbed, QString::fromStdString(
                               session->scrubLine(std::string_view(raw.data(), raw.size())).text));
        QVERIFY2(!scrubbed.contains(u"jnovak"_s) && !scrubbed.contains(u"jana.novak"_s) &&
                     !scrubbed.contains(u"10.20.30."_s),
                 qPrintable(scrubbed));
        QVERIFY(!sanitized->lineHighlights(row).isEmpty());
    }
    // Lines are read on demand: the whole log is never held.
    QVERIFY(original->cachedBlockCount() <= ui::LogFileModel::kCachedBlocks);
    QVERIFY(m_page->findChild<QLabel*>(u"viewerNote"_s)->text().contains(u"decompressed"_s));
    // A re-run of the preview (a setting changed) keeps the same copy and the same place.
    view("originalView")->goToLine(4'321);
    QSignalSpy ready(m_controller.get(), &ui::WizardController::previewReady);
    m_controller->addTerm(u"ServiceRunnerNotInTheseLogs"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
    QCOMPARE(inflated->scratchDir(), scratch);
    QCOMPARE(view("originalView")->model()->rowCount(), kGzipLines);
    QCOMPARE(view("originalView")->currentLine(), 4'321);
    // Another (plain) file: the copy goes at once. Back to the .gz, then leave the page.
    showFile(u"/atlassian-jira.log"_s, kPlainLines);
    QVERIFY(!QFileInfo::exists(scratch));
    QVERIFY(inflated->scratchDir().isEmpty());
    showFile(u"/atlassian-jira.log.1.gz"_s, kGzipLines);
    const QString again = inflated->scratchDir();
    QVERIFY(QFileInfo(again).isDir());
    m_page->cleanupPage(); // Back: the preview is over
    QVERIFY(!QFileInfo::exists(again));
    QCOMPARE(view("originalView")->model()->rowCount(), 0);
    // Forward again (Next from the Scrubbing page, nothing changed): the same log is shown again;
    // closing the wizard (the page goes) removes its copy too.
    m_page->initializePage();
    QTRY_COMPARE_WITH_TIMEOUT(view("originalView")->model()->rowCount(), kGzipLines, 20'000);
    const QString last = inflated->scratchDir();
    QVERIFY(QFileInfo(last).isDir());
    m_page.reset();
    QVERIFY(!QFileInfo::exists(last));
}

// Presses on the first character of `value` in `row` and drags to just after its last one.
void TestPreviewPage::dragSelect(ui::LogView* v, int row, const QString& value) {
    v->goToLine(row);
    const QString text = v->logModel()->lineText(row);
    const qsizetype at = text.indexOf(value);
    QVERIFY(at >= 0);
    const QFontMetrics metrics(v->font());
    // Scroll the value into sight: a log line is wider than the pane. The view lays itself out
    // (and extends its scroll range) from an event, so scroll and measure until it is in sight.
    QPoint from;
    QPoint to;
    const auto inSight = [&] {
        v->horizontalScrollBar()->setValue(metrics.horizontalAdvance(text.left(at)));
        const QRect rect = v->visualRect(v->model()->index(row, 0));
        const int x0 =
            rect.left() + ui::LogLineDelegate::textStart(metrics, v->model()->rowCount());
        const auto xOf = [&](qsizetype column) {
            return x0 + metrics.horizontalAdvance(text.left(column)) + 1;
        };
        from = QPoint(xOf(at), rect.center().y());
        to = QPoint(xOf(at + value.size()), rect.center().y());
        return v->viewport()->rect().contains(from) && v->viewport()->rect().contains(to);
    };
    QTRY_VERIFY(inSight());
    QTest::mousePress(v->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(v->viewport(), to);
    QTest::mouseRelease(v->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(v->selectedText(), value);
}

void TestPreviewPage::selectedTextIsScrubbedEverywhere() {
    showFile(u"/atlassian-jira.log"_s, kPlainLines);
    auto* original = view("originalView");
    auto* sanitized = view("sanitizedView");
    const int row = 42;
    const QString value = u"Caesium"_s; // a class name: no rule scrubs it by itself
    QVERIFY(sanitized->logModel()->lineText(row).contains(value));
    const auto custom = static_cast<std::size_t>(core::scrub::Category::Custom);
    const qint64 customBefore = m_controller->preview()->totals[custom];
    dragSelect(original, row, value);
    QCOMPARE(m_page->findChild<QLineEdit*>(u"previewValue"_s)->text(), value);
    // The context menu offers it; its action feeds the controller's "scrub everywhere".
    auto* scrub = m_page->findChild<QAction*>(u"scrubSelectionAction"_s);
    std::unique_ptr<QMenu> menu(original->createContextMenu(nullptr));
    QVERIFY(menu->actions().contains(scrub));
    QVERIFY(scrub->isEnabled());
    QSignalSpy ready(m_controller.get(), &ui::WizardController::previewReady);
    scrub->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
    QCOMPARE(m_controller->request().terms, QStringList{value});
    QVERIFY(m_controller->request().keep.isEmpty());
    // Every line of both files holds it once: counted, and gone from the sanitized side only.
    QCOMPARE(m_controller->preview()->totals[custom], customBefore + kPlainLines + kGzipLines);
    QTRY_VERIFY(!sanitized->logModel()->lineText(row).contains(value));
    QVERIFY(original->logModel()->lineText(row).contains(value));
    QCOMPARE(original->currentLine(), row); // the same file stays shown where it was
    QVERIFY(!sanitized->logModel()->lineText(kPlainLines - 1).contains(value));
}

void TestPreviewPage::selectedTextIsKeptEverywhere() {
    showFile(u"/atlassian-jira.log"_s, kPlainLines);
    auto* original = view("originalView");
    auto* sanitized = view("sanitizedView");
    const int row = 7;
    const QString user = u"jnovak"_s; // learned from the user: field, pseudonymized everywhere
    QVERIFY2(!sanitized->logModel()->lineText(row).contains(user),
             qPrintable(sanitized->logModel()->lineText(row)));
    const auto person = static_cast<std::size_t>(core::scrub::Category::Person);
    const qint64 personBefore = m_controller->preview()->totals[person];
    dragSelect(original, row, user);
    // The button acts on the value field, which the selection filled.
    QCOMPARE(m_page->findChild<QLineEdit*>(u"previewValue"_s)->text(), user);
    QSignalSpy ready(m_controller.get(), &ui::WizardController::previewReady);
    QTest::mouseClick(m_page->findChild<QPushButton*>(u"keepEverywhere"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
    QCOMPARE(m_controller->request().keep, QStringList{user});
    QVERIFY(m_controller->request().terms.isEmpty());
    QTRY_VERIFY2(sanitized->logModel()->lineText(row).contains(u"user: jnovak INFO jnovak"_s),
                 qPrintable(sanitized->logModel()->lineText(row)));
    QVERIFY(m_controller->preview()->totals[person] < personBefore);
    // What is not kept stays scrubbed.
    QVERIFY(!sanitized->logModel()->lineText(row).contains(u"jana.novak"_s));
}

// The sanitized side scrubs line by line, yet a PEM block reads as the bundle has it: one
// marker where it starts, its other lines left out (empty there, marked on the original side).
void TestPreviewPage::pemBlockReadsAsInTheBundle() {
    showFile(u"/atlassian-jira-security.log"_s, 6);
    const auto* original = view("originalView")->logModel();
    const auto* sanitized = view("sanitizedView")->logModel();
    QCOMPARE(sanitized->lineText(1), u"[REDACTED:pem-block]"_s);
    for (const int row : {2, 3, 4}) {
        QCOMPARE(sanitized->lineText(row), QString());
        QVERIFY(original->lineText(row).size() > 20);
        const auto marks = original->lineHighlights(row);
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().start, 0);
        QCOMPARE(marks.first().length, int(original->lineText(row).size()));
        QCOMPARE(marks.first().category, core::scrub::Category::Secret);
    }
    // Around it, lines are as they were.
    QVERIFY(sanitized->lineText(0).endsWith(u"key below"_s));
    QVERIFY(sanitized->lineText(5).endsWith(u"done"_s));
}

QTEST_MAIN(TestPreviewPage)
#include "tst_previewpage.moc"
