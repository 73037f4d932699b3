// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/resultspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace supportzip::ui {

ResultsPanel::ResultsPanel(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(tr("Search the bundle, or double-click a pseudonym to follow it."), this);
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("resultsList"));
    m_tree->setAccessibleName(tr("Results"));
    m_tree->setHeaderLabels({tr("File"), tr("Line"), tr("Text")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_title->setBuddy(m_tree);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT resultActivated(item->text(0), item->data(1, Qt::UserRole).toLongLong());
    });
}

void ResultsPanel::setBusy(const QString& title) {
    m_tree->clear();
    m_title->setText(title);
}

void ResultsPanel::setMessage(const QString& message) {
    m_tree->clear();
    m_title->setText(message);
}

void ResultsPanel::setResults(const QString& title, const core::review::SearchResult& result) {
    m_tree->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(result.hits.size());
    QSet<QString> files;
    for (const core::review::SearchHit& hit : result.hits) {
        auto* item =
            new QTreeWidgetItem({hit.member, QString::number(hit.line), hit.text.trimmed()});
        item->setData(1, Qt::UserRole, hit.line);
        items.append(item);
        files.insert(hit.member);
    }
    m_tree->addTopLevelItems(items);
    QString text =
        tr("%1: %n occurrence(s)", nullptr, static_cast<int>(result.hits.size())).arg(title) +
        tr(" in %n file(s)", nullptr, static_cast<int>(files.size()));
    if (result.truncated) {
        text += tr(" (stopped at %1; narrow the search)").arg(result.hits.size());
    }
    m_title->setText(text);
}

int ResultsPanel::resultCount() const {
    return m_tree->topLevelItemCount();
}

} // namespace supportzip::ui
