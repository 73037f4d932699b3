// SPDX-License-Identifier: GPL-3.0-or-later
// One bundle member in the lazy log viewer, with the reviewer's helpers: find in the file, jump
// to the next or previous ERROR/WARN, and filter by level, thread and time range. A filter is
// computed off the GUI thread as a list of row numbers and shown through RowSubsetModel; choosing
// a filtered line shows it in the whole file.
#pragma once

#include "review/rowfilter.h"
#include "viewer/logfilemodel.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;

namespace supportzip::ui {

class LogView;
class RowSubsetModel;

class MemberViewer final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberViewer)
public:
    explicit MemberViewer(QWidget* parent = nullptr);
    ~MemberViewer() override;

    // localPath: the private copy; member: its name in the bundle (shown, and in signals).
    void openFile(const QString& localPath, const QString& member, int row = -1);
    void close();
    const QString& member() const { return m_member; }
    LogView* logView() const { return m_view; }
    LogFileModel* model() const { return m_model; }
    RowSubsetModel* filteredModel() const { return m_filtered; }

    void goToLine(int row);
    void nextProblem(bool backward = false);
    void applyFilter(const core::review::RowFilter& filter);
    void clearFilter();
    bool isFiltered() const;

Q_SIGNALS:
    void tokenActivated(const QString& token, const QString& member, int row);
    void filterFinished(int rows);
    void status(const QString& message);

private:
    QWidget* buildFindBar();
    QWidget* buildFilterBar();
    void applyFilterFromControls();
    void filterDone();
    void cancelFilter();

    QString m_member;
    QString m_localPath;
    int m_pendingRow = -1;
    LogFileModel* m_model = nullptr;
    LogView* m_view = nullptr;
    RowSubsetModel* m_filtered = nullptr;
    QListView* m_filteredView = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLineEdit* m_find = nullptr;
    QCheckBox* m_findRegex = nullptr;
    QComboBox* m_level = nullptr;
    QLineEdit* m_thread = nullptr;
    QCheckBox* m_useTime = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLabel* m_filterStatus = nullptr;
    std::shared_ptr<core::CancelToken> m_filterCancel;
    QFutureWatcher<core::Expected<QList<int>>> m_filterJob;
};

} // namespace supportzip::ui
