// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/encryptionbox.h"

#include "bundle/bundleencryption.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace supportzip::ui {

EncryptionBox::EncryptionBox(QWidget* parent)
    : QGroupBox(tr("&Encrypt the bundle with a password (AES-256)"), parent) {
    setObjectName(QStringLiteral("encryptBox"));
    setCheckable(true);
    setAccessibleName(title().remove(u'&'));
    setChecked(false);
    auto* form = new QFormLayout(this);
    const auto masked = [this, form](const QString& label, const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1StringView(name));
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &EncryptionBox::updateProblem);
        return edit;
    };
    m_password = masked(tr("&Password:"), "passwordEdit");
    m_confirm = masked(tr("Con&firm password:"), "passwordConfirmEdit");
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("passwordProblem"));
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    auto* hint = new QLabel(tr("Every file in the bundle, the manifest with your consent included, "
                               "is encrypted. Give the password to the recipient another way "
                               "(phone, a separate message), never with the bundle."),
                            this);
    hint->setWordWrap(true);
    form->addRow(hint);
    connect(this, &QGroupBox::toggled, this, &EncryptionBox::updateProblem);
    updateProblem();
}

QString EncryptionBox::problem() const {
    if (!isChecked()) {
        return {};
    }
    if (auto ok = core::bundle::checkNewPassword(password()); !ok) {
        return ok.error().message;
    }
    if (m_password->text() != m_confirm->text()) {
        return tr("the two passwords differ");
    }
    return {};
}

core::Secret EncryptionBox::password() const {
    if (!isChecked()) {
        return {};
    }
    QString text = m_password->text();
    return core::Secret::takeText(text);
}

void EncryptionBox::clear() {
    m_password->clear();
    m_confirm->clear();
}

void EncryptionBox::updateProblem() {
    const QString why = problem();
    m_problem->setText(why.isEmpty() ? QString() : tr("To encrypt: %1.").arg(why));
    Q_EMIT changed();
}

QList<QWidget*> EncryptionBox::focusChain() {
    return {this, m_password, m_confirm};
}

} // namespace supportzip::ui
