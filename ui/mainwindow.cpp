// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "wizard/collectwizard.h"
#include "wizard/wizardcontroller.h"

#include <QDesktopServices>
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

} // namespace supportzip::ui
