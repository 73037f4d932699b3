// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "ledgerwindow/ledgerwindow.h"
#include "review/reviewwindow.h"
#include "unmask/unmaskwindow.h"
#include "wizard/collectwizard.h"
#include "wizard/wizardcontroller.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QUrl>

namespace supportzip::ui {

MainWindow::MainWindow(QString logFilePath, const QString& source, QWidget* parent)
    : QMainWindow(parent)
    , m_logFilePath(std::move(logFilePath)) {
    setWindowTitle(tr("supportzip"));
    setObjectName(QStringLiteral("mainWindow"));
    m_controller = new WizardController(this);
    m_wizard = new CollectWizard(m_controller, this);
    m_wizard->setWindowFlags(Qt::Widget); // a page of the window, not a dialog of its own
    setCentralWidget(m_wizard);
    // Finish (or Escape) ends the wizard; as a dialog it would only hide itself.
    connect(m_wizard, &QDialog::finished, this, &QWidget::close);
    buildMenus();
    restoreGeometry(QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray());
    m_controller->startDetection();
    if (!source.isEmpty()) {
        m_controller->chooseSourcePath(source);
    }
}

MainWindow::~MainWindow() {
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* refresh = file->addAction(tr("&Refresh installations"), m_controller,
                                       &WizardController::startDetection);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    QAction* openBundle = file->addAction(tr("&Open bundle for review…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a supportzip bundle"),
                                                          QString(), tr("Bundles (*.zip)"));
        if (!path.isEmpty()) {
            auto* review = new ReviewWindow;
            review->setAttribute(Qt::WA_DeleteOnClose);
            review->show();
            review->openBundle(path);
        }
    });
    openBundle->setObjectName(QStringLiteral("openBundleAction"));
    openBundle->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* records = menuBar()->addMenu(tr("&Records"));
    QAction* unmask = records->addAction(tr("&Unmask a support reply…"), this, [this] {
        showToolWindow(new UnmaskWindow(m_controller->request().vaultDir));
    });
    unmask->setObjectName(QStringLiteral("unmaskAction"));
    QAction* ledger = records->addAction(tr("&Ledger: what was sent, to whom…"), this, [this] {
        showToolWindow(new LedgerWindow(m_controller->request().vaultDir));
    });
    ledger->setObjectName(QStringLiteral("ledgerAction"));
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

void MainWindow::showToolWindow(QWidget* window) {
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(window->metaObject()->className());
    window->show();
}

} // namespace supportzip::ui
