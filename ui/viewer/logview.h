// SPDX-License-Identifier: GPL-3.0-or-later
// A list view over a LogFileModel: monospace lines with a line-number gutter and the highlights
// painted in their category colours; go to a line, search and step through highlights without
// blocking (searches run on a worker thread); double-click a word to act on it (e.g. follow a
// pseudonym through the bundle).
#pragma once

#include "viewer/logfilemodel.h"

#include <QFutureWatcher>
#include <QListView>

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

Q_SIGNALS:
    void searchFinished(int row);
    void tokenActivated(const QString& token, int row);
    void currentLineChanged(int row);

protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    void startSearch(QFuture<int> future);
    LogFileModel* m_model = nullptr;
    QFutureWatcher<int> m_search;
    int m_layoutWidth = 0;
};

} // namespace supportzip::ui
