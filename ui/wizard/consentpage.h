// SPDX-License-Identifier: GPL-3.0-or-later
// Page 5: what leaves the machine in numbers, to whom, for which ticket, by whom, and the exact
// statement the manifest records, and optionally a password to encrypt the bundle with. Nothing
// is written before the box is ticked.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace supportzip::ui {

class EncryptionBox;
class WizardController;

class ConsentPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsentPage)
public:
    explicit ConsentPage(WizardController* controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateStatement();

    WizardController* m_controller;
    QLabel* m_numbers = nullptr;
    QLineEdit* m_recipient = nullptr;
    QLineEdit* m_ticket = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_email = nullptr;
    QDateEdit* m_deleteBy = nullptr;
    QLineEdit* m_outputDir = nullptr;
    QLabel* m_statement = nullptr;
    EncryptionBox* m_encryption = nullptr;
    QCheckBox* m_agree = nullptr;
};

} // namespace supportzip::ui
