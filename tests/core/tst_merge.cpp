// SPDX-License-Identifier: GPL-3.0-or-later
// `supportzip merge`: node bundles of one cluster become one bundle that verifies, keeps every
// member byte for byte under its node's folder, lists every node with its consent, and is
// byte-identical on a second run; bundles that do not match their manifest, of another product,
// merged already, or given without consent are refused and nothing is left behind.
#include "bundle/bundlewriter.h"
#include "bundle/manifest.h"
#include "bundle/verifier.h"
#include "bundlecontents.h"
#include "ledger/ledger.h"
#include "pipeline/collectjob.h"
#include "pipeline/mergejob.h"
#include "samplegen.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace supportzip;
using core::pipeline::MergeJob;
using core::pipeline::MergeRequest;

namespace {

const QDateTime kCreated(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);

core::bundle::Consent consent(const QString& name) {
    core::bundle::Consent c;
    c.name = name;
    c.email = QStringLiteral("admin@example.com");
    c.recipient = QStringLiteral("Example Vendor Support");
    c.ticket = QStringLiteral("SUPPORT-7");
    return c;
}

} // namespace

class TestMerge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mergedBundleKeepsEveryNodeMember();
    void secondMergeIsByteIdentical();
    void tamperedNodeBundleIsRefused();
    void otherProductIsRefused();
    void mergedBundleIsNotMergedAgain();
    void consentAndTwoBundlesAreRequired();
    void cancelLeavesNothing();

private:
    QString collect(const fixtures::SampleOptions& options, const QString& name);
    core::Expected<core::pipeline::MergeSummary> merge(const QStringList& inputs,
                                                       const QString& out);
    QStringList leftovers() const;
    QTemporaryDir m_dir;
    QString m_node1;
    QString m_node2;
    QString m_confluence;
};

QString TestMerge::collect(const fixtures::SampleOptions& options, const QString& name) {
    auto sample =
        fixtures::generateInstallation(m_dir.filePath(QStringLiteral("src-") + name), options);
    if (!sample) {
        return {};
    }
    core::pipeline::CollectRequest r;
    r.installDir = sample->installDir;
    r.homeDir = sample->homeDir;
    r.outputPath = m_dir.filePath(name + QStringLiteral(".zip"));
    r.vaultDir = m_dir.filePath(QStringLiteral("vault")); // one key: the nodes share it
    r.created = kCreated;
    r.threadDumps = 0;
    r.consent = consent(QStringLiteral("Node Admin"));
    core::pipeline::CollectJob job(r);
    auto summary = job.run();
    return summary ? summary->bundlePath : QString();
}

core::Expected<core::pipeline::MergeSummary> TestMerge::merge(const QStringList& inputs,
                                                              const QString& out) {
    MergeRequest r;
    r.inputs = inputs;
    r.outputPath = m_dir.filePath(QStringLiteral("out/") + out);
    r.consent = consent(QStringLiteral("Cluster Admin"));
    r.created = kCreated;
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    MergeJob job(r);
    return job.run();
}

QStringList TestMerge::leftovers() const {
    return QDir(m_dir.filePath(QStringLiteral("out")))
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

void TestMerge::initTestCase() {
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("out")));
    m_node1 = collect({}, QStringLiteral("node1"));
    fixtures::SampleOptions second;
    second.seed = 7;
    m_node2 = collect(second, QStringLiteral("node2"));
    fixtures::SampleOptions confluence;
    confluence.product = QStringLiteral("confluence");
    m_confluence = collect(confluence, QStringLiteral("confluence"));
    QVERIFY(!m_node1.isEmpty() && !m_node2.isEmpty() && !m_confluence.isEmpty());
}

void TestMerge::mergedBundleKeepsEveryNodeMember() {
    auto merged = merge({m_node1, m_node2}, QStringLiteral("cluster.zip"));
    QVERIFY2(merged, merged ? "" : qPrintable(merged.error().toString()));
    auto report = core::bundle::verifyBundle(merged->bundlePath);
    QVERIFY(report.has_value());
    QVERIFY(report->intact());
    QCOMPARE(report->residual.size(), 0);

    const auto node1 = tests::readBundleMembers(m_node1);
    const auto node2 = tests::readBundleMembers(m_node2);
    const auto all = tests::readBundleMembers(merged->bundlePath);
    const auto& nodes = merged->manifest.nodes;
    QCOMPARE(nodes.size(), 2);
    QVERIFY(nodes[0].folder != nodes[1].folder);
    QCOMPARE(nodes[0].bundleName, QStringLiteral("node1.zip"));
    QCOMPARE(nodes[0].consent.name, QStringLiteral("Node Admin"));
    QCOMPARE(nodes[0].bundleSha256, core::bundle::sha256OfFile(m_node1));
    int copied = 0;
    const QList<std::pair<QString, QMap<QString, QByteArray>>> perNode{{nodes[0].folder, node1},
                                                                       {nodes[1].folder, node2}};
    for (const auto& [folder, members] : perNode) {
        for (auto it = members.cbegin(); it != members.cend(); ++it) {
            if (it.key() == QStringLiteral("README.txt")) {
                continue; // one README for the merged bundle
            }
            const QString path = folder + u'/' + it.key();
            QVERIFY2(all.contains(path), qPrintable(path));
            QCOMPARE(all.value(path), it.value());
            ++copied;
        }
    }
    // Every member is a node member, the top-level manifest or the README: nothing else.
    QCOMPARE(all.size(), copied + 2);
    const auto manifest = core::bundle::Manifest::fromJson(
        QJsonDocument::fromJson(all.value(QStringLiteral("manifest.json"))).object());
    QVERIFY(manifest.has_value());
    QCOMPARE(manifest->sourceKind, QStringLiteral("merged"));
    QCOMPARE(manifest->consent.name, QStringLiteral("Cluster Admin"));
    QCOMPARE(manifest->files.size(), copied); // node manifests are listed, so verify checks them
    QCOMPARE(manifest->nodes.size(), 2);
    QVERIFY(all.value(QStringLiteral("README.txt")).contains("merges the bundles of 2 cluster"));
    QVERIFY(leftovers() == QStringList{QStringLiteral("cluster.zip")});

    // The ledger records the merged bundle with the node bundles' pseudonyms under their folders,
    // so a data subject's request finds it too.
    QCOMPARE(merged->nodesInLedger, 2);
    auto book = core::ledger::Ledger(m_dir.filePath(QStringLiteral("vault"))).read();
    QVERIFY(book.has_value());
    const auto record =
        std::find_if(book->bundles.cbegin(), book->bundles.cend(),
                     [&](const auto& b) { return b.sha256 == merged->bundleSha256; });
    QVERIFY(record != book->bundles.cend());
    QCOMPARE(record->sourceKind, QStringLiteral("merged"));
    QVERIFY(!record->pseudonyms.isEmpty());
    for (const auto& p : record->pseudonyms) {
        for (const QString& f : p.files) {
            QVERIFY2(f.startsWith(nodes[0].folder + u'/') || f.startsWith(nodes[1].folder + u'/'),
                     qPrintable(f));
            QVERIFY2(all.value(f).contains(p.pseudonym.toUtf8()) ||
                         f.endsWith(QStringLiteral("/manifest.json")),
                     qPrintable(f));
        }
    }
    auto jana = core::ledger::Ledger(m_dir.filePath(QStringLiteral("vault")))
                    .bySubject(QStringLiteral("jnovak"));
    QVERIFY(jana.has_value());
    QVERIFY(std::any_of(jana->cbegin(), jana->cend(),
                        [&](const auto& m) { return m.bundle.sha256 == merged->bundleSha256; }));
}

void TestMerge::secondMergeIsByteIdentical() {
    auto a = merge({m_node1, m_node2}, QStringLiteral("a.zip"));
    auto b = merge({m_node1, m_node2}, QStringLiteral("b.zip"));
    QVERIFY(a && b);
    QCOMPARE(a->bundleSha256, b->bundleSha256);
}

void TestMerge::tamperedNodeBundleIsRefused() {
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.zip"));
    QVERIFY(QFile::copy(m_node2, tampered));
    int err = 0;
    zip_t* z = zip_open(tampered.toUtf8().constData(), 0, &err);
    QVERIFY(z != nullptr);
    static const char replacement[] = "tampered\n";
    zip_source_t* src = zip_source_buffer(z, replacement, sizeof(replacement) - 1, 0);
    QVERIFY(zip_file_add(z, "tomcat-config/server.xml", src, ZIP_FL_OVERWRITE) >= 0);
    QCOMPARE(zip_close(z), 0);
    const QStringList before = leftovers();
    auto merged = merge({m_node1, tampered}, QStringLiteral("tampered-cluster.zip"));
    QVERIFY(!merged);
    QCOMPARE(merged.error().code, core::ErrorCode::VerificationFailed);
    QVERIFY(merged.error().message.contains(QStringLiteral("tomcat-config/server.xml")));
    QCOMPARE(merged.error().path, tampered);
    QCOMPARE(leftovers(), before);
}

void TestMerge::otherProductIsRefused() {
    const QStringList before = leftovers();
    auto merged = merge({m_node1, m_confluence}, QStringLiteral("mixed.zip"));
    QVERIFY(!merged);
    QCOMPARE(merged.error().code, core::ErrorCode::InvalidArgument);
    QVERIFY(merged.error().message.contains(QStringLiteral("confluence")));
    QCOMPARE(leftovers(), before);
}

void TestMerge::mergedBundleIsNotMergedAgain() {
    auto first = merge({m_node1, m_node2}, QStringLiteral("first.zip"));
    QVERIFY(first);
    auto again = merge({first->bundlePath, m_node1}, QStringLiteral("again.zip"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, core::ErrorCode::InvalidArgument);
    QVERIFY(again.error().message.contains(QStringLiteral("merged bundle already")));
    auto twice = merge({m_node1, m_node1}, QStringLiteral("twice.zip"));
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains(QStringLiteral("given twice")));
}

void TestMerge::consentAndTwoBundlesAreRequired() {
    MergeRequest r;
    r.inputs = {m_node1, m_node2};
    r.outputPath = m_dir.filePath(QStringLiteral("out/no-consent.zip"));
    auto noConsent = MergeJob(r).run();
    QVERIFY(!noConsent);
    QCOMPARE(noConsent.error().code, core::ErrorCode::ConsentMissing);
    r.consent = consent(QStringLiteral("Cluster Admin"));
    r.inputs = {m_node1};
    auto one = MergeJob(r).run();
    QVERIFY(!one);
    QCOMPARE(one.error().code, core::ErrorCode::InvalidArgument);
    QVERIFY(!QFile::exists(r.outputPath));
}

void TestMerge::cancelLeavesNothing() {
    const QStringList before = leftovers();
    MergeRequest r;
    r.inputs = {m_node1, m_node2};
    r.outputPath = m_dir.filePath(QStringLiteral("out/cancelled.zip"));
    r.consent = consent(QStringLiteral("Cluster Admin"));
    MergeJob job(r);
    // Cancel as soon as the members are being staged: the staging folder and the temporary
    // bundle must both be gone.
    auto result = job.run([&](const core::Progress& p) {
        if (p.stage == QStringLiteral("stage")) {
            job.requestCancel();
        }
    });
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::Cancelled);
    QCOMPARE(leftovers(), before);
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
