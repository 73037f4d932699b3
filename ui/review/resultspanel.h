// SPDX-License-Identifier: GPL-3.0-or-later
// Search results and the occurrences of a followed pseudonym: file, line and text; activating one
// (Enter or double-click) opens that file at that line.
#pragma once

#include "review/bundlesearch.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace supportzip::ui {

class ResultsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPanel)
public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    void setBusy(const QString& title);
    void setResults(const QString& title, const core::review::SearchResult& result);
    void setMessage(const QString& message);
    int resultCount() const;
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void resultActivated(const QString& member, qint64 line); // line is 1-based

private:
    QLabel* m_title = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace supportzip::ui
