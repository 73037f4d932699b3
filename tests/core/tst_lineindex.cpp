// SPDX-License-Identifier: GPL-3.0-or-later
// The sparse line index behind the lazy log viewer: every line is found exactly, whatever its
// position relative to the checkpoints, line ending or length; bad files give errors.
#include "text/lineindex.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip::core;
using text::LineIndex;

class TestLineIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLineIsFoundAcrossCheckpoints();
    void crlfAndMissingFinalNewline();
    void emptyFileHasNoLines();
    void endlessLineIsCutAndTheRestCounted();
    void growingFileIsIndexedUpToItsSizeAtStart();
    void vanishedFileGivesAnError();
    void missingFileGivesAnError();
    void cancelStopsIndexing();

private:
    QString write(const QByteArray& content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestLineIndex::write(const QByteArray& content) {
    const QString path = m_dir.filePath(QStringLiteral("f%1.log").arg(++m_files));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write test file");
    }
    return path;
}

void TestLineIndex::everyLineIsFoundAcrossCheckpoints() {
    // Lines of varying length, more than a few strides, and over one 1 MiB indexing block.
    QByteArray content;
    const int lines = 20'000;
    for (int i = 0; i < lines; ++i) {
        content +=
            "2026-11-18 line " + QByteArray::number(i) + ' ' + QByteArray(i % 97, 'x') + '\n';
    }
    QVERIFY(content.size() > (1 << 20));
    LineIndex index(write(content));
    qint64 progressCalls = 0;
    QVERIFY(index.build(nullptr, [&](qint64, qint64) { ++progressCalls; }).has_value());
    QVERIFY(progressCalls >= 2);
    QVERIFY(index.isComplete());
    QCOMPARE(index.lineCount(), lines);
    QCOMPARE(index.indexedBytes(), content.size());
    for (qint64 first : {0LL, 1LL, 255LL, 256LL, 257LL, 511LL, 12'345LL, 19'990LL}) {
        auto read = index.readLines(first, 7);
        QVERIFY(read.has_value());
        QCOMPARE(read->size(), std::min<qsizetype>(7, lines - first));
        for (qsizetype k = 0; k < read->size(); ++k) {
            const qint64 i = first + k;
            QCOMPARE((*read)[k].bytes, "2026-11-18 line " + QByteArray::number(i) + ' ' +
                                           QByteArray(int(i % 97), 'x'));
            QCOMPARE((*read)[k].omittedBytes, 0);
        }
    }
    QVERIFY(index.readLines(lines, 5)->isEmpty());
    QVERIFY(index.readLines(-1, 5)->isEmpty());
}

void TestLineIndex::crlfAndMissingFinalNewline() {
    LineIndex index(write("first\r\nsecond\r\n\r\nlast without break"));
    QVERIFY(index.build().has_value());
    QCOMPARE(index.lineCount(), 4);
    auto read = index.readLines(0, 10);
    QVERIFY(read.has_value());
    QCOMPARE(read->size(), 4);
    QCOMPARE((*read)[0].bytes, QByteArray("first"));
    QCOMPARE((*read)[1].bytes, QByteArray("second"));
    QCOMPARE((*read)[2].bytes, QByteArray());
    QCOMPARE((*read)[3].bytes, QByteArray("last without break"));
}

void TestLineIndex::emptyFileHasNoLines() {
    LineIndex index(write({}));
    QVERIFY(index.build().has_value());
    QCOMPARE(index.lineCount(), 0);
    QVERIFY(index.readLines(0, 10)->isEmpty());
}

void TestLineIndex::endlessLineIsCutAndTheRestCounted() {
    const QByteArray endless(3 * 1024 * 1024 + 5, 'a');
    LineIndex index(write("before\n" + endless + "\nafter\n"));
    QVERIFY(index.build().has_value());
    QCOMPARE(index.lineCount(), 3);
    auto read = index.readLines(0, 3);
    QVERIFY(read.has_value());
    QCOMPARE(read->size(), 3);
    QCOMPARE((*read)[0].bytes, QByteArray("before"));
    QCOMPARE((*read)[1].bytes.size(), LineIndex::kMaxLineBytes);
    QCOMPARE((*read)[1].omittedBytes, endless.size() - LineIndex::kMaxLineBytes);
    QCOMPARE((*read)[2].bytes, QByteArray("after"));
}

void TestLineIndex::growingFileIsIndexedUpToItsSizeAtStart() {
    const QString path = write("one\ntwo\n");
    LineIndex index(path);
    QVERIFY(index.build().has_value());
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write("three\n");
    f.close();
    QCOMPARE(index.lineCount(), 2);
    auto read = index.readLines(0, 10);
    QVERIFY(read.has_value());
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->last().bytes, QByteArray("two"));
}

void TestLineIndex::vanishedFileGivesAnError() {
    const QString path = write("one\ntwo\nthree\n");
    LineIndex index(path);
    QVERIFY(index.build().has_value());
    QVERIFY(QFile::resize(path, 2));
    auto shrunk = index.readLines(1, 2);
    QVERIFY(!shrunk.has_value());
    QCOMPARE(shrunk.error().code, ErrorCode::ReadFailed);
    QVERIFY(QFile::remove(path));
    auto gone = index.readLines(0, 1);
    QVERIFY(!gone.has_value());
    QCOMPARE(gone.error().path, path);
}

void TestLineIndex::missingFileGivesAnError() {
    LineIndex index(m_dir.filePath(QStringLiteral("no-such.log")));
    auto built = index.build();
    QVERIFY(!built.has_value());
    QCOMPARE(built.error().code, ErrorCode::NotFound);
    QVERIFY(!index.isComplete());
}

void TestLineIndex::cancelStopsIndexing() {
    LineIndex index(write(QByteArray(3 << 20, '\n')));
    CancelToken cancel;
    auto built = index.build(&cancel, [&](qint64, qint64) { cancel.requestCancel(); });
    QVERIFY(!built.has_value());
    QCOMPARE(built.error().code, ErrorCode::Cancelled);
    QCOMPARE(index.lineCount(), 1 << 20); // the first block was published before the cancel
    QVERIFY(!index.isComplete());
}

QTEST_GUILESS_MAIN(TestLineIndex)
#include "tst_lineindex.moc"
