// SPDX-License-Identifier: GPL-3.0-or-later
// The local ledger: records survive a crash mid-write, stay the owner's, flag overdue bundles,
// take deliveries, and find a data subject by any of its values without storing them.
#include "ledger/ledger.h"
#include "ledger/pseudonymindex.h"
#include "pipeline/collectjob.h"
#include "scrubtesthelpers.h"
#include "vault/vault.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <span>

using namespace supportzip;
using namespace supportzip::core;

namespace {

struct Planted {
    scrub::ValueKind kind;
    const char* value;
    const char* file;
};

// What a run over Jana's logs produced: her values in the files that held them.
const Planted kJana[] = {
    {scrub::ValueKind::User, "jnovak", "application-logs/atlassian-jira.log"},
    {scrub::ValueKind::User, "jnovak", "tomcat-logs/access_log.2026-11-20"},
    {scrub::ValueKind::Email, "Jana.Novak@northwind.example",
     "application-logs/atlassian-jira.log"},
    {scrub::ValueKind::PersonName, "Jana Novak",
     "application-logs/atlassian-jira-outgoing-mail.log"},
    {scrub::ValueKind::Ipv4, "10.20.30.40", "tomcat-logs/access_log.2026-11-20"},
    {scrub::ValueKind::Host, "jira-node-a1.nwl.internal", "manifest.json"},
};
// Another bundle, about Peter only.
const Planted kPeter[] = {
    {scrub::ValueKind::User, "pmaier", "application-logs/atlassian-jira.log"},
    {scrub::ValueKind::Ipv4, "10.20.30.41", "application-logs/atlassian-jira.log"},
};

bundle::Manifest manifestFor(const QString& ticket, const QDate& deleteBy) {
    bundle::Manifest m;
    m.created = QDateTime(QDate(2026, 11, 20), QTime(11, 35), Qt::UTC);
    m.product = QStringLiteral("jira");
    m.productName = QStringLiteral("Jira Software");
    m.version = QStringLiteral("9.12.2");
    m.sourceKind = QStringLiteral("installation");
    m.consent = {QStringLiteral("Anna Admin"),
                 QStringLiteral("anna@example.com"),
                 m.created,
                 QStringLiteral("Vendor Support"),
                 ticket,
                 QStringLiteral("I agree."),
                 deleteBy};
    bundle::ManifestFile f;
    f.findings = {3, 7, 5, 0, 2, 1};
    m.files.append(f);
    return m;
}

// A record built the way CollectJob builds one: pseudonyms from the vault's key, the mapping
// written to the vault, the files each pseudonym occurs in.
ledger::BundleRecord makeRecord(const vault::Vault& vault, const QString& name,
                                std::span<const Planted> values, const QDate& deleteBy = {}) {
    const QByteArray key = *vault.loadOrCreateKey();
    scrub::Pseudonymizer pseudonymizer(key);
    QHash<QString, scrub::PseudonymSet> perFile;
    for (const Planted& p : values) {
        perFile[QLatin1StringView(p.file)].insert(pseudonymizer.pseudonym(p.kind, p.value));
    }
    ledger::PseudonymIndex index;
    for (auto it = perFile.cbegin(); it != perFile.cend(); ++it) {
        index.addFile(it.key(), it.value());
    }
    (void)vault.recordMapping(pseudonymizer.mapping(), name);
    const ledger::SubjectKey subjectKey(key);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    ledger::BundleRecord r =
        ledger::bundleRecordFor(manifestFor(QStringLiteral("SUP-1"), deleteBy),
                                QStringLiteral("/tmp/bundles/") + name, sha, 1234);
    r.keyId = subjectKey.keyId();
    r.pseudonyms = index.entries(pseudonymizer.mapping(), subjectKey);
    return r;
}

QString pseudonymOf(const vault::Vault& vault, scrub::ValueKind kind, const char* value) {
    return QString::fromStdString(
        scrub::Pseudonymizer(*vault.loadOrCreateKey()).pseudonym(kind, value));
}

} // namespace

class TestLedger : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void recordsRoundTripNewestFirst();
    void ledgerIsTheOwnersAlone();
    void tornLastLineIsIgnoredAndNextRecordSurvives();
    void overdueBundlesAreFlagged();
    void deliveriesAreRecordedWithoutCredentials();
    void deliveryOfUnknownBundleIsRefused();
    void bySubject_data();
    void bySubject();
    void bySubjectHoldsNoOriginals();
    void bySubjectFallsBackToMappingUnderAnotherKey();
    void scrubberReportsDistinctPseudonymsPerText();
    void collectJobRecordsTheBundleOrRemovesIt();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_vaultDir;
};

void TestLedger::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_vaultDir = m_dir->filePath(QStringLiteral("vault"));
}

void TestLedger::recordsRoundTripNewestFirst() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QCOMPARE(ledger.path(), m_vaultDir + QStringLiteral("/ledger.jsonl"));
    QVERIFY(ledger.read()->bundles.isEmpty()); // no file yet: an empty ledger, not an error
    const auto first = makeRecord(vault, QStringLiteral("first.zip"), kJana, QDate(2026, 12, 31));
    const auto second = makeRecord(vault, QStringLiteral("second.zip"), kPeter);
    QVERIFY(ledger.recordBundle(first));
    QVERIFY(ledger.recordBundle(second));
    const auto contents = ledger.read();
    QVERIFY(contents);
    QVERIFY(contents->warnings.isEmpty());
    QCOMPARE(contents->bundles.size(), 2);
    QCOMPARE(contents->bundles[0].fileName, QStringLiteral("second.zip"));
    const ledger::BundleRecord& read = contents->bundles[1];
    QCOMPARE(read.fileName, first.fileName);
    QCOMPARE(read.path, first.path);
    QCOMPARE(read.sha256, first.sha256);
    QCOMPARE(read.size, 1234);
    QCOMPARE(read.created, first.created);
    QCOMPARE(read.productName, QStringLiteral("Jira Software"));
    QCOMPARE(read.consent.name, QStringLiteral("Anna Admin"));
    QCOMPARE(read.consent.email, QStringLiteral("anna@example.com"));
    QCOMPARE(read.consent.recipient, QStringLiteral("Vendor Support"));
    QCOMPARE(read.consent.ticket, QStringLiteral("SUP-1"));
    QCOMPARE(read.consent.statement, QStringLiteral("I agree."));
    QCOMPARE(read.consent.time, first.consent.time);
    QCOMPARE(read.consent.deleteBy, QDate(2026, 12, 31));
    QCOMPARE(read.counts, (scrub::CategoryCounts{3, 7, 5, 0, 2, 1}));
    QCOMPARE(read.keyId, first.keyId);
    QCOMPARE(read.pseudonyms.size(), 5); // jnovak twice is one pseudonym
    for (qsizetype i = 0; i < read.pseudonyms.size(); ++i) {
        QCOMPARE(read.pseudonyms[i].pseudonym, first.pseudonyms[i].pseudonym);
        QCOMPARE(read.pseudonyms[i].kind, first.pseudonyms[i].kind);
        QCOMPARE(read.pseudonyms[i].fingerprint, first.pseudonyms[i].fingerprint);
        QCOMPARE(read.pseudonyms[i].files, first.pseudonyms[i].files);
    }
    const QString jnovak = pseudonymOf(vault, scrub::ValueKind::User, "jnovak");
    const auto it = std::find_if(read.pseudonyms.cbegin(), read.pseudonyms.cend(),
                                 [&](const auto& p) { return p.pseudonym == jnovak; });
    QVERIFY(it != read.pseudonyms.cend());
    QCOMPARE(it->files, (QStringList{QStringLiteral("application-logs/atlassian-jira.log"),
                                     QStringLiteral("tomcat-logs/access_log.2026-11-20")}));
}

void TestLedger::ledgerIsTheOwnersAlone() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("a.zip"), kJana)));
    const QFileDevice::Permissions unixBits =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
        QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(ledger.path()) & unixBits,
             QFileDevice::ReadOwner | QFileDevice::WriteOwner); // 0600
    QCOMPARE(QFile::permissions(ledger.path()) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(QFile::permissions(m_vaultDir) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    // A file made earlier with looser permissions is tightened on the next record.
    QFile::setPermissions(ledger.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("b.zip"), kPeter)));
    QVERIFY(!QFile::permissions(ledger.path()).testFlag(QFileDevice::ReadOther));
}

void TestLedger::tornLastLineIsIgnoredAndNextRecordSurvives() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("a.zip"), kJana)));
    {
        QFile f(ledger.path());
        QVERIFY(f.open(QIODevice::Append));
        f.write(R"({"type":"bundle","file":"torn.zip","sha256":"ab)"); // the crash: no newline
    }
    auto torn = ledger.read();
    QVERIFY(torn);
    QCOMPARE(torn->bundles.size(), 1);
    QCOMPARE(torn->warnings.size(), 1);
    QVERIFY(torn->warnings[0].contains(QStringLiteral("line 2")));
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("b.zip"), kPeter)));
    auto after = ledger.read();
    QVERIFY(after);
    QCOMPARE(after->bundles.size(), 2);
    QCOMPARE(after->bundles[0].fileName, QStringLiteral("b.zip"));
    QCOMPARE(after->bundles[1].fileName, QStringLiteral("a.zip"));
    QCOMPARE(after->warnings.size(), 1); // still only the torn line
}

void TestLedger::overdueBundlesAreFlagged() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    const QDate today(2027, 1, 10);
    QVERIFY(ledger.recordBundle(
        makeRecord(vault, QStringLiteral("past.zip"), kJana, today.addDays(-1))));
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("today.zip"), kJana, today)));
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("none.zip"), kPeter)));
    const auto contents = ledger.read();
    QVERIFY(contents);
    const auto overdue = ledger::overdueBundles(*contents, today);
    QCOMPARE(overdue.size(), 1);
    QCOMPARE(overdue[0].fileName, QStringLiteral("past.zip"));
    QVERIFY(!contents->bundles[0].isOverdue(today)); // none.zip: no date, never overdue
    QVERIFY(!contents->bundles[1].isOverdue(today)); // due today: not yet passed
    QVERIFY(contents->bundles[1].isOverdue(today.addDays(1)));
}

void TestLedger::deliveriesAreRecordedWithoutCredentials() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    const auto sent = makeRecord(vault, QStringLiteral("sent.zip"), kJana);
    const auto kept = makeRecord(vault, QStringLiteral("kept.zip"), kPeter);
    QVERIFY(ledger.recordBundle(sent));
    QVERIFY(ledger.recordBundle(kept));
    const QDateTime when(QDate(2026, 11, 21), QTime(9, 0), Qt::UTC);
    const auto ok = ledger.recordDelivery(
        sent.sha256.toUpper(),
        {QStringLiteral("https://bob:pw@uploads.example.com/put/sent.zip?X-Amz-Signature=sig0xyz"),
         QStringLiteral("SUP-1"), when, QStringLiteral("10042"), 1234});
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error().toString()));
    const auto contents = ledger.read();
    QVERIFY(contents);
    QCOMPARE(contents->bundles.size(), 2); // a delivery is no bundle
    QVERIFY(contents->bundles[0].deliveries.isEmpty());
    const auto& deliveries = contents->bundles[1].deliveries;
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries[0].endpoint, QStringLiteral("https://uploads.example.com/put/sent.zip"));
    QCOMPARE(deliveries[0].requestKey, QStringLiteral("SUP-1"));
    QCOMPARE(deliveries[0].time, when);
    QCOMPARE(deliveries[0].attachmentId, QStringLiteral("10042"));
    QCOMPARE(deliveries[0].bytes, 1234);
    QFile raw(ledger.path());
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(!bytes.contains("sig0xyz") && !bytes.contains("bob:pw"));
}

void TestLedger::deliveryOfUnknownBundleIsRefused() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("a.zip"), kJana)));
    QFile before(ledger.path());
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray bytes = before.readAll();
    const auto refused = ledger.recordDelivery(QString(64, u'0'), {});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    QFile after(ledger.path());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), bytes);
}

void TestLedger::bySubject_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("original");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<bool>("viaMapping");
    const QStringList mainLog{QStringLiteral("application-logs/atlassian-jira.log")};
    const QStringList both{QStringLiteral("application-logs/atlassian-jira.log"),
                           QStringLiteral("tomcat-logs/access_log.2026-11-20")};
    const QStringList mail{QStringLiteral("application-logs/atlassian-jira-outgoing-mail.log")};
    const QStringList access{QStringLiteral("tomcat-logs/access_log.2026-11-20")};
    const int user = int(scrub::ValueKind::User);
    const int email = int(scrub::ValueKind::Email);
    const int name = int(scrub::ValueKind::PersonName);
    QTest::newRow("user name") << "jnovak" << user << "jnovak" << both << false;
    QTest::newRow("user name, other case") << "JNovak" << user << "jnovak" << both << false;
    QTest::newRow("user name, blanks around") << "  jnovak\n" << user << "jnovak" << both << false;
    QTest::newRow("email") << "Jana.Novak@northwind.example" << email
                           << "Jana.Novak@northwind.example" << mainLog << false;
    QTest::newRow("email, lower case") << "jana.novak@northwind.example" << email
                                       << "Jana.Novak@northwind.example" << mainLog << false;
    QTest::newRow("display name") << "Jana Novak" << name << "Jana Novak" << mail << false;
    // Display names keep their case in pseudonyms; the mapping still knows it is her.
    QTest::newRow("display name, other case")
        << "jana novak" << name << "Jana Novak" << mail << true;
    QTest::newRow("ip") << "10.20.30.40" << int(scrub::ValueKind::Ipv4) << "10.20.30.40" << access
                        << false;
    QTest::newRow("host, upper case")
        << "JIRA-NODE-A1.NWL.INTERNAL" << int(scrub::ValueKind::Host) << "jira-node-a1.nwl.internal"
        << QStringList{QStringLiteral("manifest.json")} << false;
}

void TestLedger::bySubject() {
    QFETCH(QString, query);
    QFETCH(int, kind);
    QFETCH(QString, original);
    QFETCH(QStringList, files);
    QFETCH(bool, viaMapping);
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("jana.zip"), kJana)));
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("peter.zip"), kPeter)));
    const auto matches = ledger.bySubject(query);
    QVERIFY(matches);
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->at(0).bundle.fileName, QStringLiteral("jana.zip"));
    const auto& hits = matches->at(0).hits;
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].pseudonym, pseudonymOf(vault, static_cast<scrub::ValueKind>(kind),
                                            original.toUtf8().constData()));
    QCOMPARE(int(hits[0].kind), kind);
    QCOMPARE(hits[0].files, files);
    QCOMPARE(hits[0].viaMapping, viaMapping);
    // A neighbour of the subject is not the subject.
    QVERIFY(ledger.bySubject(QStringLiteral("10.20.30.42"))->isEmpty());
    QVERIFY(ledger.bySubject(QStringLiteral("jnova"))->isEmpty());
}

void TestLedger::bySubjectHoldsNoOriginals() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    QVERIFY(ledger.recordBundle(makeRecord(vault, QStringLiteral("jana.zip"), kJana)));
    QFile raw(ledger.path());
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll().toLower();
    for (const Planted& p : kJana) {
        QVERIFY2(!bytes.contains(QByteArray(p.value).toLower()), p.value);
    }
    QVERIFY(bytes.contains(
        pseudonymOf(vault, scrub::ValueKind::User, "jnovak").toUtf8())); // pseudonyms are there
}

void TestLedger::bySubjectFallsBackToMappingUnderAnotherKey() {
    const vault::Vault vault(m_vaultDir);
    const ledger::Ledger ledger(m_vaultDir);
    const auto record = makeRecord(vault, QStringLiteral("jana.zip"), kJana);
    QVERIFY(ledger.recordBundle(record));
    // The admin imports the cluster's key (key import --replace): the old bundle's fingerprints
    // no longer recompute, but mapping.tsv still knows its pseudonyms.
    const QString keyFile = m_dir->filePath(QStringLiteral("other.key"));
    QVERIFY(vault::Vault(m_dir->filePath(QStringLiteral("other"))).exportKey(keyFile));
    QVERIFY(vault.importKey(keyFile, true));
    QVERIFY(ledger::SubjectKey(*vault.loadOrCreateKey()).keyId() != record.keyId);
    const auto matches = ledger.bySubject(QStringLiteral("JNOVAK"));
    QVERIFY(matches);
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->at(0).hits.size(), 1);
    QVERIFY(matches->at(0).hits[0].viaMapping);
    QCOMPARE(matches->at(0).hits[0].kind, scrub::ValueKind::User);
    // Without the mapping, nothing can be said about that bundle any more.
    QVERIFY(QFile::remove(m_vaultDir + QStringLiteral("/mapping.tsv")));
    QVERIFY(ledger.bySubject(QStringLiteral("jnovak"))->isEmpty());
}

void TestLedger::scrubberReportsDistinctPseudonymsPerText() {
    tests::TestEngine engine;
    const std::string text = "2026-11-20 10:00:01,123 http-nio-8080-exec-1 INFO jnovak 600x1x1 "
                             "10.20.30.40 /browse/OPS-1 [c.a.jira.Foo] login ok\n"
                             "2026-11-20 10:00:02,123 http-nio-8080-exec-2 INFO jnovak 600x2x1 "
                             "10.20.30.40 /secure/Dashboard.jspa [c.a.jira.Foo] again\n";
    engine.scrub(text); // learn
    core::scrub::ScrubEngine scrubEngine{&engine.rules, &engine.pseudonymizer, nullptr,
                                         engine.matcher.get()};
    scrub::PseudonymSet seen;
    const std::string out = scrub::StreamScrubber::scrubText(scrubEngine, text, nullptr, &seen);
    const std::string user = engine.pseudonymizer.pseudonym(scrub::ValueKind::User, "jnovak");
    const std::string ip = engine.pseudonymizer.pseudonym(scrub::ValueKind::Ipv4, "10.20.30.40");
    QVERIFY(seen.contains(user));
    QVERIFY(seen.contains(ip));
    for (const std::string& p : seen) { // every pseudonym reported was written, nothing else
        QVERIFY2(out.find(p) != std::string::npos, p.c_str());
    }
    QVERIFY(out.find("jnovak") == std::string::npos);
}

void TestLedger::collectJobRecordsTheBundleOrRemovesIt() {
    const QString folder = m_dir->filePath(QStringLiteral("logs"));
    QVERIFY(QDir().mkpath(folder));
    QFile log(folder + QStringLiteral("/app.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("2026-11-20 10:00:00,000 http-nio-8080-exec-1 INFO jnovak 600x1x1 10.20.30.40 "
              "/secure/Dashboard.jspa [c.a.jira.Foo] dashboard loaded\n");
    log.close();
    pipeline::CollectRequest request;
    request.sourcePath = folder;
    request.vaultDir = m_vaultDir;
    request.consent = {QStringLiteral("Anna Admin"),
                       QStringLiteral("anna@example.com"),
                       {},
                       QStringLiteral("Vendor Support"),
                       QStringLiteral("SUP-2"),
                       {},
                       QDate(2027, 1, 31)};
    request.outputPath = m_dir->filePath(QStringLiteral("one.zip"));
    auto summary = pipeline::CollectJob(request).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    const ledger::Ledger ledger(m_vaultDir);
    QCOMPARE(summary->ledgerPath, ledger.path());
    const auto contents = ledger.read();
    QVERIFY(contents);
    QCOMPARE(contents->bundles.size(), 1);
    const ledger::BundleRecord& record = contents->bundles[0];
    QCOMPARE(record.path, summary->bundlePath);
    QCOMPARE(record.sha256, summary->bundleSha256);
    QCOMPARE(record.size, summary->bundleSize);
    QCOMPARE(record.consent.ticket, QStringLiteral("SUP-2"));
    QCOMPARE(record.consent.deleteBy, QDate(2027, 1, 31));
    QCOMPARE(record.counts, summary->findings);
    const auto matches = ledger.bySubject(QStringLiteral("jnovak"));
    QVERIFY(matches && matches->size() == 1);
    QCOMPARE(matches->at(0).hits.size(), 1);
    QCOMPARE(matches->at(0).hits[0].files,
             QStringList{summary->manifest.files.at(0).bundlePath}); // the log, nothing else

    // A ledger that cannot be written: the bundle is removed and the user told why.
    QVERIFY(QFile::remove(ledger.path()));
    QVERIFY(QDir().mkpath(ledger.path()));
    request.outputPath = m_dir->filePath(QStringLiteral("two.zip"));
    const auto refused = pipeline::CollectJob(request).run();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::WriteFailed);
    QVERIFY(refused.error().message.contains(QStringLiteral("ledger")));
    QVERIFY(refused.error().message.contains(QStringLiteral("removed")));
    QVERIFY(!QFileInfo::exists(request.outputPath));
    QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("one.zip"))));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
