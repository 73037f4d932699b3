// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "discovery/discovery.h"

#include <QDesktopServices>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {

MainWindow::MainWindow(QString logFilePath, QWidget* parent)
    : QMainWindow(parent)
    , m_logFilePath(std::move(logFilePath)) {
    setWindowTitle(tr("supportzip"));
    setObjectName(QStringLiteral("mainWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* intro = new QLabel(tr("Installations found on this machine. supportzip collects their "
                                "diagnostic files, removes secrets and personal data, and writes "
                                "a bundle you can review before it is sent."),
                             central);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_installations = new QTreeWidget(central);
    m_installations->setObjectName(QStringLiteral("installationList"));
    m_installations->setAccessibleName(tr("Installations"));
    m_installations->setHeaderLabels(
        {tr("Product"), tr("Version"), tr("Install folder"), tr("Home folder")});
    m_installations->setRootIsDecorated(false);
    m_installations->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_installations);
    m_status = new QLabel(tr("Looking for installations…"), central);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    layout->addWidget(m_status);
    setCentralWidget(central);
    buildMenus();
    restoreGeometry(QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray());
    refreshInstallations();
}

MainWindow::~MainWindow() {
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* refresh =
        file->addAction(tr("&Refresh installations"), this, &MainWindow::refreshInstallations);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* log = help->addAction(tr("Open &log file"), this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_logFilePath));
    });
    log->setObjectName(QStringLiteral("openLogAction"));
    log->setEnabled(!m_logFilePath.isEmpty());
    help->addAction(tr("&About supportzip"), this, [this] {
        QMessageBox::about(this, tr("About supportzip"),
                           tr("supportzip %1\nSanitized support bundles for Jira and Confluence.")
                               .arg(QStringLiteral(SUPPORTZIP_VERSION)));
    });
}

void MainWindow::refreshInstallations() {
    // Discovery reads files and may touch slow network mounts: never on the GUI thread.
    auto* watcher = new QFutureWatcher<QList<core::discovery::Installation>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        setInstallations(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([] { return core::discovery::detectInstallations(); }));
}

void MainWindow::setInstallations(const QList<core::discovery::Installation>& installations) {
    m_installations->clear();
    for (const auto& inst : installations) {
        auto* item = new QTreeWidgetItem(m_installations);
        item->setText(0, inst.productName + (inst.dataCenter ? tr(" (Data Center)") : QString()));
        item->setText(1, inst.version);
        item->setText(2, inst.installDir);
        item->setText(3, inst.homeDir);
    }
    m_status->setText(
        installations.isEmpty()
            ? tr("No installation found. Use the command line with --install and --home, "
                 "or open an existing support zip (coming in the wizard).")
            : tr("%n installation(s) found.", nullptr, static_cast<int>(installations.size())));
}

} // namespace supportzip::ui
