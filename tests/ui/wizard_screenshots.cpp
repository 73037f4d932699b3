// SPDX-License-Identifier: GPL-3.0-or-later
// wizard-screenshots OUTDIR: renders every page of the collection wizard on a generated sample
// installation and saves one PNG per page (QWidget::grab works on the offscreen platform).
// Run by docs/screenshots/take.sh; not a test and not part of CI.
#include "discovery/discovery.h"
#include "mainwindow.h"
#include "samplegen.h"
#include "viewer/logview.h"
#include "wizard/collectwizard.h"
#include "wizard/wizardcontroller.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace supportzip;

namespace {

// Waits for a condition while events run; says so when it never came (the shot still goes on).
template <typename Pred> void waitFor(Pred pred, int timeoutMs = 5000) {
    if (!QTest::qWaitFor(pred, timeoutMs)) {
        qWarning("a step did not finish in time; the screenshot may show it unfinished");
    }
}

struct Shooter {
    ui::MainWindow* window;
    QString outDir;

    template <typename T> T* find(const char* name) const {
        return window->findChild<T*>(QLatin1StringView(name));
    }
    bool shoot(const QString& name, bool settle = true) const {
        if (settle) {
            QTest::qWait(50); // let layouts and the viewers' lazy reads settle before grabbing
        }
        const bool ok = window->grab().save(outDir + u'/' + name + QStringLiteral(".png"));
        qInfo("%s %s", qPrintable(name), ok ? "saved" : "FAILED");
        return ok;
    }
    bool next() const {
        QAbstractButton* b = window->wizard()->button(QWizard::NextButton);
        if (!b->isEnabled()) {
            return false;
        }
        b->click();
        return true;
    }
};

bool run(Shooter& s, const fixtures::SampleInstallation& sample, const QString& bundleDir) {
    auto* c = s.window->controller();
    auto inst = core::discovery::describeInstallation(sample.installDir, sample.homeDir);
    Q_EMIT c->installationsFound({*inst});
    auto* list = s.find<QTreeWidget>("installationList");
    list->setCurrentItem(list->topLevelItem(0));
    s.shoot(QStringLiteral("1-source"));
    s.next();
    waitFor([&] { return c->plan() != nullptr; }, 30000);
    auto* tree = s.find<QTreeWidget>("contentsTree");
    for (auto* item : tree->findItems(QStringLiteral("tomcat-access-logs"), Qt::MatchExactly)) {
        item->setCheckState(0, Qt::Unchecked);
    }
    tree->expandItem(tree->topLevelItem(0));
    s.shoot(QStringLiteral("2-contents"));
    s.next();
    s.find<QPlainTextEdit>("termsEdit")->setPlainText(QStringLiteral("Northwind\nCaesium"));
    s.find<QLineEdit>("testLineEdit")
        ->setText(QStringLiteral("2026-11-20 10:15:02 user: jana.novak from 10.20.30.40 via "
                                 "https://jira.northwind-logistics.example/browse/PAY-123"));
    s.shoot(QStringLiteral("3-scrubbing"));
    s.next();
    waitFor([&] { return c->preview() != nullptr; }, 60000);
    auto* files = s.find<QTreeWidget>("previewFiles");
    const auto logs =
        files->findItems(QStringLiteral("application-logs/atlassian-jira.log"), Qt::MatchExactly);
    if (!logs.isEmpty()) {
        files->setCurrentItem(logs.first());
    }
    auto* view = s.find<ui::LogView>("sanitizedView");
    waitFor([&] { return view->model()->rowCount() > 0; }, 10000);
    s.find<QPushButton>("nextFinding")->click();
    waitFor([&] { return view->currentLine() >= 0; }, 10000);
    // A finding in sight on the original side selected, ready to scrub or keep everywhere.
    auto* original = s.find<ui::LogView>("originalView");
    const int top = original->indexAt(QPoint(1, 1)).row();
    for (int row = std::max(top, 0); row < top + 30; ++row) {
        const auto marks = original->logModel()->lineHighlights(row);
        if (!marks.isEmpty() && marks.first().start + marks.first().length < 60) {
            original->selectText(row, marks.first().start, marks.first().length);
            break;
        }
    }
    s.shoot(QStringLiteral("4-preview"));
    s.next();
    s.find<QLineEdit>("outputDirEdit")->setText(bundleDir);
    s.find<QLineEdit>("recipientEdit")->setText(QStringLiteral("Example Vendor Support"));
    s.find<QLineEdit>("ticketEdit")->setText(QStringLiteral("SUP-123"));
    s.find<QLineEdit>("nameEdit")->setText(QStringLiteral("Jana Admin"));
    s.find<QLineEdit>("emailEdit")->setText(QStringLiteral("jana.admin@example.com"));
    s.find<QCheckBox>("consentCheck")->setChecked(true);
    s.shoot(QStringLiteral("5-consent"));
    bool shotBuild = false;
    QObject::connect(c, &ui::WizardController::buildProgress, s.window, [&](const QString& stage) {
        // Grabbed at once: the build moves on to Done while events run.
        if (!shotBuild && stage != QStringLiteral("discover")) {
            shotBuild = true;
            s.shoot(QStringLiteral("6-build"), false);
        }
    });
    s.next();
    waitFor([&] { return s.window->wizard()->currentId() == ui::CollectWizard::Done; }, 60000);
    return s.shoot(QStringLiteral("7-done"));
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's own settings or vault
    if (argc < 2) {
        qCritical("usage: wizard-screenshots OUTDIR");
        return 2;
    }
    QTemporaryDir work;
    auto sample = fixtures::generateInstallation(work.filePath(QStringLiteral("sample")), {});
    if (!sample) {
        qCritical("%s", qPrintable(sample.error()));
        return 1;
    }
    ui::MainWindow window{QString()};
    window.controller()->request().vaultDir = work.filePath(QStringLiteral("vault"));
    window.resize(1100, 760);
    // This machine's own discovery reports first; the sample is shown after it.
    QSignalSpy detected(window.controller(), &ui::WizardController::installationsFound);
    window.show();
    waitFor([&] { return detected.count() == 1; });
    Shooter shooter{&window, QDir(QString::fromLocal8Bit(argv[1])).absolutePath()};
    QDir().mkpath(work.filePath(QStringLiteral("bundles")));
    return run(shooter, *sample, work.filePath(QStringLiteral("bundles"))) ? 0 : 1;
}
