// SPDX-License-Identifier: GPL-3.0-or-later
// The dry-run preview against the bundle it previews: same request, same counts, file by file.
#include "pipeline/collectjob.h"
#include "pipeline/filescrub.h"
#include "pipeline/previewjob.h"
#include "samplegen.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip;
using core::pipeline::CollectRequest;

class TestPreviewJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewCountsEqualManifestCounts();
    void writesNothingAndNeedsNoConsent();
    void excludedFileIsLeftOutWithReason();
    void scrubLinePlacesFindings();
    void linesOfMultiLineSecretsReadAsInTheBundle();
    void cancelledPreviewReportsCancelled();

private:
    CollectRequest request(const QString& out) const;
    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
};

void TestPreviewJob::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    m_sample = *sample;
}

CollectRequest TestPreviewJob::request(const QString& out) const {
    CollectRequest r;
    r.installDir = m_sample.installDir;
    r.homeDir = m_sample.homeDir;
    r.outputPath = out;
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    // Any plain word of the sample's logs serves as the admin's custom term.
    r.terms = {QStringLiteral("Caesium")};
    r.collection.excludeCategories = {QStringLiteral("tomcat-access-logs")};
    r.created = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    return r;
}

void TestPreviewJob::previewCountsEqualManifestCounts() {
    const QString out = m_dir.filePath(QStringLiteral("bundle.zip"));
    auto preview = core::pipeline::PreviewJob(request(out)).run();
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().toString()));
    QVERIFY(preview->files.size() > 10);
    CollectRequest build = request(out);
    build.consent.name = QStringLiteral("Test Admin");
    build.consent.email = QStringLiteral("admin@example.com");
    auto summary = core::pipeline::CollectJob(build).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    QCOMPARE(summary->findings, preview->totals);
    // The same items left out, with the same reasons (thread dumps: not running, in both).
    QCOMPARE(summary->manifest.leftOut.size(),
             preview->plan.inventory.leftOut.size() + preview->skipped.size());
    QVERIFY(preview->totals[static_cast<std::size_t>(core::scrub::Category::Custom)] > 0);
    // File by file: every previewed file is a manifest member with the same counts and sizes;
    // the rest of the manifest is generated members, which carry no findings.
    QHash<QString, core::bundle::ManifestFile> byPath;
    for (const auto& f : summary->manifest.files) {
        byPath.insert(f.bundlePath, f);
    }
    for (const auto& f : preview->files) {
        QVERIFY2(byPath.contains(f.bundlePath), qPrintable(f.bundlePath));
        QCOMPARE(byPath.value(f.bundlePath).findings, f.findings);
        // Sizes are not compared: when two values collide on a pseudonym prefix (rare, key
        // dependent) which one gets the longer pseudonym depends on the order workers meet them.
        byPath.remove(f.bundlePath);
    }
    for (const auto& rest : std::as_const(byPath)) {
        QCOMPARE(rest.originalPath, QStringLiteral("(generated)"));
    }
}

void TestPreviewJob::writesNothingAndNeedsNoConsent() {
    QTemporaryDir out;
    auto preview = core::pipeline::PreviewJob(request(out.path())).run();
    QVERIFY(preview);
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
    QVERIFY(preview->bytesAfter() > 0);
}

void TestPreviewJob::excludedFileIsLeftOutWithReason() {
    auto all = core::pipeline::PreviewJob(request(m_dir.path())).run();
    QVERIFY(all);
    const core::pipeline::PreviewFile dropped = all->files.first();
    CollectRequest r = request(m_dir.path());
    r.excludeFiles = {dropped.sourcePath};
    auto fewer = core::pipeline::PreviewJob(r).run();
    QVERIFY(fewer);
    QCOMPARE(fewer->files.size(), all->files.size() - 1);
    bool listed = false;
    for (const auto& l : fewer->plan.inventory.leftOut) {
        listed |= l.sourcePath == dropped.sourcePath &&
                  l.reason == core::pipeline::excludedByAdminReason();
    }
    QVERIFY(listed);
    for (const auto& f : fewer->files) {
        QVERIFY(f.sourcePath != dropped.sourcePath);
    }
}

void TestPreviewJob::scrubLinePlacesFindings() {
    auto preview = core::pipeline::PreviewJob(request(m_dir.path())).run();
    QVERIFY(preview);
    const std::string line = "mail for jana.novak@example.com from 10.20.30.40 at Caesium ok";
    const auto scrubbed = preview->session->scrubLine(line);
    QVERIFY(scrubbed.marks.size() >= 3);
    QVERIFY(scrubbed.text.find("jana.novak") == std::string::npos);
    QVERIFY(scrubbed.text.find("10.20.30.40") == std::string::npos);
    QVERIFY(scrubbed.text.find("Caesium") == std::string::npos);
    QVERIFY2(scrubbed.text.starts_with("mail for "), scrubbed.text.c_str());
    QVERIFY(scrubbed.text.ends_with(" ok"));
    for (const auto& m : scrubbed.marks) {
        // Text between findings is unchanged, so each mark's surroundings line up.
        QCOMPARE(line.substr(m.inBegin - 1, 1), scrubbed.text.substr(m.outBegin - 1, 1));
        QCOMPARE(line.substr(m.inBegin + m.inLength, 1),
                 scrubbed.text.substr(m.outBegin + m.outLength, 1));
    }
    QCOMPARE(line.substr(scrubbed.marks.front().inBegin, 4), std::string("jana"));
    QCOMPARE(line.substr(scrubbed.marks.back().inBegin, scrubbed.marks.back().inLength),
             std::string("Caesium"));
    QCOMPARE(scrubbed.marks.back().category, core::scrub::Category::Custom);
}

// The viewer scrubs one line at a time; with what each line inherits (PreviewFile::carried) the
// lines of a PEM block, a wrapped license and a JSON header value come out as the bundle has them.
void TestPreviewJob::linesOfMultiLineSecretsReadAsInTheBundle() {
    const QString folder = m_dir.filePath(QStringLiteral("multiline"));
    QVERIFY(QDir().mkpath(folder));
    const QByteArray text =
        "2026-11-18 08:00:45,317+0000 main INFO [c.a.jira.startup] key follows\n"
        "  -----BEGIN RSA PRIVATE KEY-----\n"
        "MIIEowIBAAKCAQEAvery+secret+key+material+0123456789abcdef\n"
        "c2Vjb25kK2xpbmUrb2Yra2V5K21hdGVyaWFs\n"
        "-----END RSA PRIVATE KEY----- and after it 10.20.30.41\n"
        "<property name=\"atlassian.license.message\">AAABbQ0ODAoPeNp9kV1PwjAUhu/7K5p4\n"
        "nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F\n"
        "X02kq8FWeSzA2KM2dd</property>\n"
        "{\"name\": \"Authorization\",\n"
        "  \"value\": \"Basic amlyYTpzZWNyZXQ=\"}\n"
        "mail to jana.novak@northwind-logistics.example, done\n";
    QFile log(folder + QStringLiteral("/atlassian-jira.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(text);
    log.close();
    CollectRequest r;
    r.sourcePath = folder;
    r.outputPath = m_dir.path();
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    auto preview = core::pipeline::PreviewJob(r).run();
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().toString()));
    const auto file = std::find_if(preview->files.begin(), preview->files.end(), [](auto& f) {
        return f.sourcePath.endsWith(QStringLiteral("atlassian-jira.log"));
    });
    QVERIFY(file != preview->files.end());
    QVERIFY(!file->carried.empty());
    // The bundle's text of this file, as the build writes it.
    const auto planned =
        std::find_if(preview->plan.inventory.files.begin(), preview->plan.inventory.files.end(),
                     [&](auto& f) { return f.sourcePath == file->sourcePath; });
    const QString staged = m_dir.filePath(QStringLiteral("multiline.staged"));
    auto bundled = core::pipeline::scrubCollectedFile(*planned, preview->session->engine(), staged,
                                                      0, nullptr);
    QVERIFY(bundled);
    QFile stagedFile(staged);
    QVERIFY(stagedFile.open(QIODevice::ReadOnly));
    const QByteArray expected = stagedFile.readAll();
    // Line by line, with the carried states, as the viewer does.
    QByteArray viewed;
    std::int64_t number = 0;
    int removed = 0;
    for (const QByteArray& line : text.chopped(1).split('\n')) {
        ++number;
        core::scrub::CarriedState entry;
        for (const auto& [at, state] : file->carried) {
            if (at == number) {
                entry = state;
            }
        }
        const auto scrubbed = preview->session->scrubLine(line.toStdString(), entry);
        removed += scrubbed.removed ? 1 : 0;
        if (!scrubbed.removed) {
            viewed += QByteArray::fromStdString(scrubbed.text) + '\n';
        }
    }
    QCOMPARE(viewed, expected);
    QCOMPARE(removed, 2); // the key's two inner lines; its END line keeps what follows it
    QVERIFY(!expected.contains("nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F"));
    QVERIFY(!expected.contains("amlyYTpzZWNyZXQ="));
    // Without them, the old line-by-line view would have shown the key and the license.
    QVERIFY(preview->session->scrubLine("c2Vjb25kK2xpbmUrb2Yra2V5K21hdGVyaWFs").text ==
            "c2Vjb25kK2xpbmUrb2Yra2V5K21hdGVyaWFs");
}

void TestPreviewJob::cancelledPreviewReportsCancelled() {
    core::pipeline::PreviewJob job(request(m_dir.path()));
    job.requestCancel();
    auto preview = job.run();
    QVERIFY(!preview);
    QCOMPARE(preview.error().code, core::ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestPreviewJob)
#include "tst_previewjob.moc"
