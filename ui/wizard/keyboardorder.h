// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard use of the wizard pages: an explicit Tab order (the order the page reads in, not
// the order its widgets happened to be created in) and names a screen reader says.
#pragma once

#include <QList>

#include <initializer_list>

class QAbstractButton;
class QWidget;

namespace supportzip::ui {

// Tab moves through `widgets` in this order (Shift+Tab back); then on to the wizard's buttons.
void setTabChain(const QList<QWidget*>& widgets);

// Names buttons and check boxes after their label, without the mnemonic '&' and the ellipsis.
void nameAfterText(std::initializer_list<QAbstractButton*> buttons);

} // namespace supportzip::ui
