// SPDX-License-Identifier: GPL-3.0-or-later
// "Encrypt the bundle with a password" on the Consent page: a checkable group with a masked
// password and its confirmation. The rules (length) are the core's (bundleencryption.h); the
// password goes into the CollectRequest through WizardController::setBundlePassword.
#pragma once

#include "common/secret.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;

namespace supportzip::ui {

class EncryptionBox final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncryptionBox)
public:
    explicit EncryptionBox(QWidget* parent = nullptr);

    // Empty when unchecked, or checked with two equal passwords long enough; else what to fix.
    QString problem() const;
    // The password when checked (empty Secret otherwise); the fields keep it until clear().
    core::Secret password() const;
    // The box's check, then its two fields, for the page's Tab order.
    QList<QWidget*> focusChain();
    void clear();

Q_SIGNALS:
    void changed();

private:
    void updateProblem();

    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace supportzip::ui
