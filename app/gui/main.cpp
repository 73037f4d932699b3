// SPDX-License-Identifier: GPL-3.0-or-later
// supportzip-gui: the desktop application for admins.
#include "logging/logging.h"
#include "startwindow.h"

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("supportzip"));
    QApplication::setOrganizationName(QStringLiteral("supportzip"));
    QApplication::setApplicationVersion(QStringLiteral(SUPPORTZIP_VERSION));
    const QString logFile = supportzip::core::logging::setupForGui();
    const auto window = supportzip::gui::createStartWindow(QApplication::arguments(), logFile);
    window->show();
    return QApplication::exec();
}
