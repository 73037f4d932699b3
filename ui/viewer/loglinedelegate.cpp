// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/loglinedelegate.h"

#include "viewer/logfilemodel.h"
#include "viewer/logview.h"

#include <QApplication>
#include <QPainter>

namespace supportzip::ui {

namespace {
constexpr int kPadding = 6;
}

int LogLineDelegate::textStart(const QFontMetrics& metrics, int rowCount) {
    const int digits = static_cast<int>(QString::number(std::max(rowCount, 9999)).size());
    return metrics.horizontalAdvance(QString(digits, u'9')) + 2 * kPadding;
}

int LogLineDelegate::columnAt(const QFontMetrics& metrics, const QString& text, int x) {
    // Binary search on the advance of prefixes: exact for proportional fallback glyphs too.
    int lo = 0;
    int hi = static_cast<int>(text.size());
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (metrics.horizontalAdvance(text.left(mid)) <= x) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

void LogLineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    painter->save();
    const QPalette& palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        painter->fillRect(option.rect, palette.brush(QPalette::Highlight));
    }
    const QFontMetrics metrics(option.font);
    const int rows = index.model()->rowCount();
    const int gutter = textStart(metrics, rows);
    const QRect gutterRect(option.rect.left(), option.rect.top(), gutter - kPadding,
                           option.rect.height());
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(gutterRect, Qt::AlignRight | Qt::AlignVCenter,
                      QString::number(index.data(LogFileModel::LineNumberRole).toInt()));

    const QString text = index.data(Qt::DisplayRole).toString();
    const int x0 = option.rect.left() + gutter;
    const auto highlights = index.data(LogFileModel::HighlightsRole).value<Highlights>();
    for (const Highlight& h : highlights) {
        const int left = metrics.horizontalAdvance(text.left(h.start));
        const int width = metrics.horizontalAdvance(text.mid(h.start, h.length));
        painter->fillRect(QRect(x0 + left, option.rect.top(), width, option.rect.height()),
                          categoryColor(h.category));
    }
    painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const int baseline =
        option.rect.top() + (option.rect.height() + metrics.ascent() - metrics.descent()) / 2;
    QString shown = text;
    const qint64 omitted = index.data(LogFileModel::OmittedBytesRole).toLongLong();
    if (omitted > 0) {
        shown += QStringLiteral("  … (%1 more bytes not shown)").arg(omitted);
    }
    painter->drawText(QPoint(x0, baseline), shown);
    // The view's text selection, inverted so it shows on a highlighted row and on findings.
    const auto* view = qobject_cast<const LogView*>(option.widget);
    const LogView::TextSelection s = view ? view->textSelection() : LogView::TextSelection{};
    if (s.row == index.row() && s.length > 0) {
        const QString part = text.mid(s.start, s.length);
        const int left = x0 + metrics.horizontalAdvance(text.left(s.start));
        painter->fillRect(
            QRect(left, option.rect.top(), metrics.horizontalAdvance(part), option.rect.height()),
            palette.color(QPalette::Text));
        painter->setPen(palette.color(QPalette::Base));
        painter->drawText(QPoint(left, baseline), part);
    }
    painter->restore();
}

QSize LogLineDelegate::sizeHint(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    const QFontMetrics metrics(option.font);
    const auto* model = qobject_cast<const LogFileModel*>(index.model());
    const int chars = model ? model->widestLoadedLine() + 40 : 200;
    return {textStart(metrics, index.model()->rowCount()) + metrics.horizontalAdvance(u'M') * chars,
            metrics.height() + 2};
}

} // namespace supportzip::ui
