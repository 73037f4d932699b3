// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/passworddialog.h"

#include <QInputDialog>
#include <QLineEdit>

namespace supportzip::ui {

QInputDialog* makePasswordDialog(QWidget* parent, const QString& bundleName,
                                 const QString& problem) {
    auto* dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("bundlePasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(QInputDialog::tr("Encrypted bundle"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    const QString question =
        QInputDialog::tr("%1 is encrypted (AES-256). Password:").arg(bundleName);
    dialog->setLabelText(problem.isEmpty() ? question : problem + u'\n' + question);
    return dialog;
}

} // namespace supportzip::ui
