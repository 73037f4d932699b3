// SPDX-License-Identifier: GPL-3.0-or-later
// Page 3: how each category is scrubbed (remove, pseudonym, keep) in plain words; the admin's
// own terms and allow-list; a test line that shows the result as you type.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace supportzip::ui {

class WizardController;

class ScrubbingPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScrubbingPage)
public:
    explicit ScrubbingPage(WizardController* controller, QWidget* parent = nullptr);

    void initializePage() override;

private:
    QWidget* buildCategories();
    void listsEdited();
    void updateTestResult();

    WizardController* m_controller;
    QPlainTextEdit* m_terms = nullptr;
    QPlainTextEdit* m_keep = nullptr;
    QLineEdit* m_testLine = nullptr;
    QLabel* m_testResult = nullptr;
    bool m_editing = false;
};

} // namespace supportzip::ui
