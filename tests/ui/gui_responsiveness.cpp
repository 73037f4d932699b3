// SPDX-License-Identifier: GPL-3.0-or-later
// gui-responsiveness [MAIN_LOG_MIB]: measures how long the GUI thread goes without running its
// event loop while the wizard previews and builds a large generated installation. A 20 ms timer
// records the longest gap between its ticks; the bar is 100 ms. A tool, not a unit test
// (timed tests are not reliable on a loaded machine); the tests assert the structure instead
// (the jobs run on another thread).
#include "discovery/discovery.h"
#include "mainwindow.h"
#include "samplegen.h"
#include "wizard/wizardcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace supportzip;

namespace {

struct GapMeter {
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 maxGap = 0;

    GapMeter() {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
        });
    }
    void start() {
        clock.start();
        last = 0;
        maxGap = 0;
        timer.start();
    }
};

// Runs the event loop until the signal fires; returns the seconds it took and the longest gap.
template <typename Signal>
void measure(const char* what, ui::WizardController* c, Signal done,
             const std::function<void()>& start) {
    GapMeter meter;
    QEventLoop loop;
    QObject::connect(c, done, &loop, &QEventLoop::quit);
    meter.start();
    start();
    loop.exec();
    std::printf("%-8s %6.1f s   longest GUI-thread gap %4lld ms (timer every 20 ms)\n", what,
                static_cast<double>(meter.clock.elapsed()) / 1000.0, meter.maxGap);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const qint64 mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 256;
    QTemporaryDir work;
    fixtures::SampleOptions options;
    options.mainLogBytes = mib * 1024 * 1024;
    std::printf("generating a sample installation with a %lld MiB main log...\n", mib);
    auto sample = fixtures::generateInstallation(work.filePath(QStringLiteral("sample")), options);
    if (!sample) {
        std::fprintf(stderr, "%s\n", qPrintable(sample.error()));
        return 1;
    }
    ui::MainWindow window{QString()};
    window.show();
    auto* c = window.controller();
    c->request().vaultDir = work.filePath(QStringLiteral("vault"));
    c->request().outputPath = work.path();
    c->request().consent.name = QStringLiteral("Measuring Admin");
    c->request().consent.email = QStringLiteral("admin@example.com");
    c->chooseInstallation(*core::discovery::describeInstallation(sample->installDir, {}));
    measure("plan", c, &ui::WizardController::planReady, [c] { c->loadPlan(); });
    measure("preview", c, &ui::WizardController::previewReady, [c] { c->startPreview(); });
    measure("build", c, &ui::WizardController::buildFinished, [c] { c->startBuild(); });
    return 0;
}
