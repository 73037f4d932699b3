// SPDX-License-Identifier: GPL-3.0-or-later
// Page 7: where the bundle is, its size and SHA-256, show it in its folder, copy a summary for
// the ticket, where the local mapping is kept and how to unmask support's reply.
#pragma once

#include <QWizardPage>

class QLabel;

namespace supportzip::ui {

class WizardController;

class DonePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonePage)
public:
    explicit DonePage(WizardController* controller, QWidget* parent = nullptr);

    void initializePage() override;
    // "Send to ticket…": the send dialog for the bundle just written (modeless).
    void openSendDialog();
    QString summaryText() const;

private:
    WizardController* m_controller;
    QLabel* m_details = nullptr;
};

} // namespace supportzip::ui
