// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/logview.h"

#include "viewer/loglinedelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>
#include <cstdlib>

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
    clearTextSelection();
    connect(model, &QAbstractItemModel::modelReset, this, &LogView::clearTextSelection);
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
    const int column = columnAt(index.row(), viewportPos.x());
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

int LogView::columnAt(int row, int viewportX) const {
    const QFontMetrics metrics(font());
    const QRect rect = visualRect(m_model->index(row));
    const int x =
        viewportX - rect.left() - LogLineDelegate::textStart(metrics, m_model->rowCount());
    return x < 0 ? 0 : LogLineDelegate::columnAt(metrics, m_model->lineText(row), x);
}

LogView::TextSelection LogView::textSelection() const {
    if (m_selectionRow < 0 || m_selectionAnchor == m_selectionCursor) {
        return {};
    }
    const int start = std::min(m_selectionAnchor, m_selectionCursor);
    return {m_selectionRow, start, std::abs(m_selectionCursor - m_selectionAnchor)};
}

QString LogView::selectedText() const {
    const TextSelection s = textSelection();
    return s.row < 0 || !m_model ? QString() : m_model->lineText(s.row).mid(s.start, s.length);
}

void LogView::selectText(int row, int start, int length) {
    setSelection(row, start, start + length);
}

void LogView::clearTextSelection() {
    setSelection(-1, 0, 0);
}

void LogView::setSelection(int row, int anchor, int cursor) {
    const int width = m_model && row >= 0 ? static_cast<int>(m_model->lineText(row).size()) : 0;
    const QString before = selectedText();
    m_selectionRow = row;
    m_selectionAnchor = std::clamp(anchor, 0, width);
    m_selectionCursor = std::clamp(cursor, 0, width);
    viewport()->update();
    if (selectedText() != before) {
        Q_EMIT textSelectionChanged(selectedText());
    }
}

void LogView::copySelection() const {
    if (const QString text = selectedText(); !text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
    }
}

QMenu* LogView::createContextMenu(QWidget* parent) {
    auto* menu = new QMenu(parent);
    QAction* copy = menu->addAction(tr("&Copy"), this, &LogView::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!selectedText().isEmpty());
    if (!actions().isEmpty()) {
        menu->addSeparator();
        menu->addActions(actions());
    }
    return menu;
}

void LogView::contextMenuEvent(QContextMenuEvent* event) {
    std::unique_ptr<QMenu> menu(createContextMenu(nullptr));
    menu->exec(event->globalPos());
}

void LogView::mousePressEvent(QMouseEvent* event) {
    QListView::mousePressEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !m_model) {
        return;
    }
    if (!index.isValid()) {
        clearTextSelection();
        return;
    }
    const int column = columnAt(index.row(), event->position().toPoint().x());
    m_selecting = true;
    setSelection(index.row(), column, column);
}

void LogView::mouseMoveEvent(QMouseEvent* event) {
    // While selecting, the pointer only moves the end within the line it started on; the row
    // selection of the list must not follow it.
    if (m_selecting && (event->buttons() & Qt::LeftButton) && m_selectionRow >= 0) {
        setSelection(m_selectionRow, m_selectionAnchor,
                     columnAt(m_selectionRow, event->position().toPoint().x()));
        return;
    }
    QListView::mouseMoveEvent(event);
}

void LogView::mouseReleaseEvent(QMouseEvent* event) {
    m_selecting = false;
    QListView::mouseReleaseEvent(event);
}

bool LogView::moveSelectionCursor(const QKeyEvent* event) {
    const int row = currentLine();
    if (!m_model || row < 0) {
        return false;
    }
    const QString text = m_model->lineText(row);
    // Shift+arrows on a line without a selection start where it starts.
    const int anchor = m_selectionRow == row ? m_selectionAnchor : 0;
    int cursor = m_selectionRow == row ? m_selectionCursor : 0;
    if (event->matches(QKeySequence::SelectNextChar)) {
        ++cursor;
    } else if (event->matches(QKeySequence::SelectPreviousChar)) {
        --cursor;
    } else if (event->matches(QKeySequence::SelectNextWord)) {
        while (cursor < text.size() && isTokenDelimiter(text[cursor])) {
            ++cursor;
        }
        while (cursor < text.size() && !isTokenDelimiter(text[cursor])) {
            ++cursor;
        }
    } else if (event->matches(QKeySequence::SelectPreviousWord)) {
        while (cursor > 0 && isTokenDelimiter(text[cursor - 1])) {
            --cursor;
        }
        while (cursor > 0 && !isTokenDelimiter(text[cursor - 1])) {
            --cursor;
        }
    } else if (event->matches(QKeySequence::SelectStartOfLine)) {
        cursor = 0;
    } else if (event->matches(QKeySequence::SelectEndOfLine)) {
        cursor = static_cast<int>(text.size());
    } else {
        return false;
    }
    setSelection(row, anchor, cursor);
    return true;
}

void LogView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Copy) && !selectedText().isEmpty()) {
        copySelection();
        event->accept();
        return;
    }
    if (moveSelectionCursor(event)) {
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void LogView::mouseDoubleClickEvent(QMouseEvent* event) {
    QListView::mouseDoubleClickEvent(event);
    const QString token = tokenAt(event->position().toPoint());
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!token.isEmpty() && index.isValid()) {
        // The token becomes the selection too, ready for Copy or the context menu.
        const int column = columnAt(index.row(), event->position().toPoint().x());
        const QString text = m_model->lineText(index.row());
        const qsizetype start = text.lastIndexOf(token, column);
        if (start >= 0) {
            setSelection(index.row(), static_cast<int>(start),
                         static_cast<int>(start + token.size()));
        }
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
