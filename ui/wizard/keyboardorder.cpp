// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/keyboardorder.h"

#include <QAbstractButton>
#include <QWidget>

namespace supportzip::ui {

void setTabChain(const QList<QWidget*>& widgets) {
    QWidget* previous = nullptr;
    for (QWidget* w : widgets) {
        if (previous != nullptr) {
            QWidget::setTabOrder(previous, w);
        }
        previous = w;
    }
}

void nameAfterText(std::initializer_list<QAbstractButton*> buttons) {
    for (QAbstractButton* b : buttons) {
        QString name = b->text();
        // "&&" is a literal ampersand; a single '&' marks the mnemonic.
        name.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
        name.remove(u'&').replace(u'\x01', u'&');
        name.remove(u'…');
        b->setAccessibleName(name.trimmed());
    }
}

} // namespace supportzip::ui
