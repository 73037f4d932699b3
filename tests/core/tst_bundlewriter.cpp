// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace supportzip::core;

namespace {

QString sha(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QList<bundle::BundleEntry> sampleEntries(const QTemporaryDir& dir) {
    const QString staged = dir.filePath(QStringLiteral("staged.log"));
    QFile f(staged);
    f.open(QIODevice::WriteOnly);
    const QByteArray log = QByteArray("2026-11-18 INFO line of a log\n").repeated(5000);
    f.write(log);
    f.close();
    const QByteArray manifest = "{\"format\":1}";
    // Compressed ahead in three parts joined pigz-style (two sync-flushed, one final), as the
    // pipeline does for a large log scrubbed in segments.
    const QByteArray gc =
        QByteArray("[2026-11-18T08:01:12.345+0000] GC(12) Pause Young 23.456ms\n").repeated(3000);
    bundle::DeflatedMember deflated;
    const qsizetype third = gc.size() / 3;
    for (int k = 0; k < 3; ++k) {
        bundle::DeflateSink sink(dir.filePath(QStringLiteral("gc.%1.deflate").arg(k)),
                                 k == 2 ? bundle::DeflateSink::Ending::Final
                                        : bundle::DeflateSink::Ending::SyncFlush,
                                 false);
        const bool started = bool(sink.start());
        Q_ASSERT(started);
        sink.write(gc.mid(k * third, k == 2 ? -1 : third));
        auto part = sink.finish();
        Q_ASSERT(part);
        deflated.append(*part);
    }
    return {{QStringLiteral("README.txt"), {}, QByteArray("readme\n"), sha("readme\n")},
            {QStringLiteral("manifest.json"), {}, manifest, sha(manifest)},
            {QStringLiteral("application-logs/atlassian-jira.log"), staged, {}, sha(log)},
            {QStringLiteral("tomcat-logs/gc.log"), {}, {}, sha(gc), deflated}};
}

QStringList visibleFiles(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestBundleWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesVerifiesAndIsDeterministic();
    void readsWithUnzip();
    void refusesExistingOutput();
    void cancelLeavesNothing();
    void missingFolderIsAClearError();
    void fullDiskLeavesNothing();
    void over4GiBRoundTripsAsZip64();
};

void TestBundleWriter::writesVerifiesAndIsDeterministic() {
    QTemporaryDir dir;
    const auto entries = sampleEntries(dir);
    const QDateTime t = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    auto a = bundle::writeBundle(dir.filePath(QStringLiteral("a.zip")), entries, t, nullptr, {});
    QVERIFY2(a, a ? "" : qPrintable(a.error().toString()));
    auto b = bundle::writeBundle(dir.filePath(QStringLiteral("b.zip")), entries, t, nullptr, {});
    QVERIFY(b);
    QCOMPARE(a->sha256, b->sha256);          // byte-identical
    QVERIFY(a->size > 0 && a->size < 20000); // compressed
    QVERIFY(!visibleFiles(dir.path()).join(u' ').contains(QStringLiteral(".partial")));
}

void TestBundleWriter::readsWithUnzip() {
    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    if (unzip.isEmpty()) {
        QSKIP("unzip is not installed (scripts/install-deps installs it)");
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.zip"));
    QVERIFY(bundle::writeBundle(path, sampleEntries(dir), QDateTime::currentDateTimeUtc(), nullptr,
                                {}));
    QProcess p;
    p.start(unzip, {QStringLiteral("-t"), path});
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("No errors detected"));
}

void TestBundleWriter::refusesExistingOutput() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exists.zip"));
    QFile(path).open(QIODevice::WriteOnly);
    auto r =
        bundle::writeBundle(path, sampleEntries(dir), QDateTime::currentDateTimeUtc(), nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(QFileInfo(path).size(), qint64(0)); // untouched
}

void TestBundleWriter::cancelLeavesNothing() {
    QTemporaryDir dir;
    const auto entries = sampleEntries(dir);
    const QStringList before = visibleFiles(dir.path());
    CancelToken cancel;
    cancel.requestCancel();
    auto r = bundle::writeBundle(dir.filePath(QStringLiteral("c.zip")), entries,
                                 QDateTime::currentDateTimeUtc(), &cancel, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Cancelled);
    QCOMPARE(visibleFiles(dir.path()), before);
}

void TestBundleWriter::missingFolderIsAClearError() {
    QTemporaryDir dir;
    auto r = bundle::writeBundle(dir.filePath(QStringLiteral("nope/x.zip")), sampleEntries(dir),
                                 QDateTime::currentDateTimeUtc(), nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::NotFound);
    QVERIFY(r.error().message.contains(QStringLiteral("folder")));
}

void TestBundleWriter::fullDiskLeavesNothing() {
    // A file-size limit makes every write past 256 KiB fail as a full disk would (EFBIG).
    QTemporaryDir dir;
    QByteArray noise(4 << 20, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (char& c : noise) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x); // incompressible, so the bundle really is large
    }
    const QList<bundle::BundleEntry> entries{
        {QStringLiteral("application-logs/big.log"), {}, noise, sha(noise)}};
    const QStringList before = visibleFiles(dir.path());
    rlimit original{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = original;
    small.rlim_cur = 256 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    auto r = bundle::writeBundle(dir.filePath(QStringLiteral("full.zip")), entries,
                                 QDateTime::currentDateTimeUtc(), nullptr, {});
    setrlimit(RLIMIT_FSIZE, &original);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::WriteFailed);
    QVERIFY2(r.error().message.contains(QStringLiteral("no bundle was written")),
             qPrintable(r.error().message));
    QCOMPARE(visibleFiles(dir.path()), before);
}

void TestBundleWriter::over4GiBRoundTripsAsZip64() {
    // A sparse staged file: 4 GiB + 1 MiB of zeros costs no disk and compresses to ~4 MiB.
    QTemporaryDir dir;
    const qint64 size = (4LL << 30) + (1 << 20);
    const QString staged = dir.filePath(QStringLiteral("huge.log"));
    QFile f(staged);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(size));
    f.close();
    const QString path = dir.filePath(QStringLiteral("zip64.zip"));
    auto written =
        bundle::writeBundle(path, {{QStringLiteral("application-logs/huge.log"), staged, {}, {}}},
                            QDateTime::currentDateTimeUtc(), nullptr, {});
    QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
    QFile zip(path);
    QVERIFY(zip.open(QIODevice::ReadOnly));
    QVERIFY(zip.readAll().contains(QByteArray("PK\x06\x06", 4))); // ZIP64 end of central directory
    bundle::ReaderLimits limits;
    limits.maxRatio = 1e7; // zeros compress about 1000:1; a real bundle never does
    auto reader = bundle::BundleReader::open(path, limits);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().toString()));
    QCOMPARE((*reader)->members().size(), 1);
    QCOMPARE((*reader)->members().first().size, size);
}

QTEST_GUILESS_MAIN(TestBundleWriter)
#include "tst_bundlewriter.moc"
