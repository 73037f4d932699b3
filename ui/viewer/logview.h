// SPDX-License-Identifier: GPL-3.0-or-later
// A list view over a LogFileModel: monospace lines with a line-number gutter and the highlights
// painted in their category colours; go to a line, search and step through highlights without
// blocking (searches run on a worker thread); double-click a word to act on it (e.g. follow a
// pseudonym through the bundle). Text within one line can be selected with the mouse or
// Shift+arrows and copied; the selection is view state over the lazy model (nothing but the
// visible lines is ever loaded), and actions added to the view act on it from its context menu.
#pragma once

#include "viewer/logfilemodel.h"

#include <QFutureWatcher>
#include <QListView>

class QMenu;

namespace supportzip::ui {

class LogView final : public QListView {
    Q_OBJECT
public:
    explicit LogView(QWidget* parent = nullptr);
    ~LogView() override;

    void setLogModel(LogFileModel* model);
    LogFileModel* logModel() const { return m_model; }

    // 0-based row; selects it and scrolls it to the centre.
    void goToLine(int row);
    int currentLine() const;

    // Searches from the current line on; moves there and emits searchFinished(row), or
    // searchFinished(-1) when nothing matches. A new search replaces one still running.
    void find(const QString& text, bool regex = false, bool backward = false);
    void nextHighlight();
    void previousHighlight();
    bool isSearching() const { return m_search.isRunning(); }

    // The word (token) under a point in the viewport: what a double-click activates.
    QString tokenAt(const QPoint& viewportPos) const;

    // Selection of characters [start, start + length) of one displayed line; empty: row -1.
    struct TextSelection {
        int row = -1;
        int start = 0;
        int length = 0;
    };
    TextSelection textSelection() const;
    QString selectedText() const;
    void selectText(int row, int start, int length);
    void clearTextSelection();
    // Copy, then the actions added to this view (e.g. "Scrub selection everywhere"). The caller
    // owns the menu; the context menu shows it.
    QMenu* createContextMenu(QWidget* parent);

Q_SIGNALS:
    void searchFinished(int row);
    void tokenActivated(const QString& token, int row);
    void currentLineChanged(int row);
    void textSelectionChanged(const QString& selected);

protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    void startSearch(QFuture<int> future);
    // Character column of a viewport x in row's displayed text (clamped to the line).
    int columnAt(int row, int viewportX) const;
    bool moveSelectionCursor(const QKeyEvent* event);
    void setSelection(int row, int anchor, int cursor);
    void copySelection() const;
    LogFileModel* m_model = nullptr;
    QFutureWatcher<int> m_search;
    int m_layoutWidth = 0;
    int m_selectionRow = -1;
    int m_selectionAnchor = 0; // where the selection started (column)
    int m_selectionCursor = 0; // where it ends, moved by the mouse or Shift+arrows
    bool m_selecting = false;  // the left button is down after a press on a line
};

} // namespace supportzip::ui
