// SPDX-License-Identifier: GPL-3.0-or-later
// supportzip-gui: the desktop application for admins.
#include "logging/logging.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("supportzip"));
    QApplication::setOrganizationName(QStringLiteral("supportzip"));
    QApplication::setApplicationVersion(QStringLiteral(SUPPORTZIP_VERSION));
    const QString logFile = supportzip::core::logging::setupForGui();
    // supportzip-gui [SOURCE]: an installation folder, a support zip or a folder of logs.
    const QStringList args = QApplication::arguments();
    supportzip::ui::MainWindow window(logFile, args.size() > 1 ? args.at(1) : QString());
    window.show();
    return QApplication::exec();
}
