// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's collection flow: Source -> Contents -> Scrubbing -> Preview -> Consent -> Build ->
// Done. The pages only show and edit; the controller holds the request and runs the jobs.
#pragma once

#include <QWizard>

namespace supportzip::ui {

class WizardController;

class CollectWizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectWizard)
public:
    enum PageId { Source, Contents, Scrubbing, Preview, Consent, Build, Done };

    explicit CollectWizard(WizardController* controller, QWidget* parent = nullptr);

    WizardController* controller() const { return m_controller; }

private:
    WizardController* m_controller;
};

} // namespace supportzip::ui
