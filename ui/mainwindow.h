// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's main window: the collection wizard, a File menu and the Help menu (which opens the
// tool's own log file). The review window for support staff is its own issue.
#pragma once

#include <QMainWindow>

namespace supportzip::ui {

class CollectWizard;
class WizardController;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // source: optional path from the command line (installation folder, support zip, folder).
    explicit MainWindow(QString logFilePath, const QString& source = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    WizardController* controller() const { return m_controller; }
    CollectWizard* wizard() const { return m_wizard; }

private:
    void buildMenus();
    // Unmask and ledger windows: top-level, deleted when closed.
    void showToolWindow(QWidget* window);

    QString m_logFilePath;
    WizardController* m_controller = nullptr;
    CollectWizard* m_wizard = nullptr;
};

} // namespace supportzip::ui
