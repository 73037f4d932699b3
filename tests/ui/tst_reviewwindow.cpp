// SPDX-License-Identifier: GPL-3.0-or-later
// The review window over a real bundle: integrity in the header, search across files, following a
// pseudonym to every occurrence, level filter, summary, export; hostile and tampered bundles.
#include "reviewfixture.h"

#include "review/bundleheader.h"
#include "review/memberviewer.h"
#include "review/resultspanel.h"
#include "review/reviewwindow.h"
#include "review/rowsubsetmodel.h"
#include "review/summarypage.h"
#include "vault/vault.h"
#include "viewer/loglinedelegate.h"
#include "viewer/logview.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

namespace {

const QString kMainLog = QStringLiteral("application-logs/atlassian-jira.log");

bool isJoinChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '@';
}

// Whole-token occurrences, counted by hand: not inside a longer word, host name or address.
int bruteForceCount(const QByteArray& data, const QByteArray& token) {
    int n = 0;
    for (qsizetype at = data.indexOf(token); at >= 0; at = data.indexOf(token, at + 1)) {
        const char before = at > 0 ? data[at - 1] : ' ';
        const qsizetype end = at + token.size();
        const char after = end < data.size() ? data[end] : ' ';
        const char next = end + 1 < data.size() ? data[end + 1] : ' ';
        const bool joinedBefore = isJoinChar(before) || before == '.' || before == ':';
        const bool joinedAfter =
            isJoinChar(after) || ((after == '.' || after == ':') &&
                                  (std::isalnum(static_cast<unsigned char>(next)) || next == '_'));
        n += joinedBefore || joinedAfter ? 0 : 1;
    }
    return n;
}

} // namespace

class TestReviewWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void headerSaysIntactAndShowsConsent();
    void searchAcrossFilesGivesFileAndLine();
    void doubleClickFollowsAPseudonymToEveryOccurrence();
    void levelFilterShowsOnlyErrorEntries();
    void summaryGroupsErrorsAndFindsLongGcPauses();
    void exportWritesTheSelectedMembers();
    void hostileBundleIsRefusedWithTheReason();
    void tamperedMemberFailsInTheHeader();

private:
    QTemporaryDir m_dir;
    QString m_bundle;
    QList<QPair<QString, QByteArray>> m_members;
};

void TestReviewWindow::initTestCase() {
    m_bundle =
        reviewtest::collectSampleBundle(m_dir.path(), m_dir.filePath(QStringLiteral("vault")));
    QVERIFY(!m_bundle.isEmpty());
    m_members = reviewtest::readAllMembers(m_bundle);
    QVERIFY(m_members.size() > 10);
}

void TestReviewWindow::headerSaysIntactAndShowsConsent() {
    ui::ReviewWindow w;
    QSignalSpy checked(&w, &ui::ReviewWindow::integrityChecked);
    QVERIFY(w.openBundle(m_bundle));
    QVERIFY(checked.wait(30'000));
    QCOMPARE(checked.at(0).at(0).toBool(), true);
    QCOMPARE(w.header()->state(), ui::BundleHeader::State::Intact);
    QCOMPARE(w.header()->integrityText(),
             QStringLiteral("All %1 files match the manifest").arg(w.manifest().files.size()));
    const auto* details = w.findChild<QLabel*>(QStringLiteral("bundleDetails"));
    QVERIFY(details->text().startsWith(
        QStringLiteral("Jira Software 9.12.2 Data Center · node node-")));
    const auto* consent = w.findChild<QLabel*>(QStringLiteral("consentLabel"));
    QVERIFY(consent->text().contains(QStringLiteral("Test Admin <admin@example.com>")));
    QVERIFY(consent->text().contains(QStringLiteral("ticket SUPPORT-1")));
    // Every member is in the tree, with its findings.
    auto* tree = w.findChild<QTreeWidget*>(QStringLiteral("fileTree"));
    const auto found = tree->findItems(QStringLiteral("atlassian-jira.log"),
                                       Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    QVERIFY(found[0]->text(2).contains(QStringLiteral("person")));
}

void TestReviewWindow::searchAcrossFilesGivesFileAndLine() {
    ui::ReviewWindow w;
    QVERIFY(w.openBundle(m_bundle));
    QSignalSpy searched(&w, &ui::ReviewWindow::searchFinished);
    w.searchBundle(QStringLiteral("pause full"), false);
    QVERIFY(searched.wait(30'000));
    // Brute force: every line of every member that holds the text, case-insensitively.
    QList<QPair<QString, int>> expected;
    for (const auto& [name, data] : m_members) {
        const QList<QByteArray> lines = data.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (lines[i].toLower().contains("pause full")) {
                expected.append({name, i + 1});
            }
        }
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(searched.at(0).at(0).toInt(), expected.size());
    QTreeWidget* results = w.results()->tree();
    QCOMPARE(results->topLevelItemCount(), expected.size());
    QCOMPARE(results->topLevelItem(0)->text(0), expected[0].first);
    QCOMPARE(results->topLevelItem(0)->text(1).toInt(), expected[0].second);
    QVERIFY(expected[0].first.startsWith(QStringLiteral("tomcat-logs/atlassian-jira-gc-")));
    // A regex search, and an invalid one that says why.
    w.searchBundle(QStringLiteral("Pause Full \\(G1 [A-Z]\\w+ Pause\\)"), true);
    QVERIFY(searched.wait(30'000));
    QCOMPARE(searched.at(1).at(0).toInt(), expected.size());
    w.searchBundle(QStringLiteral("([unclosed"), true);
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("resultsTitle"))
                ->text()
                .contains(QStringLiteral("invalid regular expression")));
}

void TestReviewWindow::doubleClickFollowsAPseudonymToEveryOccurrence() {
    ui::ReviewWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openBundle(m_bundle));
    QSignalSpy opened(&w, &ui::ReviewWindow::memberOpened);
    w.openMember(kMainLog);
    QVERIFY(opened.wait(30'000));
    ui::LogFileModel* model = w.viewer()->model();
    QTRY_VERIFY(!model->isIndexing() && model->rowCount() > 100);
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 model);
    // The first user pseudonym of the main log, as the viewer shows and highlights it.
    static const QRegularExpression userPseudonym(QStringLiteral("user: (user-[0-9a-f]{6,})"));
    int row = 0;
    QString token;
    for (; row < model->rowCount() && token.isEmpty(); ++row) {
        token = userPseudonym.match(model->lineText(row)).captured(1);
    }
    --row;
    QVERIFY(!token.isEmpty());
    const QString text = model->lineText(row);
    const ui::Highlights highlights = model->lineHighlights(row);
    QVERIFY(std::any_of(highlights.begin(), highlights.end(), [&](const ui::Highlight& h) {
        return text.mid(h.start, h.length) == token && h.category == core::scrub::Category::Person;
    }));
    // Double-click it.
    ui::LogView* view = w.viewer()->logView();
    view->goToLine(row);
    // The view lays its rows out lazily: wait until the row is where it will be painted.
    QTRY_COMPARE(view->indexAt(view->visualRect(model->index(row)).center()).row(), row);
    const QRect rect = view->visualRect(model->index(row));
    const QFontMetrics metrics(view->font());
    const qsizetype col = text.indexOf(QStringLiteral("user: ")) + 8;
    const QPoint at(rect.left() + ui::LogLineDelegate::textStart(metrics, model->rowCount()) +
                        metrics.horizontalAdvance(text.left(col)) +
                        metrics.horizontalAdvance(u'x') / 2,
                    rect.center().y());
    QCOMPARE(view->tokenAt(at), token);
    QSignalSpy searched(&w, &ui::ReviewWindow::searchFinished);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(searched.wait(30'000));
    int expected = 0;
    for (const auto& [name, data] : m_members) {
        expected += bruteForceCount(data, token.toUtf8());
    }
    QVERIFY(expected > 1);
    QCOMPARE(searched.at(0).at(0).toInt(), expected);
    QTreeWidget* results = w.results()->tree();
    QCOMPARE(results->topLevelItemCount(), expected);
    // Activating a result in another file opens that file at that line.
    QTreeWidgetItem* other = nullptr;
    for (int i = 0; i < results->topLevelItemCount() && !other; ++i) {
        if (results->topLevelItem(i)->text(0) != kMainLog) {
            other = results->topLevelItem(i);
        }
    }
    QVERIFY(other);
    opened.clear();
    Q_EMIT results->itemActivated(other, 0);
    QTRY_COMPARE(w.viewer()->member(), other->text(0));
    QTRY_COMPARE(view->currentLine(), other->text(1).toInt() - 1);
    QVERIFY(model->lineText(view->currentLine()).contains(token));
}

void TestReviewWindow::levelFilterShowsOnlyErrorEntries() {
    ui::ReviewWindow w;
    QVERIFY(w.openBundle(m_bundle));
    QSignalSpy opened(&w, &ui::ReviewWindow::memberOpened);
    w.openMember(kMainLog);
    QVERIFY(opened.wait(30'000));
    QTRY_VERIFY(!w.viewer()->model()->isIndexing());
    const int all = w.viewer()->model()->rowCount();
    QSignalSpy filtered(w.viewer(), &ui::MemberViewer::filterFinished);
    core::review::RowFilter filter;
    filter.minLevel = core::review::LogLevel::Error;
    w.viewer()->applyFilter(filter);
    QVERIFY(filtered.wait(30'000));
    ui::RowSubsetModel* subset = w.viewer()->filteredModel();
    new QAbstractItemModelTester(subset, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 subset);
    const int shown = subset->rowCount();
    QVERIFY(shown > 0 && shown < all);
    QVERIFY(w.viewer()->isFiltered());
    static const QRegularExpression entryStart(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d "));
    bool sawContinuation = false;
    for (int i = 0; i < shown; ++i) {
        const QString line = subset->data(subset->index(i)).toString();
        if (entryStart.match(line).hasMatch()) {
            QVERIFY2(line.contains(QStringLiteral(" ERROR ")), qPrintable(line));
        } else {
            sawContinuation = true; // a stack trace stays with its ERROR entry
        }
    }
    QVERIFY(sawContinuation);
    // Lines outside the filter are untouched in the whole-file model.
    QCOMPARE(w.viewer()->model()->rowCount(), all);
    w.viewer()->clearFilter();
    QVERIFY(!w.viewer()->isFiltered());
}

void TestReviewWindow::summaryGroupsErrorsAndFindsLongGcPauses() {
    ui::ReviewWindow w;
    QSignalSpy ready(&w, &ui::ReviewWindow::summaryReady);
    QVERIFY(w.openBundle(m_bundle));
    QVERIFY(ready.wait(60'000));
    QTreeWidget* problems = w.summaryPage()->problems();
    const auto ise =
        problems->findItems(QStringLiteral("java.lang.IllegalStateException"), Qt::MatchExactly);
    QCOMPARE(ise.size(), 1);
    QVERIFY(ise[0]->text(2).toInt() >= 2);
    QVERIFY(ise[0]->text(3) <= ise[0]->text(4));
    auto* gc = w.findChild<QTreeWidget*>(QStringLiteral("gcPauseList"));
    QVERIFY(gc->topLevelItemCount() >= 1);
    QCOMPARE(gc->topLevelItem(0)->text(2), QStringLiteral("9512.77"));
    QVERIFY(gc->topLevelItem(0)->text(1).startsWith(QStringLiteral("Pause Full")));
    for (int i = 0; i < gc->topLevelItemCount(); ++i) {
        QVERIFY(gc->topLevelItem(i)->text(2).toDouble() >= ui::ReviewWindow::kGcThresholdMs);
    }
    auto* jvm = w.findChild<QListWidget*>(QStringLiteral("jvmArgumentList"));
    QCOMPARE(jvm->findItems(QStringLiteral("-Xmx8192m"), Qt::MatchExactly).size(), 1);
    auto* apps = w.findChild<QTreeWidget*>(QStringLiteral("appList"));
    QVERIFY(apps->topLevelItemCount() >= 1);
}

void TestReviewWindow::exportWritesTheSelectedMembers() {
    ui::ReviewWindow w;
    QVERIFY(w.openBundle(m_bundle));
    QTemporaryDir out;
    QSignalSpy exported(&w, &ui::ReviewWindow::exportFinished);
    const QStringList members{kMainLog, QStringLiteral("tomcat-config/server.xml")};
    w.exportMembers(members, out.path());
    QVERIFY(exported.wait(30'000));
    QCOMPARE(exported.at(0).at(0).toStringList().size(), 2);
    for (const auto& [name, data] : m_members) {
        QFile f(out.filePath(name));
        QCOMPARE(f.exists(), members.contains(name));
        if (members.contains(name)) {
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), data);
        }
    }
}

void TestReviewWindow::hostileBundleIsRefusedWithTheReason() {
    const QString path = m_dir.filePath(QStringLiteral("hostile.zip"));
    {
        int err = 0;
        zip_t* z = zip_open(path.toUtf8().constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        static const char manifest[] = "{}";
        static const char payload[] = "* * * * * root evil\n";
        zip_file_add(z, "manifest.json", zip_source_buffer(z, manifest, sizeof(manifest) - 1, 0),
                     ZIP_FL_ENC_RAW);
        zip_file_add(z, "../../etc/cron.d/evil",
                     zip_source_buffer(z, payload, sizeof(payload) - 1, 0), ZIP_FL_ENC_RAW);
        QCOMPARE(zip_close(z), 0);
    }
    ui::ReviewWindow w;
    w.show();
    QVERIFY(!w.openBundle(path));
    QCOMPARE(w.header()->state(), ui::BundleHeader::State::Refused);
    QVERIFY2(w.header()->integrityText().contains(QStringLiteral("traversal")),
             qPrintable(w.header()->integrityText()));
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("refusedMessage"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("hostile.zip cannot be opened")));
    QVERIFY(box->text().contains(QStringLiteral("traversal")));
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("reviewStatus"))
                ->text()
                .contains(QStringLiteral("traversal")));
    QCOMPARE(w.findChild<QTreeWidget*>(QStringLiteral("fileTree"))->topLevelItemCount(), 0);
    QVERIFY(w.bundlePath().isEmpty());
    box->close();
}

void TestReviewWindow::tamperedMemberFailsInTheHeader() {
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.zip"));
    QVERIFY(QFile::copy(m_bundle, tampered));
    {
        int err = 0;
        zip_t* z = zip_open(tampered.toUtf8().constData(), 0, &err);
        static const char replacement[] = "tampered\n";
        zip_source_t* src = zip_source_buffer(z, replacement, sizeof(replacement) - 1, 0);
        QVERIFY(zip_file_add(z, "tomcat-config/server.xml", src, ZIP_FL_OVERWRITE) >= 0);
        QCOMPARE(zip_close(z), 0);
    }
    ui::ReviewWindow w;
    QSignalSpy checked(&w, &ui::ReviewWindow::integrityChecked);
    QVERIFY(w.openBundle(tampered)); // it opens: the reader has nothing against it
    QVERIFY(checked.wait(30'000));
    QCOMPARE(checked.at(0).at(0).toBool(), false);
    QCOMPARE(w.header()->state(), ui::BundleHeader::State::Failed);
    QCOMPARE(w.header()->integrityText(),
             QStringLiteral("1 file does not match the manifest: tomcat-config/server.xml (its "
                            "SHA-256 does not match the manifest (changed after it was written))"));
}

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"
