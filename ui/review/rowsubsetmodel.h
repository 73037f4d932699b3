// SPDX-License-Identifier: GPL-3.0-or-later
// A filtered view of a LogFileModel that stays lazy: it holds only the row numbers that pass
// (computed off the GUI thread by core::review::filterRows) and asks the source for those lines
// when they are shown. A QSortFilterProxyModel would read every line to filter.
#pragma once

#include "viewer/logfilemodel.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace supportzip::ui {

class RowSubsetModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowSubsetModel)
public:
    explicit RowSubsetModel(QObject* parent = nullptr);

    void setSource(LogFileModel* source, QList<int> rows);
    int sourceRow(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QPointer<LogFileModel> m_source;
    QList<int> m_rows;
};

} // namespace supportzip::ui
