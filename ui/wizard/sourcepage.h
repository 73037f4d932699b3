// SPDX-License-Identifier: GPL-3.0-or-later
// Page 1: what to collect from: an installation found on this machine, or a support zip or a
// folder of logs (button, drag and drop, or the command line).
#pragma once

#include "discovery/installation.h"

#include <QWizardPage>

class QLabel;
class QTreeWidget;

namespace supportzip::ui {

class WizardController;

class SourcePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcePage)
public:
    explicit SourcePage(WizardController* controller, QWidget* parent = nullptr);

    void setInstallations(const QList<core::discovery::Installation>& installations);
    bool isComplete() const override;

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void openZip();
    void openFolder();
    void showChosen();

    WizardController* m_controller;
    QList<core::discovery::Installation> m_installations;
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_chosen = nullptr;
};

} // namespace supportzip::ui
