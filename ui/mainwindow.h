// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's main window. For now it lists the installations discovery finds and offers the
// Help menu; the collection wizard, preview and review window are their own issues.
#pragma once

#include "discovery/installation.h"

#include <QList>
#include <QMainWindow>

class QLabel;
class QTreeWidget;

namespace supportzip::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QString logFilePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Replaces the list of installations shown (discovery runs off the GUI thread).
    void setInstallations(const QList<core::discovery::Installation>& installations);

private:
    void buildMenus();
    void refreshInstallations();

    QString m_logFilePath;
    QTreeWidget* m_installations = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace supportzip::ui
