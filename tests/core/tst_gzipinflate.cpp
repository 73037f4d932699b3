// SPDX-License-Identifier: GPL-3.0-or-later
// Inflating a rotated .gz log into a private plain file for the viewer: exact content, private
// permissions, progress to the end, and nothing left behind when cancelled or corrupt.
#include "text/gzipinflate.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace supportzip;
using core::text::inflateGzipToFile;

class TestGzipInflate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void inflatesExactlyIntoAPrivateFile();
    void cancelledLeavesNothing();
    void corruptDataLeavesNothingAndSaysWhy();

private:
    QTemporaryDir m_dir;
    QString m_gz;
    QByteArray m_plain;
};

void TestGzipInflate::initTestCase() {
    // Several MiB of text, more than the inflater's buffer many times over.
    for (int i = 0; i < 100'000; ++i) {
        m_plain += "2026-11-18 08:00:00,000+0000 INFO [c.a.jira] line " + QByteArray::number(i) +
                   " user: jnovak\n";
    }
    m_gz = m_dir.filePath(QStringLiteral("atlassian-jira.log.1.gz"));
    gzFile f = gzopen(QFile::encodeName(m_gz).constData(), "wb");
    QVERIFY(f != nullptr);
    QCOMPARE(gzwrite(f, m_plain.constData(), static_cast<unsigned>(m_plain.size())),
             static_cast<int>(m_plain.size()));
    QCOMPARE(gzclose(f), Z_OK);
}

void TestGzipInflate::inflatesExactlyIntoAPrivateFile() {
    const QString out = m_dir.filePath(QStringLiteral("plain.log"));
    core::Progress last;
    int reports = 0;
    auto size = inflateGzipToFile(m_gz, out, nullptr, [&](const core::Progress& p) {
        last = p;
        ++reports;
    });
    QVERIFY2(size, size ? "" : qPrintable(size.error().toString()));
    QCOMPARE(*size, m_plain.size());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_plain);
    QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(reports >= 1);
    QCOMPARE(last.stage, QStringLiteral("inflate"));
    QCOMPARE(last.done, QFileInfo(m_gz).size());
    QCOMPARE(last.total, QFileInfo(m_gz).size());
}

void TestGzipInflate::cancelledLeavesNothing() {
    const QString out = m_dir.filePath(QStringLiteral("cancelled.log"));
    core::CancelToken cancel;
    cancel.requestCancel();
    auto size = inflateGzipToFile(m_gz, out, &cancel);
    QVERIFY(!size);
    QCOMPARE(size.error().code, core::ErrorCode::Cancelled);
    QVERIFY(!QFile::exists(out));
}

void TestGzipInflate::corruptDataLeavesNothingAndSaysWhy() {
    QFile gz(m_gz);
    QVERIFY(gz.open(QIODevice::ReadOnly));
    QByteArray bytes = gz.readAll();
    bytes.truncate(bytes.size() / 2); // a rotated log copied while it was being compressed
    const QString broken = m_dir.filePath(QStringLiteral("broken.log.gz"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(bytes);
    b.close();
    const QString out = m_dir.filePath(QStringLiteral("broken.log"));
    auto size = inflateGzipToFile(broken, out);
    QVERIFY(!size);
    QCOMPARE(size.error().code, core::ErrorCode::MalformedInput);
    QVERIFY(!size.error().message.isEmpty());
    QVERIFY(!QFile::exists(out));
    auto missing = inflateGzipToFile(m_dir.filePath(QStringLiteral("none.gz")), out);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, core::ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestGzipInflate)
#include "tst_gzipinflate.moc"
