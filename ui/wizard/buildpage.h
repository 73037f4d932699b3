// SPDX-License-Identifier: GPL-3.0-or-later
// Page 6: the bundle is built on a worker thread: progress by stage and file, time left, and a
// Cancel that leaves nothing behind (the core removes its staging files).
#pragma once

#include <QElapsedTimer>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace supportzip::ui {

class WizardController;

class BuildPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildPage)
public:
    explicit BuildPage(WizardController* controller, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override; // Back while building cancels the build
    bool isComplete() const override;

private:
    void showProgress(const QString& stage, const QString& item, qint64 done, qint64 total);

    WizardController* m_controller;
    QLabel* m_stage = nullptr;
    QLabel* m_item = nullptr;
    QLabel* m_timeLeft = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QElapsedTimer m_stageClock;
    QString m_currentStage;
};

} // namespace supportzip::ui
