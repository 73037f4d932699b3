// SPDX-License-Identifier: GPL-3.0-or-later
// The lazy log viewer's cost on a big log: indexing speed (MB/s), the time to read a screenful
// of lines at random positions (what a scroll or a jump costs), and peak RSS, which must stay
// flat however big the file is.
//   bench_viewer [--size 1G] [--file existing.log]
#include "benchutil.h"
#include "text/lineindex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace supportzip;

namespace {

bool writeLog(const QString& path, qint64 size) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return false;
    }
    QRandomGenerator rng(7);
    QByteArray chunk;
    qint64 written = 0;
    qint64 n = 0;
    while (written < size) {
        chunk.clear();
        while (chunk.size() < (1 << 20)) {
            chunk += "2026-11-18 08:20:00,530+0000 http-nio-8080-exec-" +
                     QByteArray::number(rng.bounded(200)) +
                     " INFO jnovak 500x1x1 1xa2b3c 10.20.30.40 /rest/api/2/issue/SD-" +
                     QByteArray::number(++n) + " [c.a.jira.issue.IssueManager] " +
                     QByteArray(static_cast<int>(rng.bounded(120)), 'x') + '\n';
        }
        if (f.write(chunk) != chunk.size()) {
            return false;
        }
        written += chunk.size();
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("size"), QStringLiteral("Generated log size."),
                      QStringLiteral("SIZE"), QStringLiteral("1G")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("Index this file instead."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("file"));
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("big.log"));
        if (!writeLog(path, bench::parseSize(parser.value(QStringLiteral("size"))))) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    core::text::LineIndex index(path);
    QElapsedTimer timer;
    timer.start();
    if (auto built = index.build(); !built) {
        std::fprintf(stderr, "%s\n", qPrintable(built.error().toString()));
        return 1;
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double mb = static_cast<double>(index.indexedBytes()) / 1e6;
    std::printf("indexed %.0f MB, %lld lines in %.2f s: %.0f MB/s\n", mb,
                static_cast<long long>(index.lineCount()), seconds, mb / seconds);

    // A screenful (60 lines) at 1000 random places: the cost of a jump or a scroll.
    QRandomGenerator rng(11);
    std::vector<double> micros;
    for (int i = 0; i < 1000; ++i) {
        const qint64 first = static_cast<qint64>(
            rng.bounded(static_cast<quint64>(std::max<qint64>(1, index.lineCount()))));
        timer.restart();
        auto lines = index.readLines(first, 60);
        micros.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e3);
        if (!lines) {
            std::fprintf(stderr, "%s\n", qPrintable(lines.error().toString()));
            return 1;
        }
    }
    std::sort(micros.begin(), micros.end());
    std::printf("60 lines at a random position: median %.0f us, p99 %.0f us, max %.0f us\n",
                micros[micros.size() / 2], micros[micros.size() * 99 / 100], micros.back());
    std::printf("peak RSS %.1f MiB\n", bench::peakRssMiB());
    return 0;
}
