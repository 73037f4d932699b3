// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's view-model without widgets: planning, exclusions, preview, build and cancel on
// worker threads, on the generated sample installation.
#include "bundlecounts.h"
#include "discovery/discovery.h"
#include "samplegen.h"
#include "wizard/wizardcontroller.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace supportzip;

class TestWizardController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void planListsEveryFileAndTotalsFollowExclusions();
    void previewCountsEqualTheBuiltBundle();
    void cancelledBuildLeavesNothing();
    void testLineShowsTheScrubbedResult();
    void scrubAndKeepEverywhereRerunThePreview();
    void supportZipIsPlannedAndPreviewedOutsideTheWorkingDirectory();

private:
    void chooseSample(ui::WizardController& c, const fixtures::SampleInstallation& sample);
    void chooseSample(ui::WizardController& c) { chooseSample(c, m_sample); }
    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
};

void TestWizardController::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
}

void TestWizardController::chooseSample(ui::WizardController& c,
                                        const fixtures::SampleInstallation& sample) {
    c.request().vaultDir = m_dir.filePath(QStringLiteral("vault"));
    auto inst = core::discovery::describeInstallation(sample.installDir, sample.homeDir);
    QVERIFY(inst);
    QSignalSpy changed(&c, &ui::WizardController::sourceChanged);
    c.chooseInstallation(*inst);
    QCOMPARE(changed.count(), 1);
    QVERIFY(c.hasSource());
    QCOMPARE(c.request().installDir, sample.installDir);
}

void TestWizardController::planListsEveryFileAndTotalsFollowExclusions() {
    ui::WizardController c;
    chooseSample(c);
    QSignalSpy ready(&c, &ui::WizardController::planReady);
    c.loadPlan();
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(c.plan() != nullptr);
    const int all = c.includedFileCount();
    const qint64 allBytes = c.includedBytes();
    QVERIFY(all > 10);
    int access = 0;
    for (const auto& f : c.plan()->inventory.files) {
        access += f.category == QStringLiteral("tomcat-access-logs") ? 1 : 0;
    }
    QVERIFY(access > 0);
    c.setCategoryIncluded(QStringLiteral("tomcat-access-logs"), false);
    QCOMPARE(c.includedFileCount(), all - access);
    QVERIFY(c.includedBytes() < allBytes);
    QCOMPARE(c.request().collection.excludeCategories,
             QStringList{QStringLiteral("tomcat-access-logs")});
    // The plan still lists them (the tree shows them unticked).
    QCOMPARE(c.plan()->inventory.files.size(), all);
    c.setCategoryIncluded(QStringLiteral("tomcat-access-logs"), true);
    QCOMPARE(c.includedFileCount(), all);
    c.setFileIncluded(c.plan()->inventory.files.first().sourcePath, false);
    QCOMPARE(c.includedFileCount(), all - 1);
    QCOMPARE(c.request().excludeFiles.size(), 1);
}

void TestWizardController::previewCountsEqualTheBuiltBundle() {
    ui::WizardController c;
    chooseSample(c);
    c.setCategoryIncluded(QStringLiteral("tomcat-access-logs"), false);
    c.setTerms({QStringLiteral("Caesium")});
    QSignalSpy previewed(&c, &ui::WizardController::previewReady);
    c.startPreview();
    QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, 60000);
    QVERIFY(c.lastJobThread() != nullptr && c.lastJobThread() != QThread::currentThread());
    const auto totals = c.preview()->totals;
    QVERIFY(totals[static_cast<std::size_t>(core::scrub::Category::Custom)] > 0);
    for (const auto& f : c.preview()->files) {
        QVERIFY(f.category != QStringLiteral("tomcat-access-logs"));
    }
    QTemporaryDir out;
    c.request().outputPath = out.path();
    c.request().consent.name = QStringLiteral("Jana Admin");
    c.request().consent.email = QStringLiteral("jana@example.com");
    QSignalSpy built(&c, &ui::WizardController::buildFinished);
    c.startBuild();
    QVERIFY(c.isBuilding());
    QTRY_COMPARE_WITH_TIMEOUT(built.count(), 1, 60000);
    QVERIFY(c.lastJobThread() != QThread::currentThread());
    core::scrub::CategoryCounts inBundle{};
    QVERIFY(testing::manifestFindings(c.summary()->bundlePath, &inBundle));
    QCOMPARE(inBundle, totals);
}

void TestWizardController::cancelledBuildLeavesNothing() {
    // Big enough that the job is still learning when the first progress report has travelled
    // to this thread and the cancel back (the CLI's interrupt test does the same).
    fixtures::SampleOptions big;
    big.mainLogBytes = 32 * 1024 * 1024;
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("big")), big);
    QVERIFY(sample);
    ui::WizardController c;
    chooseSample(c, *sample);
    QTemporaryDir out;
    c.request().outputPath = out.path();
    c.request().consent.name = QStringLiteral("Jana Admin");
    c.request().consent.email = QStringLiteral("jana@example.com");
    // Cancel as soon as the job reports its first stage.
    connect(&c, &ui::WizardController::buildProgress, &c, [&c] { c.cancelBuild(); });
    QSignalSpy failed(&c, &ui::WizardController::buildFailed);
    QSignalSpy built(&c, &ui::WizardController::buildFinished);
    c.startBuild();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QCOMPARE(failed.first().at(1).toBool(), true); // cancelled, not an error
    QCOMPARE(built.count(), 0);
    QVERIFY(c.summary() == nullptr);
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestWizardController::testLineShowsTheScrubbedResult() {
    ui::WizardController c;
    c.request().vaultDir = m_dir.filePath(QStringLiteral("vault"));
    const QString line = QStringLiteral("mail for jana.novak@example.com via Caesium");
    QVERIFY(c.scrubTestLine(line).contains(QStringLiteral("Caesium")));
    QSignalSpy rules(&c, &ui::WizardController::rulesChanged);
    c.setTerms({QStringLiteral("Caesium")});
    QCOMPARE(rules.count(), 1);
    const QString scrubbed = c.scrubTestLine(line);
    QVERIFY(!scrubbed.contains(QStringLiteral("Caesium")));
    QVERIFY(!scrubbed.contains(QStringLiteral("jana.novak")));
    QVERIFY(scrubbed.startsWith(QStringLiteral("mail for ")));
    c.setAction(core::scrub::Category::Person, core::scrub::Action::Redact);
    QVERIFY(c.scrubTestLine(line).contains(QStringLiteral("[REDACTED")));
}

void TestWizardController::scrubAndKeepEverywhereRerunThePreview() {
    ui::WizardController c;
    chooseSample(c);
    QSignalSpy ready(&c, &ui::WizardController::previewReady);
    c.startPreview();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    const auto custom = static_cast<std::size_t>(core::scrub::Category::Custom);
    QCOMPARE(c.preview()->totals[custom], 0);
    c.addTerm(QStringLiteral("Caesium"));
    QVERIFY(c.preview() == nullptr); // the old counts no longer apply
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
    const qint64 scrubbed = c.preview()->totals[custom];
    QVERIFY(scrubbed > 0);
    c.addTerm(QStringLiteral("Caesium")); // already there: nothing to re-run
    QVERIFY(c.preview() != nullptr);
    c.addKeep(QStringLiteral("Caesium"));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, 60000);
    QCOMPARE(c.request().keep, QStringList{QStringLiteral("Caesium")});
    QCOMPARE(c.preview()->totals[custom], 0); // kept wins over the term
}

void TestWizardController::supportZipIsPlannedAndPreviewedOutsideTheWorkingDirectory() {
    const QString zip = m_dir.filePath(QStringLiteral("support.zip"));
    auto sample = fixtures::generateSupportZip(zip, {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    QTemporaryDir cwd;
    const QString oldCwd = QDir::currentPath();
    QDir::setCurrent(cwd.path());
    ui::WizardController c;
    c.request().vaultDir = m_dir.filePath(QStringLiteral("vault"));
    c.chooseSourcePath(zip);
    QCOMPARE(c.request().sourcePath, zip);
    QVERIFY(c.request().installDir.isEmpty());
    QSignalSpy planned(&c, &ui::WizardController::planReady);
    c.loadPlan();
    QTRY_COMPARE_WITH_TIMEOUT(planned.count(), 1, 30000);
    QVERIFY(c.includedFileCount() > 3);
    QSignalSpy ready(&c, &ui::WizardController::previewReady);
    c.startPreview();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QVERIFY(c.preview()->files.size() > 3);
    QDir::setCurrent(oldCwd);
    QCOMPARE(QDir(cwd.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

QTEST_GUILESS_MAIN(TestWizardController)
#include "tst_wizardcontroller.moc"
