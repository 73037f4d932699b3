// SPDX-License-Identifier: GPL-3.0-or-later
// Which window the GUI starts with: `supportzip-gui BUNDLE.zip` (or --review) opens the review
// window, --unmask the unmask window, anything else the admin's main window with its collection
// wizard (`supportzip-gui FOLDER` or `--collect SUPPORT-ZIP.zip` chooses the wizard's source).
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

namespace supportzip::gui {

std::unique_ptr<QWidget> createStartWindow(const QStringList& arguments, const QString& logFile);

} // namespace supportzip::gui
