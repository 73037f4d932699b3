// SPDX-License-Identifier: GPL-3.0-or-later
// Bundles from strangers: each hostile shape is refused with its own message; a manifest that
// lies about hashes fails verification; an honest bundle verifies.
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/verifier.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace supportzip::core;

namespace {

struct Member {
    QByteArray name;
    QByteArray data;
    unsigned unixMode = 0100644;
};

// Writes a zip exactly as given, bypassing every check of our own writer.
QString writeRawZip(const QString& path, const QList<Member>& members) {
    int err = 0;
    zip_t* z = zip_open(path.toUtf8().constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    for (const Member& m : members) {
        zip_source_t* src =
            zip_source_buffer(z, m.data.constData(), static_cast<zip_uint64_t>(m.data.size()), 0);
        const zip_int64_t i = zip_file_add(z, m.name.constData(), src, ZIP_FL_ENC_RAW);
        zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(i), 0, ZIP_OPSYS_UNIX,
                                         m.unixMode << 16);
    }
    zip_close(z);
    return path;
}

QString sha(const QByteArray& d) {
    return QString::fromLatin1(QCryptographicHash::hash(d, QCryptographicHash::Sha256).toHex());
}

QByteArray manifestFor(const QList<QPair<QString, QByteArray>>& files, bool lie) {
    QJsonArray list;
    for (const auto& [path, data] : files) {
        list.append(QJsonObject{{QStringLiteral("path"), path},
                                {QStringLiteral("sha256"), lie ? sha("other") : sha(data)}});
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), 1},
                           {QStringLiteral("consent"),
                            QJsonObject{{QStringLiteral("statement"), QStringLiteral("I agree")}}},
                           {QStringLiteral("files"), list}})
        .toJson();
}

} // namespace

class TestBundleReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesUnsafeNames_data();
    void refusesUnsafeNames();
    void refusesSymlinkMembers();
    void refusesZipBombs();
    void refusesTooManyEntries();
    void refusesManySmallBombs();
    void truncatedBundleIsMalformed();
    void lyingManifestFailsVerification();
    void honestBundleVerifiesAndResidualScanFindsLeftovers();
    void tellsABundleFromASupportZip();

private:
    QTemporaryDir m_dir;
};

void TestBundleReader::refusesUnsafeNames_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("parent") << QByteArray("../../etc/cron.d/evil") << QStringLiteral("traversal");
    QTest::newRow("inner-parent") << QByteArray("logs/../../evil") << QStringLiteral("traversal");
    QTest::newRow("absolute") << QByteArray("/etc/passwd") << QStringLiteral("absolute");
    QTest::newRow("backslash") << QByteArray("..\\windows\\evil.dll")
                               << QStringLiteral("backslash");
    QTest::newRow("drive") << QByteArray("C:/Windows/evil.dll") << QStringLiteral("drive letter");
    QTest::newRow("control") << QByteArray("logs/a\x01.log") << QStringLiteral("control character");
}

void TestBundleReader::refusesUnsafeNames() {
    QFETCH(QByteArray, name);
    QFETCH(QString, reason);
    const QString path = writeRawZip(m_dir.filePath(QStringLiteral("names.zip")),
                                     {{"manifest.json", "{}"}, {name, "x"}});
    auto reader = bundle::BundleReader::open(path);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::HostileInput);
    QVERIFY2(reader.error().message.contains(reason), qPrintable(reader.error().message));
}

void TestBundleReader::refusesSymlinkMembers() {
    const QString path = writeRawZip(m_dir.filePath(QStringLiteral("link.zip")),
                                     {{"logs/link", "/etc/shadow", 0120777}});
    auto reader = bundle::BundleReader::open(path);
    QVERIFY(!reader);
    QVERIFY(reader.error().message.contains(QStringLiteral("symbolic link")));
}

void TestBundleReader::refusesZipBombs() {
    const QString path = writeRawZip(m_dir.filePath(QStringLiteral("bomb.zip")),
                                     {{"logs/zeros.log", QByteArray(64 << 20, '\0')}});
    QVERIFY(QFileInfo(path).size() < (1 << 20)); // 64 MiB in well under 1 MiB
    auto reader = bundle::BundleReader::open(path);
    QVERIFY(!reader);
    QVERIFY(reader.error().message.contains(QStringLiteral("zip bomb")));
    bundle::ReaderLimits small;
    small.maxRatio = 1e9;
    small.maxEntrySize = 1 << 20;
    auto limited = bundle::BundleReader::open(path, small);
    QVERIFY(!limited);
    QVERIFY(limited.error().message.contains(QStringLiteral("larger than the limit")));
}

void TestBundleReader::refusesTooManyEntries() {
    QList<Member> many;
    for (int i = 0; i < 20; ++i) {
        many.append({QByteArray("f") + QByteArray::number(i), "x"});
    }
    bundle::ReaderLimits limits;
    limits.maxEntries = 10;
    auto reader = bundle::BundleReader::open(
        writeRawZip(m_dir.filePath(QStringLiteral("many.zip")), many), limits);
    QVERIFY(!reader);
    QVERIFY(reader.error().message.contains(QStringLiteral("more than the limit")));
}

void TestBundleReader::refusesManySmallBombs() {
    QList<Member> members;
    for (int i = 0; i < 20; ++i) {
        members.append(
            {QByteArray("logs/zeros-") + QByteArray::number(i), QByteArray(1 << 20, '\0')});
    }
    auto reader = bundle::BundleReader::open(
        writeRawZip(m_dir.filePath(QStringLiteral("small-bombs.zip")), members));
    QVERIFY(!reader);
    QVERIFY2(reader.error().message.contains(QStringLiteral("together expand")),
             qPrintable(reader.error().message));
}

void TestBundleReader::truncatedBundleIsMalformed() {
    QList<Member> members{{"manifest.json", "{}"},
                          {"logs/a.log", QByteArray("line of a log\n").repeated(10000)}};
    const QString path = writeRawZip(m_dir.filePath(QStringLiteral("cut.zip")), members);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    auto reader = bundle::BundleReader::open(path);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::MalformedInput);
    QVERIFY(reader.error().message.contains(QStringLiteral("truncated or damaged")));
}

void TestBundleReader::lyingManifestFailsVerification() {
    const QByteArray log = "2026-11-18 INFO all good\n";
    const QString path = m_dir.filePath(QStringLiteral("lying.zip"));
    QVERIFY(
        bundle::writeBundle(path,
                            {{QStringLiteral("manifest.json"),
                              {},
                              manifestFor({{QStringLiteral("application-logs/a.log"), log}}, true),
                              {}},
                             {QStringLiteral("application-logs/a.log"), {}, log, {}},
                             {QStringLiteral("extra.txt"), {}, QByteArray("smuggled"), {}}},
                            QDateTime::currentDateTimeUtc(), nullptr, {}));
    auto report = bundle::verifyBundle(path);
    QVERIFY(report);
    QVERIFY(!report->intact());
    QStringList problems;
    for (const auto& i : report->issues) {
        problems << i.member + QStringLiteral(": ") + i.problem;
    }
    QVERIFY2(problems.filter(QStringLiteral("SHA-256 does not match")).size() == 1,
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.filter(QStringLiteral("extra.txt: in the bundle but not listed")).size() == 1,
             qPrintable(problems.join(u'\n')));
}

void TestBundleReader::honestBundleVerifiesAndResidualScanFindsLeftovers() {
    const QByteArray clean = "2026-11-18 INFO user: user-3f9a2c from 240.1.2.3 on "
                             "host-7c1e2a.example.invalid password=[REDACTED:password]\n";
    const QByteArray leaky =
        "2026-11-18 INFO mail to jana.novak@northwind-logistics.example password=hunter2\n";
    const QString path = m_dir.filePath(QStringLiteral("honest.zip"));
    QVERIFY(bundle::writeBundle(
        path,
        {{QStringLiteral("manifest.json"),
          {},
          manifestFor({{QStringLiteral("a.log"), clean}, {QStringLiteral("b.log"), leaky}}, false),
          {}},
         {QStringLiteral("a.log"), {}, clean, {}},
         {QStringLiteral("b.log"), {}, leaky, {}}},
        QDateTime::currentDateTimeUtc(), nullptr, {}));
    auto report = bundle::verifyBundle(path);
    QVERIFY(report);
    QVERIFY(report->intact());
    QCOMPARE(report->membersChecked, 2);
    for (const auto& h : report->residual) {
        QCOMPARE(h.member, QStringLiteral("b.log")); // nothing in the scrubbed-looking file
    }
    QCOMPARE(report->residualCounts[static_cast<std::size_t>(scrub::Category::Person)], 1);
    QCOMPARE(report->residualCounts[static_cast<std::size_t>(scrub::Category::Secret)], 1);
}

// The GUI reviews a bundle it is given and collects from any other zip (an Atlassian support zip).
void TestBundleReader::tellsABundleFromASupportZip() {
    const QString bundle =
        writeRawZip(m_dir.filePath(QStringLiteral("bundle-like.zip")),
                    {{"manifest.json", "{}"}, {"application-logs/atlassian-jira.log", "x\n"}});
    QVERIFY(bundle::isSupportzipBundle(bundle));
    const QString supportZip = writeRawZip(m_dir.filePath(QStringLiteral("support.zip")),
                                           {{"application-logs/atlassian-jira.log", "x\n"},
                                            {"application-config/dbconfig.xml", "<x/>"}});
    QVERIFY(!bundle::isSupportzipBundle(supportZip));
    // A nested manifest is not a bundle's.
    const QString nested =
        writeRawZip(m_dir.filePath(QStringLiteral("nested.zip")), {{"node/manifest.json", "{}"}});
    QVERIFY(!bundle::isSupportzipBundle(nested));
    QFile garbage(m_dir.filePath(QStringLiteral("garbage.zip")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a zip at all");
    garbage.close();
    QVERIFY(!bundle::isSupportzipBundle(garbage.fileName()));
    QVERIFY(!bundle::isSupportzipBundle(m_dir.filePath(QStringLiteral("missing.zip"))));
}

QTEST_GUILESS_MAIN(TestBundleReader)
#include "tst_bundlereader.moc"
