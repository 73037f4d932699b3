// SPDX-License-Identifier: GPL-3.0-or-later
// The masked password question for an encrypted bundle, window-modal and asynchronous (open(),
// never exec()): the caller connects textValueSelected and rejected. Also used by the wizard's
// callers that need a bundle password once.
#pragma once

#include <QString>

class QInputDialog;
class QWidget;

namespace supportzip::ui {

// objectName "bundlePasswordDialog"; deletes itself when closed. `problem` (e.g. "the password
// does not open this bundle") is shown above the question when a retry is asked for.
QInputDialog* makePasswordDialog(QWidget* parent, const QString& bundleName,
                                 const QString& problem = {});

} // namespace supportzip::ui
