// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark over a generated Jira installation whose main log is grown to --size (default 1G):
//   1. the scrubber alone (learning + scrubbing pass, output discarded), single-threaded;
//   2. the whole collection (read -> scrub -> compress -> write the bundle) with 1 thread and
//      with all cores;
//   3. Info-ZIP zip -6 over the same raw files (no scrubbing), and the bundle issue's targets;
// reporting MB/s of input and the process's peak RSS. Usage:
//   bench_collect [--size 1G] [--dir DIR] [--keep]
#include "benchutil.h"
#include "collect/inventory.h"
#include "discovery/discovery.h"
#include "logging/logging.h"
#include "pipeline/collectjob.h"
#include "pipeline/filescrub.h"
#include "samplegen.h"
#include "scrub/knownvalues.h"
#include "scrub/pseudonymizer.h"
#include "scrub/rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace supportzip;
namespace collect = supportzip::core::collect;

namespace {

qint64 inputBytes(const collect::Inventory& inv) {
    qint64 total = 0;
    for (const auto& f : inv.files) {
        total += f.size;
    }
    return total;
}

void report(const char* what, qint64 bytes, qint64 ms) {
    std::printf("%-44s %8.1f MB/s  (%lld MB in %.2f s)  peak RSS %.0f MiB\n", what,
                ms > 0 ? static_cast<double>(bytes) / 1e6 / (static_cast<double>(ms) / 1000.0)
                       : 0.0,
                static_cast<long long>(bytes / 1000000), static_cast<double>(ms) / 1000.0,
                bench::peakRssMiB());
    std::fflush(stdout);
}

// The scrubber alone over every collected file, single-threaded, output discarded.
void benchScrubberOnly(const collect::Inventory& inv) {
    auto rules = core::scrub::loadDefaultRules();
    core::scrub::Pseudonymizer pseudonymizer(QByteArray(32, 'b'));
    core::scrub::KnownValues known;
    const core::scrub::ScrubEngine learn{&*rules, &pseudonymizer, &known, nullptr};
    QElapsedTimer timer;
    timer.start();
    for (const auto& f : inv.files) {
        (void)core::pipeline::scrubCollectedFile(f, learn, QString(), 0, nullptr);
    }
    report("learning pass, 1 thread", inputBytes(inv), timer.elapsed());
    const core::scrub::KnownValueMatcher matcher(known);
    const core::scrub::ScrubEngine engine{&*rules, &pseudonymizer, nullptr, &matcher};
    timer.restart();
    for (const auto& f : inv.files) {
        (void)core::pipeline::scrubCollectedFile(f, engine, QStringLiteral("/dev/null"), 0,
                                                 nullptr);
    }
    report("scrubbing pass, 1 thread", inputBytes(inv), timer.elapsed());
}

struct CollectRun {
    qint64 ms = 0;
    qint64 bundleSize = 0;
};

CollectRun benchCollect(const fixtures::SampleInstallation& s, const QString& dir, int threads,
                        qint64 bytes) {
    core::pipeline::CollectRequest r;
    r.installDir = s.installDir;
    r.homeDir = s.homeDir;
    r.outputPath = dir + QStringLiteral("/bench-%1.zip").arg(threads);
    r.vaultDir = dir + QStringLiteral("/vault");
    r.threads = threads;
    r.consent.name = QStringLiteral("Bench");
    r.consent.email = QStringLiteral("bench@example.com");
    QElapsedTimer timer;
    timer.start();
    auto summary = core::pipeline::CollectJob(r).run();
    const qint64 ms = timer.elapsed();
    if (!summary) {
        std::fprintf(stderr, "collect failed: %s\n", qPrintable(summary.error().toString()));
        return {};
    }
    const QByteArray label =
        QStringLiteral("end to end (collect -> bundle), %1 thread(s)").arg(threads).toUtf8();
    report(label.constData(), bytes, ms);
    std::printf("%-44s %lld MB (ratio %.1fx)\n", "  bundle size",
                static_cast<long long>(summary->bundleSize / 1000000),
                static_cast<double>(bytes) /
                    static_cast<double>(std::max<qint64>(1, summary->bundleSize)));
    QFile::remove(summary->bundlePath);
    return {ms, summary->bundleSize};
}

// Info-ZIP's zip -6 over the same raw files, no scrubbing: the yardstick of the bundle issue.
CollectRun benchInfoZip(const collect::Inventory& inv, const QString& dir, qint64 bytes) {
    const QString zip = QStandardPaths::findExecutable(QStringLiteral("zip"));
    if (zip.isEmpty()) {
        std::printf("%-44s (zip is not installed: apt install zip)\n", "Info-ZIP zip -6");
        return {};
    }
    const QString out = dir + QStringLiteral("/infozip.zip");
    QStringList args{QStringLiteral("-6"), QStringLiteral("-q"), QStringLiteral("-X"),
                     QStringLiteral("-j"), out};
    for (const auto& f : inv.files) {
        args << f.sourcePath;
    }
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(zip, args);
    p.waitForFinished(-1);
    const qint64 ms = timer.elapsed();
    const qint64 size = QFileInfo(out).size();
    report("Info-ZIP zip -6, same raw files, no scrub", bytes, ms);
    std::printf("%-44s %lld MB\n", "  zip size", static_cast<long long>(size / 1000000));
    QFile::remove(out);
    return {ms, size};
}

void reportTargets(const CollectRun& one, const CollectRun& all, const CollectRun& zip) {
    const auto ratio = [](qint64 a, qint64 b) {
        return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
    };
    const double scaling = ratio(one.ms, all.ms);
    std::printf("\ntargets (bundle issue):\n");
    std::printf("  all cores vs 1 thread        %.2fx   (target >= 1.80x)  %s\n", scaling,
                scaling >= 1.8 ? "met" : "NOT MET");
    if (zip.ms > 0) {
        const double time = ratio(all.ms, zip.ms);
        const double size = ratio(all.bundleSize, zip.bundleSize);
        std::printf("  time vs zip -6               %.2fx   (target <= 0.50x)  %s\n", time,
                    time <= 0.5 ? "met" : "NOT MET");
        std::printf("  size vs zip -6               %.2fx   (target <= 1.05x)  %s\n", size,
                    size <= 1.05 ? "met" : "NOT MET");
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("size"), QStringLiteral("Main log size (default 1G)."),
                      QStringLiteral("SIZE"), QStringLiteral("1G")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Work folder (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("verbose"), QStringLiteral("The pipeline's stage durations on stderr.")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("verbose"))) {
        core::logging::setupForCli(core::logging::Verbosity::Verbose);
    }
    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    fixtures::SampleOptions options;
    options.mainLogBytes = bench::parseSize(parser.value(QStringLiteral("size")));
    QElapsedTimer timer;
    timer.start();
    auto sample = fixtures::generateInstallation(dir + QStringLiteral("/sample"), options);
    if (!sample) {
        std::fprintf(stderr, "sample generation failed: %s\n", qPrintable(sample.error()));
        return 1;
    }
    auto inst = core::discovery::describeInstallation(sample->installDir, sample->homeDir);
    auto inv = collect::buildInventory(*inst, {}, nullptr);
    const qint64 bytes = inputBytes(*inv);
    std::printf("generated %lld MB in %lld files in %.1f s; %d cores\n",
                static_cast<long long>(bytes / 1000000), static_cast<long long>(inv->files.size()),
                static_cast<double>(timer.elapsed()) / 1000.0, QThread::idealThreadCount());
    benchScrubberOnly(*inv);
    const CollectRun one = benchCollect(*sample, dir, 1, bytes);
    const CollectRun all = benchCollect(*sample, dir, QThread::idealThreadCount(), bytes);
    const CollectRun zip = benchInfoZip(*inv, dir, bytes);
    reportTargets(one, all, zip);
    return 0;
}
