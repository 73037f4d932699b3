// SPDX-License-Identifier: GPL-3.0-or-later
// The lazy log viewer: rows appear while the file is indexed, lines are read on demand with a
// bounded cache, the transform decides what is shown and highlighted, searches and highlight
// steps run off the GUI thread, a double-click activates the token under the pointer.
#include "viewer/logfilemodel.h"
#include "viewer/loglinedelegate.h"
#include "viewer/logview.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip;
using ui::LogFileModel;

class TestLogView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsMatchTheFileAndTheCacheStaysBounded();
    void transformShowsScrubbedTextWithHighlights();
    void searchAndHighlightStepsMoveTheView();
    void doubleClickActivatesTheTokenUnderThePointer();
    void textIsSelectedWithTheMouseOrShiftArrowsAndCopied();
    void missingFileReportsWhy();
    void reopeningReplacesTheContent();

private:
    QString m_big;
    int m_bigLines = 60'000;
    QTemporaryDir m_dir;
};

void TestLogView::initTestCase() {
    m_big = m_dir.filePath(QStringLiteral("big.log"));
    QFile f(m_big);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < m_bigLines; ++i) {
        QByteArray line = "2026-11-18 08:00:00,000+0000 http-nio-8080-exec-" +
                          QByteArray::number(i % 50) + " INFO line " + QByteArray::number(i);
        if (i == 41'234) {
            line += " user: jnovak [c.a.j.issue.IssueManager] needle";
        }
        f.write(line + '\n');
    }
}

void TestLogView::rowsMatchTheFileAndTheCacheStaysBounded() {
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(m_big);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(model.rowCount(), m_bigLines);
    QCOMPARE(model.data(model.index(0)).toString().right(7), QStringLiteral(" line 0"));
    QVERIFY(model.lineText(41'234).endsWith(QStringLiteral("needle")));
    QVERIFY(model.lineText(m_bigLines - 1).endsWith(QStringLiteral("line 59999")));
    QCOMPARE(model.data(model.index(41'234), LogFileModel::LineNumberRole).toInt(), 41'235);
    // Touch every line: the cache never holds more than its fixed number of blocks.
    for (int row = 0; row < m_bigLines; row += 97) {
        QVERIFY(!model.lineText(row).isEmpty());
        QVERIFY(model.cachedBlockCount() <= LogFileModel::kCachedBlocks);
    }
    QCOMPARE(model.cachedBlockCount(), LogFileModel::kCachedBlocks);
}

void TestLogView::transformShowsScrubbedTextWithHighlights() {
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(m_big);
    QVERIFY(finished.wait(10'000));
    model.setLineTransform([](qint64, const QByteArray& raw, ui::Highlights* highlights) {
        QString text = QString::fromUtf8(raw);
        const qsizetype at = text.indexOf(QStringLiteral("jnovak"));
        if (at >= 0) {
            text.replace(at, 6, QStringLiteral("user-1a2b3c"));
            highlights->append({int(at), 11, core::scrub::Category::Person});
        }
        return text;
    });
    const QString line = model.lineText(41'234);
    QVERIFY(line.contains(QStringLiteral("user: user-1a2b3c [c.a.j.issue.IssueManager]")));
    QVERIFY(!line.contains(QStringLiteral("jnovak")));
    const ui::Highlights h = model.lineHighlights(41'234);
    QCOMPARE(h.size(), 1);
    QCOMPARE(line.mid(h[0].start, h[0].length), QStringLiteral("user-1a2b3c"));
    QCOMPARE(h[0].category, core::scrub::Category::Person);
    QVERIFY(model.lineHighlights(41'233).isEmpty());
}

void TestLogView::searchAndHighlightStepsMoveTheView() {
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(m_big);
    QVERIFY(finished.wait(10'000));
    model.setLineTransform([](qint64, const QByteArray& raw, ui::Highlights* highlights) {
        const QString text = QString::fromUtf8(raw);
        if (text.endsWith(QStringLiteral("line 100")) || text.contains(QStringLiteral("needle"))) {
            highlights->append({0, 10, core::scrub::Category::Network});
        }
        return text;
    });
    ui::LogView view;
    view.setLogModel(&model);
    view.resize(800, 400);
    view.show();
    QSignalSpy searched(&view, &ui::LogView::searchFinished);

    view.find(QStringLiteral("NEEDLE")); // case-insensitive, from the top
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), 41'234);
    QCOMPARE(view.currentLine(), 41'234);

    view.find(QStringLiteral("needle")); // no second one after it
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), -1);
    QCOMPARE(view.currentLine(), 41'234);

    view.find(QStringLiteral("exec-33 INFO line 4123[0-3]$"), true, true); // regex, back
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), 41'233);

    view.previousHighlight();
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), 100);
    view.nextHighlight();
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), 41'234);
    view.nextHighlight();
    QVERIFY(searched.wait(10'000));
    QCOMPARE(searched.takeFirst().at(0).toInt(), -1);
}

void TestLogView::doubleClickActivatesTheTokenUnderThePointer() {
    const QString path = m_dir.filePath(QStringLiteral("tokens.log"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("login by user-1a2b3c from 240.1.2.3, password=[REDACTED:password].\n");
    f.close();
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(path);
    QVERIFY(finished.wait(10'000));
    ui::LogView view;
    view.setLogModel(&model);
    view.resize(1200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect row = view.visualRect(model.index(0));
    const QFontMetrics metrics(view.font());
    const QString text = model.lineText(0);
    const int textX = row.left() + (metrics.horizontalAdvance(QStringLiteral("9999")) + 12);
    auto pointAt = [&](const QString& needle) {
        const int col = int(text.indexOf(needle)) + 2;
        return QPoint(textX + metrics.horizontalAdvance(text.left(col)) +
                          metrics.horizontalAdvance(u'x') / 2,
                      row.center().y());
    };
    QCOMPARE(view.tokenAt(pointAt(QStringLiteral("user-1a2b3c"))), QStringLiteral("user-1a2b3c"));
    QCOMPARE(view.tokenAt(pointAt(QStringLiteral("240.1.2.3"))), QStringLiteral("240.1.2.3"));
    QCOMPARE(view.tokenAt(pointAt(QStringLiteral("REDACTED"))),
             QStringLiteral("[REDACTED:password]"));
    QSignalSpy activated(&view, &ui::LogView::tokenActivated);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, pointAt(QStringLiteral("user-1a")));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("user-1a2b3c"));
    QCOMPARE(activated.at(0).at(1).toInt(), 0);
    QCOMPARE(view.selectedText(), QStringLiteral("user-1a2b3c")); // and becomes the selection
}

void TestLogView::textIsSelectedWithTheMouseOrShiftArrowsAndCopied() {
    const QString path = m_dir.filePath(QStringLiteral("select.log"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("first line\nscheduler Caesium ran job 42 for ACME Corp\nthird line\n");
    f.close();
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(path);
    QVERIFY(finished.wait(10'000));
    ui::LogView view;
    view.setLogModel(&model);
    view.resize(1200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    const QString text = model.lineText(1);
    const QRect row = view.visualRect(model.index(1));
    const QFontMetrics metrics(view.font());
    const int textX = row.left() + ui::LogLineDelegate::textStart(metrics, model.rowCount());
    const auto at = [&](qsizetype column) {
        return QPoint(textX + metrics.horizontalAdvance(text.left(column)) + 1, row.center().y());
    };
    // Drag from "A" of ACME to after "Corp"; the pointer may stray to another line.
    QSignalSpy changed(&view, &ui::LogView::textSelectionChanged);
    const qsizetype acme = text.indexOf(QStringLiteral("ACME"));
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at(acme));
    QTest::mouseMove(view.viewport(), at(acme + 4));
    QCOMPARE(view.selectedText(), QStringLiteral("ACME"));
    QTest::mouseMove(view.viewport(), at(text.size()) + QPoint(0, row.height()));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at(text.size()));
    QCOMPARE(view.selectedText(), QStringLiteral("ACME Corp"));
    QCOMPARE(view.textSelection().row, 1);
    QCOMPARE(view.currentLine(), 1); // the row did not follow the pointer
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("ACME Corp"));
    // Ctrl+C copies the selection, not the whole line.
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("ACME Corp"));
    // Shift+arrows: from the start of the current line, by character and by word.
    view.goToLine(1);
    view.clearTextSelection();
    QCOMPARE(view.selectedText(), QString());
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view.selectedText(), QStringLiteral("sc"));
    QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(view.selectedText(), QStringLiteral("s"));
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier | Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier | Qt::ControlModifier);
    QCOMPARE(view.selectedText(), QStringLiteral("scheduler Caesium"));
    QTest::keyClick(&view, Qt::Key_End, Qt::ShiftModifier);
    QCOMPARE(view.selectedText(), text);
    QCOMPARE(view.currentLine(), 1);
    // A click elsewhere starts afresh; reopening the model drops the selection.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at(3));
    QCOMPARE(view.selectedText(), QString());
    view.selectText(0, 0, 5);
    QCOMPARE(view.selectedText(), QStringLiteral("first"));
    model.open(path);
    QCOMPARE(view.selectedText(), QString());
}

void TestLogView::missingFileReportsWhy() {
    LogFileModel model;
    QSignalSpy failed(&model, &LogFileModel::openFailed);
    model.open(m_dir.filePath(QStringLiteral("gone.log")));
    QVERIFY(failed.wait(10'000));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("gone.log")));
    QCOMPARE(model.rowCount(), 0);
}

void TestLogView::reopeningReplacesTheContent() {
    const QString small = m_dir.filePath(QStringLiteral("small.log"));
    QFile f(small);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("only line\n");
    f.close();
    LogFileModel model;
    QSignalSpy finished(&model, &LogFileModel::indexingFinished);
    model.open(m_big);
    model.open(small); // replaces the first while it may still be indexing
    QVERIFY(finished.wait(10'000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.lineText(0), QStringLiteral("only line"));
    QCOMPARE(model.path(), small);
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
