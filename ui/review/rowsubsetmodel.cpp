// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/rowsubsetmodel.h"

namespace supportzip::ui {

RowSubsetModel::RowSubsetModel(QObject* parent)
    : QAbstractListModel(parent) {
}

void RowSubsetModel::setSource(LogFileModel* source, QList<int> rows) {
    beginResetModel();
    m_source = source;
    m_rows = std::move(rows);
    endResetModel();
}

int RowSubsetModel::sourceRow(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row] : -1;
}

int RowSubsetModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_source ? 0 : static_cast<int>(m_rows.size());
}

QVariant RowSubsetModel::data(const QModelIndex& index, int role) const {
    if (!m_source || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    return m_source->data(m_source->index(m_rows[index.row()]), role);
}

} // namespace supportzip::ui
