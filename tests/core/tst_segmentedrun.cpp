// SPDX-License-Identifier: GPL-3.0-or-later
// A large log is scrubbed in segments on all cores. The result must be exactly that of reading
// the file in one piece, also where a segment boundary falls inside a PEM block, a wrapped
// license or a JSON value still to come; the learning pass must learn the same values; and the
// segments' deflate parts must join into one member that reads back as the whole text.
#include "bundle/bundlereader.h"
#include "bundle/deflatedmember.h"
#include "pipeline/collectjob.h"
#include "pipeline/previewjob.h"
#include "pipeline/scrubsession.h"
#include "pipeline/segmentedrun.h"
#include "samplegen.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <zlib.h>

#include <mutex>

using namespace supportzip;
using namespace supportzip::core::pipeline;
namespace collect = supportzip::core::collect;
namespace scrub = supportzip::core::scrub;

namespace {

// Ordinary log lines (users, IPs, hosts to learn and replace) between multi-line values that a
// small segment size is sure to cut: a PEM key, a license wrapped in XML, HAR name/value pairs.
QByteArray logWithMultilineValues() {
    QByteArray text;
    for (int i = 0; i < 40; ++i) {
        const QByteArray n = QByteArray::number(i);
        text += "2026-11-20 08:00:" + n.rightJustified(2, '0') + ",317+0000 http-nio-8080-exec-" +
                n + " url: /browse/OPS-" + n + "; user: jnovak" + n + " INFO jnovak" + n +
                " 480x1412x2 - 198.51.100." + n +
                " /rest/api/2/issue [c.a.jira.issue.IssueManager] loaded\n";
        text += "\tat com.atlassian.jira.issue.DefaultIssueManager.getIssue("
                "DefaultIssueManager.java:" +
                n + ")\n";
        if (i % 10 == 3) {
            text += "-----BEGIN RSA PRIVATE KEY-----\n";
            for (int k = 0; k < 12; ++k) {
                text += "MIIEowIBAAKCAQEAsecretkeymaterial" + n + "x" + QByteArray::number(k) +
                        "abcdefghijklmnopqrstuvwxyz0123456789\n";
            }
            text += "-----END RSA PRIVATE KEY----- trailing note for jnovak" + n + "\n";
        }
        if (i % 10 == 6) {
            text += "<property name=\"atlassian.license.message\">AAABbQ0ODAoPeNp9kV1Pw" + n +
                    "jAUhu7KLicenseFirstLine\n";
            text += "nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2" + n + "\n";
            text += "X02ksLicenseLastLine" + n + "</property>\n";
        }
        if (i % 10 == 8) {
            text += "      {\n        \"name\": \"Authorization\",\n";
            text +=
                "        \"value\": \"Bearer eyJhbGciOiJIUzI1NiJ9.secret" + n + "\"\n      },\n";
        }
    }
    return text;
}

// Writes `bytes` to `path`; returns the path, or empty when it cannot be written.
QString writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? path : QString();
}

collect::CollectedFile fileAt(const QString& path) {
    collect::CollectedFile f;
    f.sourcePath = path;
    f.relativePath = QStringLiteral("log/atlassian-jira.log");
    f.root = QStringLiteral("home");
    f.category = QStringLiteral("application-logs");
    f.bundlePath = QStringLiteral("application-logs/atlassian-jira.log");
    f.size = QFileInfo(path).size();
    return f;
}

struct PassResult {
    QByteArray text;
    scrub::CategoryCounts counts{};
    std::size_t learned = 0;
    int carriedStarts = 0; // segments scrubbed again from a carried state
};

// Learning and scrubbing pass over the files under one plan, as the pipeline runs them.
PassResult runPasses(const QList<collect::CollectedFile>& files, qint64 segmentBytes,
                     const QString& vaultDir) {
    CollectRequest request;
    request.vaultDir = vaultDir;
    auto session = ScrubSession::create(request);
    Q_ASSERT(session);
    const WorkPlan work(files, 0, segmentBytes);
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    core::ProgressThrottle none({});
    (*session)->learn(files, work, pool, nullptr, none);
    std::vector<QByteArray> outputs(work.items().size());
    std::mutex mutex;
    PassResult pass;
    const auto results = runWorkPlan(
        pool, work,
        [&](std::size_t index, const WorkItem& item,
            const scrub::StreamScrubber::SegmentStart& start) -> WorkResult {
            if (!start.state.isDefault()) {
                const std::lock_guard lock(mutex);
                ++pass.carriedStarts;
            }
            QBuffer out(&outputs[index]);
            out.open(QIODevice::WriteOnly | QIODevice::Truncate);
            return scrubItem(files, work, item, (*session)->engine(), &out, start, nullptr);
        });
    for (const QByteArray& part : outputs) {
        pass.text += part;
    }
    auto combined = combineItems(work, 0, results);
    Q_ASSERT(combined);
    pass.counts = combined->stats.counts;
    pass.learned = (*session)->learnedCount();
    return pass;
}

} // namespace

class TestSegmentedRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plansContiguousSegmentsOnLineStarts();
    void leavesGzipUtf16BinaryAndSmallFilesWhole();
    void segmentsStartWithinTheSizeLimit();
    void segmentsGiveTheWholeFileResult_data();
    void segmentsGiveTheWholeFileResult();
    void deflatePartsJoinIntoOneStream();
    void segmentedBundleHoldsWhatAWholeReadHolds();
};

void TestSegmentedRun::plansContiguousSegmentsOnLineStarts() {
    QTemporaryDir dir;
    const QByteArray text = logWithMultilineValues();
    const QString path = writeFile(dir.filePath(QStringLiteral("a.log")), text);
    QVERIFY(!path.isEmpty());
    const ReadPlan plan = planRead(fileAt(path), 0, 1000);
    QVERIFY(!plan.whole);
    QVERIFY(plan.segments.size() > 5);
    QCOMPARE(plan.segments.front().offset, qint64(0));
    qint64 next = 0;
    for (const FileSegment& s : plan.segments) {
        QCOMPARE(s.offset, next); // no gap, no overlap
        QVERIFY(s.length > 0);
        QVERIFY(s.offset == 0 || text[s.offset - 1] == '\n'); // starts on a line
        next = s.offset + s.length;
    }
    QCOMPARE(next, qint64(text.size()));
}

void TestSegmentedRun::leavesGzipUtf16BinaryAndSmallFilesWhole() {
    QTemporaryDir dir;
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        QFile f(dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    };
    const QByteArray text = logWithMultilineValues();
    QVERIFY(planRead(fileAt(write(QStringLiteral("small.log"), text)), 0, text.size()).whole);
    QByteArray utf16("\xFF\xFE", 2);
    utf16 += text;
    QVERIFY(planRead(fileAt(write(QStringLiteral("utf16.log"), utf16)), 0, 1000).whole);
    QByteArray binary = text;
    binary[100] = '\0';
    QVERIFY(planRead(fileAt(write(QStringLiteral("bin.log"), binary)), 0, 1000).whole);
    collect::CollectedFile gz = fileAt(write(QStringLiteral("x.log.gz"), text));
    gz.gzip = true;
    QVERIFY(planRead(gz, 0, 1000).whole);
    QVERIFY(planRead(fileAt(write(QStringLiteral("never.log"), text)), 0, -1).whole);
    // and the control: the same text, plain, is split
    QVERIFY(!planRead(fileAt(write(QStringLiteral("plain.log"), text)), 0, 1000).whole);
}

void TestSegmentedRun::segmentsStartWithinTheSizeLimit() {
    QTemporaryDir dir;
    const QByteArray text = logWithMultilineValues();
    const QString path = writeFile(dir.filePath(QStringLiteral("a.log")), text);
    QVERIFY(!path.isEmpty());
    const qint64 limit = text.size() / 2;
    const ReadPlan plan = planRead(fileAt(path), limit, 1000);
    QVERIFY(!plan.whole);
    QVERIFY(plan.truncated);
    const qint64 begin = plan.segments.front().offset;
    QVERIFY(begin >= text.size() - limit);
    QCOMPARE(text[begin - 1], '\n'); // the newest part starts on a line, as a whole read does
    QCOMPARE(plan.segments.back().offset + plan.segments.back().length, qint64(text.size()));
}

void TestSegmentedRun::segmentsGiveTheWholeFileResult_data() {
    QTest::addColumn<qint64>("segmentBytes");
    for (qint64 bytes : {64, 97, 300, 1000, 4096}) {
        QTest::addRow("%lld bytes", static_cast<long long>(bytes)) << bytes;
    }
}

void TestSegmentedRun::segmentsGiveTheWholeFileResult() {
    QFETCH(qint64, segmentBytes);
    QTemporaryDir dir;
    const QString path =
        writeFile(dir.filePath(QStringLiteral("atlassian-jira.log")), logWithMultilineValues());
    QVERIFY(!path.isEmpty());
    const QList<collect::CollectedFile> files{fileAt(path)};
    const QString vault = dir.filePath(QStringLiteral("vault"));
    const PassResult whole = runPasses(files, -1, vault);
    const PassResult cut = runPasses(files, segmentBytes, vault);
    // The reference really scrubbed: secrets and people gone, diagnostics kept.
    QVERIFY(!whole.text.contains("secretkeymaterial"));
    QVERIFY(!whole.text.contains("LicenseLastLine"));
    QVERIFY(!whole.text.contains("eyJhbGciOiJIUzI1NiJ9"));
    QVERIFY(!whole.text.contains("jnovak7"));
    QVERIFY(whole.text.contains("DefaultIssueManager.java:7)"));
    QVERIFY(whole.text.contains("[REDACTED:pem-block]"));
    if (cut.text != whole.text) {
        const auto a = whole.text.split('\n');
        const auto b = cut.text.split('\n');
        for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
            if (a[i] != b[i]) {
                qWarning("line %lld:\n%s\n%s", static_cast<long long>(i), a[i].constData(),
                         b[i].constData());
                break;
            }
        }
    }
    QCOMPARE(cut.text, whole.text);
    QVERIFY(cut.counts == whole.counts);
    QCOMPARE(cut.learned, whole.learned);
    QCOMPARE(whole.carriedStarts, 0);
    QVERIFY2(cut.carriedStarts > 0 || segmentBytes > 1000,
             "small segments must cut a multi-line value and restart from its state");
}

void TestSegmentedRun::deflatePartsJoinIntoOneStream() {
    QTemporaryDir dir;
    const QByteArray text = logWithMultilineValues().repeated(20);
    core::bundle::DeflatedMember member;
    QByteArray joined;
    const qsizetype step = text.size() / 4 + 1;
    for (qsizetype at = 0; at < text.size(); at += step) {
        const bool last = at + step >= text.size();
        core::bundle::DeflateSink sink(dir.filePath(QString::number(at)),
                                       last ? core::bundle::DeflateSink::Ending::Final
                                            : core::bundle::DeflateSink::Ending::SyncFlush,
                                       true);
        QVERIFY(sink.start());
        QCOMPARE(sink.write(text.mid(at, step)), std::min(step, text.size() - at));
        auto part = sink.finish();
        QVERIFY(part);
        member.append(*part);
        QFile p(part->path);
        QVERIFY(p.open(QIODevice::ReadOnly));
        joined += p.readAll();
    }
    QCOMPARE(member.parts.size(), 4);
    QCOMPARE(member.size, qint64(text.size()));
    QCOMPARE(member.compressedSize, qint64(joined.size()));
    QVERIFY(member.compressedSize < member.size / 5);
    QCOMPARE(member.crc,
             static_cast<quint32>(crc32(0, reinterpret_cast<const Bytef*>(text.constData()),
                                        static_cast<uInt>(text.size()))));
    // One raw inflate over the concatenation gives the whole text back.
    z_stream z{};
    QCOMPARE(inflateInit2(&z, -MAX_WBITS), Z_OK);
    QByteArray out(text.size() + 16, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(joined.data());
    z.avail_in = static_cast<uInt>(joined.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    QCOMPARE(inflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(static_cast<qsizetype>(z.total_out));
    inflateEnd(&z);
    QCOMPARE(out, text);
}

void TestSegmentedRun::segmentedBundleHoldsWhatAWholeReadHolds() {
    QTemporaryDir dir;
    auto sample = fixtures::generateInstallation(dir.filePath(QStringLiteral("sample")), {});
    QVERIFY2(sample, sample ? "" : qPrintable(sample.error()));
    const auto collectWith = [&](qint64 segmentBytes, const QString& name) {
        CollectRequest r;
        r.installDir = sample->installDir;
        r.homeDir = sample->homeDir;
        r.outputPath = dir.filePath(name);
        r.vaultDir = dir.filePath(QStringLiteral("vault"));
        r.consent.name = QStringLiteral("Test Admin");
        r.consent.email = QStringLiteral("admin@example.com");
        r.created = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
        r.segmentBytes = segmentBytes;
        r.threads = 2;
        r.systemFacts = [](const core::discovery::Installation&) {
            return QStringLiteral("os: test\n"); // free disk space would differ between runs
        };
        return CollectJob(r).run();
    };
    auto whole = collectWith(-1, QStringLiteral("whole.zip"));
    QVERIFY2(whole, whole ? "" : qPrintable(whole.error().toString()));
    auto cut = collectWith(2048, QStringLiteral("cut.zip"));
    QVERIFY2(cut, cut ? "" : qPrintable(cut.error().toString()));
    // Same members, same SHA-256 of the scrubbed text, same findings: only the compressed
    // bytes differ (sync-flush points between segments).
    QCOMPARE(cut->manifest.files.size(), whole->manifest.files.size());
    int multiSegment = 0;
    for (qsizetype i = 0; i < whole->manifest.files.size(); ++i) {
        const auto& a = whole->manifest.files[i];
        const auto& b = cut->manifest.files[i];
        QCOMPARE(b.bundlePath, a.bundlePath);
        QVERIFY2(b.sha256 == a.sha256, qPrintable(a.bundlePath));
        QCOMPARE(b.sizeAfter, a.sizeAfter);
        QVERIFY(b.findings == a.findings);
        multiSegment += a.sizeBefore > 4096 ? 1 : 0;
    }
    QVERIFY(multiSegment > 0);
    // The reader (hostile-safe, CRC-checked) reads every joined member back.
    auto reader = core::bundle::BundleReader::open(cut->bundlePath);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().toString()));
    for (const auto& f : cut->manifest.files) {
        auto bytes = (*reader)->read(f.bundlePath, qint64(64) << 20);
        QVERIFY2(bytes, qPrintable(f.bundlePath));
        QCOMPARE(bytes->size(), f.sizeAfter);
    }
}

QTEST_GUILESS_MAIN(TestSegmentedRun)
#include "tst_segmentedrun.moc"
