// SPDX-License-Identifier: GPL-3.0-or-later
// End to end on generated installations: collect -> scrub -> bundle, then assert that no planted
// customer value survives, every diagnostic token does, nothing that must never be collected is
// in the bundle, and the manifest accounts for every member and every left-out item.
#include "bundle/verifier.h"
#include "bundlecontents.h"
#include "pipeline/collectjob.h"
#include "samplegen.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    fixtures::SampleInstallation sample;
    QString bundlePath;
    QMap<QString, QByteArray> members;
    QJsonObject manifest;
};

const QDateTime kCreated(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);

core::pipeline::CollectRequest requestFor(const fixtures::SampleInstallation& s, const QString& out,
                                          const QString& vault) {
    core::pipeline::CollectRequest r;
    r.installDir = s.installDir;
    r.homeDir = s.homeDir;
    if (!s.windowsDrive.isEmpty()) {
        // The Windows sample's files name C:\ paths (the shared home in cluster.properties).
        r.discovery.windowsMounts.insert(QStringLiteral("C:"), s.windowsDrive);
    }
    r.outputPath = out;
    r.vaultDir = vault;
    r.created = kCreated;
    r.consent.name = QStringLiteral("Test Admin");
    r.consent.email = QStringLiteral("admin@example.com");
    r.consent.recipient = QStringLiteral("Example Vendor Support");
    r.consent.ticket = QStringLiteral("SUPPORT-1");
    return r;
}

} // namespace

class TestCollectEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noPlantedValueSurvives_data();
    void noPlantedValueSurvives();
    void noPartOfAPlantedNameSurvives_data();
    void noPartOfAPlantedNameSurvives();
    void diagnosticTokensSurvive_data();
    void diagnosticTokensSurvive();
    void nothingNeverCollectedIsBundled_data();
    void nothingNeverCollectedIsBundled();
    void manifestAccountsForEveryMember_data();
    void manifestAccountsForEveryMember();
    void everyBundleVerifiesWithoutResidue_data();
    void everyBundleVerifiesWithoutResidue();
    void secondRunIsByteIdentical();
    void refusesWithoutConsent();

private:
    QTemporaryDir m_dir;
    QMap<QString, Run> m_runs;
};

void TestCollectEndToEnd::initTestCase() {
    QVERIFY(m_dir.isValid());
    struct Variant {
        QString name;
        fixtures::SampleOptions options;
        bool supportZip = false; // an existing support zip as the source, not an installation
    };
    QList<Variant> variants;
    variants.append({QStringLiteral("jira"), {}});
    fixtures::SampleOptions confluence;
    confluence.product = QStringLiteral("confluence");
    variants.append({QStringLiteral("confluence"), confluence});
    fixtures::SampleOptions windows;
    windows.windowsLayout = true;
    windows.seed = 7;
    variants.append({QStringLiteral("jira-windows"), windows});
    variants.append({QStringLiteral("jira-support-zip"), {}, true});
    variants.append({QStringLiteral("confluence-support-zip"), confluence, true});
    for (const Variant& v : variants) {
        auto sample = v.supportZip
                          ? fixtures::generateSupportZip(
                                m_dir.filePath(v.name + QStringLiteral("-source.zip")), v.options)
                          : fixtures::generateInstallation(m_dir.filePath(v.name), v.options);
        QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
        auto request = requestFor(*sample, m_dir.filePath(v.name + QStringLiteral(".zip")),
                                  m_dir.filePath(QStringLiteral("vault")));
        if (v.supportZip) {
            request.sourcePath = sample->root;
        }
        core::pipeline::CollectJob job(request);
        Q_UNUSED(requestFor(*sample, m_dir.filePath(v.name + QStringLiteral(".zip")),
                            m_dir.filePath(QStringLiteral("vault"))));
        auto summary = job.run();
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        Run run{*sample, summary->bundlePath, tests::readBundleMembers(summary->bundlePath), {}};
        QVERIFY(run.members.contains(QStringLiteral("manifest.json")));
        run.manifest =
            QJsonDocument::fromJson(run.members.value(QStringLiteral("manifest.json"))).object();
        QVERIFY(run.members.size() > 10);
        m_runs.insert(v.name, run);
    }
}

void TestCollectEndToEnd::noPlantedValueSurvives_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("kind");
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        for (const auto& p : it->sample.planted) {
            QTest::addRow("%s/%s/%s", qPrintable(it.key()), qPrintable(p.kind), qPrintable(p.value))
                << it.key() << p.value << p.kind;
        }
    }
}

void TestCollectEndToEnd::noPlantedValueSurvives() {
    QFETCH(QString, variant);
    QFETCH(QString, value);
    QFETCH(QString, kind);
    const Run& run = m_runs[variant];
    QStringList foundIn;
    const QByteArray needle = value.toUtf8().toLower();
    for (auto it = run.members.cbegin(); it != run.members.cend(); ++it) {
        if (it.value().toLower().contains(needle)) {
            foundIn << it.key();
        }
    }
    Q_UNUSED(kind); // in the row name, so a failure names the kind of value that survived
    QVERIFY2(foundIn.isEmpty(),
             qPrintable(QStringLiteral("survived in %1").arg(foundIn.join(u','))));
}

// A display name replaced only in part ("Tomas Person-1a2b3c") still names the person: every
// word of a planted name must be gone as a word of its own.
void TestCollectEndToEnd::noPartOfAPlantedNameSurvives_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("word");
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        QSet<QString> words;
        for (const auto& p : it->sample.planted) {
            if (p.kind != QLatin1StringView("person.name")) {
                continue;
            }
            for (const QString& w : p.value.split(u' ', Qt::SkipEmptyParts)) {
                if (w.size() >= 4) {
                    words.insert(w);
                }
            }
        }
        for (const QString& w : std::as_const(words)) {
            QTest::addRow("%s/%s", qPrintable(it.key()), qPrintable(w)) << it.key() << w;
        }
    }
}

void TestCollectEndToEnd::noPartOfAPlantedNameSurvives() {
    QFETCH(QString, variant);
    QFETCH(QString, word);
    const Run& run = m_runs[variant];
    const QRegularExpression re(u"(?<![\\p{L}\\p{N}_-])"_s + QRegularExpression::escape(word) +
                                u"(?![\\p{L}\\p{N}_-])"_s);
    QStringList foundIn;
    for (auto it = run.members.cbegin(); it != run.members.cend(); ++it) {
        const auto m = re.match(QString::fromUtf8(it.value()));
        if (m.hasMatch()) {
            const QString text = QString::fromUtf8(it.value());
            const qsizetype from = std::max<qsizetype>(0, m.capturedStart() - 60);
            foundIn << it.key() + u": "_s + text.mid(from, 120).simplified();
        }
    }
    QVERIFY2(foundIn.isEmpty(),
             qPrintable(QStringLiteral("survived in %1").arg(foundIn.join(u'\n'))));
}

void TestCollectEndToEnd::diagnosticTokensSurvive_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("token");
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        for (const QString& t : it->sample.mustSurvive) {
            QTest::addRow("%s/%s", qPrintable(it.key()), qPrintable(t)) << it.key() << t;
        }
    }
}

void TestCollectEndToEnd::diagnosticTokensSurvive() {
    QFETCH(QString, variant);
    QFETCH(QString, token);
    const Run& run = m_runs[variant];
    bool found = false;
    for (const QByteArray& data : run.members) {
        found = found || data.contains(token.toUtf8());
    }
    QVERIFY2(found, qPrintable(QStringLiteral("damaged or missing: %1").arg(token)));
}

void TestCollectEndToEnd::nothingNeverCollectedIsBundled_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("path");
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        for (const QString& p : it->sample.neverCollected) {
            QTest::addRow("%s/%s", qPrintable(it.key()), qPrintable(p)) << it.key() << p;
        }
    }
}

void TestCollectEndToEnd::nothingNeverCollectedIsBundled() {
    QFETCH(QString, variant);
    QFETCH(QString, path);
    const Run& run = m_runs[variant];
    const QString fileName = path.section(u'/', -1);
    for (const QString& member : run.members.keys()) {
        QVERIFY2(member.section(u'/', -1) != fileName, qPrintable(member));
    }
    // ...and it is accounted for: listed itself, or inside a listed folder, with a reason.
    bool listed = false;
    for (const QJsonValue& v : run.manifest.value(QStringLiteral("leftOut")).toArray()) {
        const QString left = v.toObject().value(QStringLiteral("path")).toString().section(u'/', 1);
        const QString reason = v.toObject().value(QStringLiteral("reason")).toString();
        listed =
            listed || (!reason.isEmpty() && (path.endsWith(left) || path.contains(left + u'/')));
    }
    QVERIFY2(listed, qPrintable(QStringLiteral("not listed as left out: %1").arg(path)));
}

void TestCollectEndToEnd::manifestAccountsForEveryMember_data() {
    QTest::addColumn<QString>("variant");
    for (const QString& k : m_runs.keys()) {
        QTest::newRow(qPrintable(k)) << k;
    }
}

void TestCollectEndToEnd::manifestAccountsForEveryMember() {
    QFETCH(QString, variant);
    const Run& run = m_runs[variant];
    QSet<QString> listed;
    for (const QJsonValue& v : run.manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        listed.insert(f.value(QStringLiteral("path")).toString());
        const QByteArray data = run.members.value(f.value(QStringLiteral("path")).toString());
        QCOMPARE(
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()),
            f.value(QStringLiteral("sha256")).toString());
        QCOMPARE(f.value(QStringLiteral("sizeAfter")).toInteger(), qint64(data.size()));
    }
    QSet<QString> members(run.members.keyBegin(), run.members.keyEnd());
    members.remove(QStringLiteral("README.txt"));
    members.remove(QStringLiteral("manifest.json"));
    QCOMPARE(listed, members);
    QVERIFY(!run.manifest.value(QStringLiteral("leftOut")).toArray().isEmpty());
    const QJsonObject source = run.manifest.value(QStringLiteral("source")).toObject();
    QCOMPARE(source.value(QStringLiteral("product")).toString(), run.sample.product);
    QCOMPARE(source.value(QStringLiteral("version")).toString(), run.sample.version);
    if (!run.sample.nodeId.isEmpty()) {
        QVERIFY(
            source.value(QStringLiteral("node")).toString().startsWith(QStringLiteral("node-")));
    }
    const QJsonObject consent = run.manifest.value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("email")).toString(),
             QStringLiteral("admin@example.com"));
    QVERIFY(!consent.value(QStringLiteral("statement")).toString().isEmpty());
    const QJsonObject findings = run.manifest.value(QStringLiteral("findings")).toObject();
    QVERIFY(findings.value(QStringLiteral("secret")).toInteger() > 0);
    QVERIFY(findings.value(QStringLiteral("person")).toInteger() > 0);
    QVERIFY(findings.value(QStringLiteral("network")).toInteger() > 0);
}

void TestCollectEndToEnd::everyBundleVerifiesWithoutResidue_data() {
    manifestAccountsForEveryMember_data();
}

void TestCollectEndToEnd::everyBundleVerifiesWithoutResidue() {
    QFETCH(QString, variant);
    auto report = core::bundle::verifyBundle(m_runs[variant].bundlePath);
    QVERIFY(report);
    QVERIFY(report->intact());
    QCOMPARE(report->membersChecked, int(m_runs[variant].members.size()) - 2);
    QStringList hits;
    for (const auto& h : report->residual) {
        hits << QStringLiteral("%1:%2 %3").arg(h.member).arg(h.line).arg(h.rule);
    }
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
}

void TestCollectEndToEnd::secondRunIsByteIdentical() {
    const Run& first = m_runs[QStringLiteral("jira")];
    QStringList paths;
    for (const QString& name : {QStringLiteral("jira-a.zip"), QStringLiteral("jira-b.zip")}) {
        auto request =
            requestFor(first.sample, m_dir.filePath(name), m_dir.filePath(QStringLiteral("vault")));
        request.systemFacts = [](const core::discovery::Installation&) {
            return QStringLiteral("OS: test\n");
        };
        auto summary = core::pipeline::CollectJob(request).run();
        QVERIFY(summary);
        paths << summary->bundlePath;
    }
    QFile a(paths[0]), b(paths[1]);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() == b.readAll());
}

void TestCollectEndToEnd::refusesWithoutConsent() {
    const Run& first = m_runs[QStringLiteral("jira")];
    auto request = requestFor(first.sample, m_dir.filePath(QStringLiteral("no-consent.zip")),
                              m_dir.filePath(QStringLiteral("vault")));
    request.consent = {};
    auto summary = core::pipeline::CollectJob(request).run();
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, core::ErrorCode::ConsentMissing);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no-consent.zip"))));
}

QTEST_GUILESS_MAIN(TestCollectEndToEnd)
#include "tst_collect_e2e.moc"
