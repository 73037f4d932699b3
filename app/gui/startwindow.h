// SPDX-License-Identifier: GPL-3.0-or-later
// Which window the GUI starts with: `supportzip-gui BUNDLE.zip` (or --review) opens the review
// window, --unmask the unmask window, anything else the admin's main window.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

namespace supportzip::gui {

std::unique_ptr<QWidget> createStartWindow(const QStringList& arguments, const QString& logFile);

} // namespace supportzip::gui
