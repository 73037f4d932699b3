// SPDX-License-Identifier: GPL-3.0-or-later
// Paints one log line: the line number in a gutter, highlight backgrounds, then the text.
#pragma once

#include <QStyledItemDelegate>

namespace supportzip::ui {

class LogLineDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Where the text starts, after the gutter sized for the model's line count.
    static int textStart(const QFontMetrics& metrics, int rowCount);
    // Character index in `text` at x pixels from where the text starts.
    static int columnAt(const QFontMetrics& metrics, const QString& text, int x);
};

} // namespace supportzip::ui
