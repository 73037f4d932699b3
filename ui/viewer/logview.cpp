// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/logview.h"

#include "viewer/loglinedelegate.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QScrollBar>

namespace supportzip::ui {

namespace {

bool isTokenDelimiter(QChar c) {
    static const QString delimiters = QStringLiteral(" \"'<>(),;=[]{}|`");
    return c.isSpace() || delimiters.contains(c);
}

} // namespace

LogView::LogView(QWidget* parent)
    : QListView(parent) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setUniformItemSizes(true); // one row height: the view never measures a million rows
    setItemDelegate(new LogLineDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setLayoutMode(QListView::Batched);
    setBatchSize(512);
    connect(&m_search, &QFutureWatcher<int>::finished, this, [this]() {
        if (m_search.isCanceled()) {
            return;
        }
        const int row = m_search.result();
        if (row >= 0) {
            goToLine(row);
        }
        Q_EMIT searchFinished(row);
    });
}

LogView::~LogView() {
    m_search.waitForFinished();
}

void LogView::setLogModel(LogFileModel* model) {
    m_model = model;
    setModel(model);
    m_layoutWidth = 0;
}

void LogView::goToLine(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        return;
    }
    const QModelIndex index = m_model->index(row);
    setCurrentIndex(index);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

int LogView::currentLine() const {
    return currentIndex().isValid() ? currentIndex().row() : -1;
}

void LogView::startSearch(QFuture<int> future) {
    m_search.setFuture(future);
}

void LogView::find(const QString& text, bool regex, bool backward) {
    if (!m_model || text.isEmpty()) {
        return;
    }
    QRegularExpression pattern(regex ? text : QRegularExpression::escape(text),
                               QRegularExpression::CaseInsensitiveOption);
    if (!pattern.isValid()) {
        Q_EMIT searchFinished(-1);
        return;
    }
    startSearch(m_model->findAsync(pattern, currentLine(),
                                   backward ? LogFileModel::Direction::Backward
                                            : LogFileModel::Direction::Forward));
}

void LogView::nextHighlight() {
    if (m_model) {
        startSearch(m_model->findAsync({}, currentLine(), LogFileModel::Direction::Forward, true));
    }
}

void LogView::previousHighlight() {
    if (m_model) {
        const int from = currentLine() < 0 ? m_model->rowCount() : currentLine();
        startSearch(m_model->findAsync({}, from, LogFileModel::Direction::Backward, true));
    }
}

QString LogView::tokenAt(const QPoint& viewportPos) const {
    const QModelIndex index = indexAt(viewportPos);
    if (!m_model || !index.isValid()) {
        return {};
    }
    const QString text = m_model->lineText(index.row());
    const QFontMetrics metrics(font());
    const int x = viewportPos.x() - visualRect(index).left() -
                  LogLineDelegate::textStart(metrics, m_model->rowCount());
    const int column = LogLineDelegate::columnAt(metrics, text, x);
    if (x < 0 || column >= text.size() || isTokenDelimiter(text[column])) {
        return {};
    }
    qsizetype b = column;
    qsizetype e = column;
    while (b > 0 && !isTokenDelimiter(text[b - 1])) {
        --b;
    }
    while (e < text.size() && !isTokenDelimiter(text[e])) {
        ++e;
    }
    // A redaction marker is a token with its brackets: "[REDACTED:password]".
    if (b > 0 && text[b - 1] == u'[' && e < text.size() && text[e] == u']' &&
        text.mid(b, 8) == QLatin1StringView("REDACTED")) {
        --b;
        ++e;
    }
    // Trailing punctuation of a sentence is not part of a host or user name.
    while (e > b && (text[e - 1] == u'.' || text[e - 1] == u':')) {
        --e;
    }
    return text.mid(b, e - b);
}

void LogView::mouseDoubleClickEvent(QMouseEvent* event) {
    QListView::mouseDoubleClickEvent(event);
    const QString token = tokenAt(event->position().toPoint());
    if (!token.isEmpty()) {
        Q_EMIT tokenActivated(token, indexAt(event->position().toPoint()).row());
    }
}

void LogView::paintEvent(QPaintEvent* event) {
    QListView::paintEvent(event);
    // Lines are measured only as they are loaded: widen the scroll area when a wider one shows.
    if (m_model && m_model->widestLoadedLine() > m_layoutWidth) {
        m_layoutWidth = m_model->widestLoadedLine();
        scheduleDelayedItemsLayout();
    }
}

void LogView::currentChanged(const QModelIndex& current, const QModelIndex& previous) {
    QListView::currentChanged(current, previous);
    Q_EMIT currentLineChanged(current.isValid() ? current.row() : -1);
}

} // namespace supportzip::ui
