// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/memberviewer.h"

#include "review/pseudonymhighlight.h"
#include "review/rowsubsetmodel.h"
#include "viewer/loglinedelegate.h"
#include "viewer/logview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {
namespace {

QPushButton* button(const QString& text, const QString& name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

} // namespace

MemberViewer::MemberViewer(QWidget* parent)
    : QWidget(parent)
    , m_model(new LogFileModel(this))
    , m_filtered(new RowSubsetModel(this)) {
    m_model->setLineTransform(pseudonymTransform());
    m_view = new LogView(this);
    m_view->setObjectName(QStringLiteral("memberView"));
    m_view->setAccessibleName(tr("File content"));
    m_view->setLogModel(m_model);
    m_filteredView = new QListView(this);
    m_filteredView->setObjectName(QStringLiteral("filteredView"));
    m_filteredView->setAccessibleName(tr("Filtered lines"));
    m_filteredView->setUniformItemSizes(true);
    m_filteredView->setFont(m_view->font());
    m_filteredView->setItemDelegate(new LogLineDelegate(m_filteredView));
    m_filteredView->setModel(m_filtered);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_filteredView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildFindBar());
    layout->addWidget(buildFilterBar());
    layout->addWidget(m_stack, 1);
    connect(m_view, &LogView::tokenActivated, this,
            [this](const QString& token, int row) { Q_EMIT tokenActivated(token, m_member, row); });
    connect(m_view, &LogView::searchFinished, this, [this](int row) {
        Q_EMIT status(row < 0 ? tr("No further match in %1").arg(m_member) : QString());
    });
    connect(m_filteredView, &QListView::activated, this, [this](const QModelIndex& index) {
        const int row = m_filtered->sourceRow(index.row());
        clearFilter();
        goToLine(row);
    });
    connect(m_model, &LogFileModel::indexingFinished, this, [this] {
        if (m_pendingRow >= 0) {
            m_view->goToLine(std::exchange(m_pendingRow, -1));
        }
    });
    connect(m_model, &LogFileModel::openFailed, this, &MemberViewer::status);
    connect(&m_filterJob, &QFutureWatcher<core::Expected<QList<int>>>::finished, this,
            &MemberViewer::filterDone);
}

MemberViewer::~MemberViewer() {
    cancelFilter();
}

QWidget* MemberViewer::buildFindBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("F&ind in file:"), bar);
    m_find = new QLineEdit(bar);
    m_find->setObjectName(QStringLiteral("findInFileEdit"));
    m_find->setAccessibleName(tr("Find in this file"));
    label->setBuddy(m_find);
    m_findRegex = new QCheckBox(tr("Re&gex"), bar);
    m_findRegex->setObjectName(QStringLiteral("findInFileRegex"));
    auto* previous = button(tr("Previous"), QStringLiteral("findPreviousButton"), bar);
    auto* next = button(tr("Next"), QStringLiteral("findNextButton"), bar);
    auto* prevProblem = button(tr("◀ ERROR/WARN"), QStringLiteral("previousProblemButton"), bar);
    prevProblem->setToolTip(tr("Previous ERROR or WARN line (Shift+F8)"));
    prevProblem->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    auto* nextProblemButton = button(tr("ERROR/WARN ▶"), QStringLiteral("nextProblemButton"), bar);
    nextProblemButton->setToolTip(tr("Next ERROR or WARN line (F8)"));
    nextProblemButton->setShortcut(QKeySequence(Qt::Key_F8));
    for (QWidget* w : {static_cast<QWidget*>(label), static_cast<QWidget*>(m_find),
                       static_cast<QWidget*>(m_findRegex), static_cast<QWidget*>(previous),
                       static_cast<QWidget*>(next), static_cast<QWidget*>(prevProblem),
                       static_cast<QWidget*>(nextProblemButton)}) {
        row->addWidget(w, w == m_find ? 1 : 0);
    }
    const auto find = [this](bool backward) {
        m_view->find(m_find->text(), m_findRegex->isChecked(), backward);
    };
    connect(m_find, &QLineEdit::returnPressed, this, [find] { find(false); });
    connect(next, &QPushButton::clicked, this, [find] { find(false); });
    connect(previous, &QPushButton::clicked, this, [find] { find(true); });
    connect(nextProblemButton, &QPushButton::clicked, this, [this] { nextProblem(false); });
    connect(prevProblem, &QPushButton::clicked, this, [this] { nextProblem(true); });
    return bar;
}

QWidget* MemberViewer::buildFilterBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto* levelLabel = new QLabel(tr("&Level:"), bar);
    m_level = new QComboBox(bar);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->setAccessibleName(tr("Minimum level"));
    m_level->addItem(tr("Any"), int(core::review::LogLevel::None));
    m_level->addItem(tr("INFO and above"), int(core::review::LogLevel::Info));
    m_level->addItem(tr("WARN and above"), int(core::review::LogLevel::Warn));
    m_level->addItem(tr("ERROR and above"), int(core::review::LogLevel::Error));
    levelLabel->setBuddy(m_level);
    auto* threadLabel = new QLabel(tr("&Thread:"), bar);
    m_thread = new QLineEdit(bar);
    m_thread->setObjectName(QStringLiteral("threadFilter"));
    m_thread->setAccessibleName(tr("Thread name contains"));
    threadLabel->setBuddy(m_thread);
    m_useTime = new QCheckBox(tr("T&ime from"), bar);
    m_useTime->setObjectName(QStringLiteral("timeFilterEnabled"));
    m_from = new QDateTimeEdit(bar);
    m_from->setAccessibleName(tr("From time"));
    m_to = new QDateTimeEdit(bar);
    m_to->setAccessibleName(tr("To time"));
    for (QDateTimeEdit* e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        e->setTimeSpec(Qt::UTC);
        e->setEnabled(false);
        connect(m_useTime, &QCheckBox::toggled, e, &QWidget::setEnabled);
    }
    auto* apply = button(tr("&Filter"), QStringLiteral("applyFilterButton"), bar);
    auto* clear = button(tr("Show &all"), QStringLiteral("clearFilterButton"), bar);
    m_filterStatus = new QLabel(bar);
    m_filterStatus->setObjectName(QStringLiteral("filterStatus"));
    for (QWidget* w : std::initializer_list<QWidget*>{levelLabel, m_level, threadLabel, m_thread,
                                                      m_useTime, m_from, new QLabel(tr("to"), bar),
                                                      m_to, apply, clear, m_filterStatus}) {
        row->addWidget(w);
    }
    row->addStretch(1);
    connect(apply, &QPushButton::clicked, this, &MemberViewer::applyFilterFromControls);
    connect(m_thread, &QLineEdit::returnPressed, this, &MemberViewer::applyFilterFromControls);
    connect(clear, &QPushButton::clicked, this, &MemberViewer::clearFilter);
    return bar;
}

void MemberViewer::openFile(const QString& localPath, const QString& member, int row) {
    clearFilter();
    m_member = member;
    m_localPath = localPath;
    m_pendingRow = row;
    m_model->open(localPath);
}

void MemberViewer::close() {
    clearFilter();
    m_model->close();
    m_member.clear();
    m_localPath.clear();
}

void MemberViewer::goToLine(int row) {
    if (m_model->isIndexing() || row >= m_model->rowCount()) {
        m_pendingRow = row;
    } else {
        m_view->goToLine(row);
    }
    m_view->setFocus();
}

void MemberViewer::nextProblem(bool backward) {
    m_view->find(QStringLiteral(R"(\b(ERROR|FATAL|SEVERE|WARN|WARNING)\b)"), true, backward);
}

void MemberViewer::applyFilterFromControls() {
    core::review::RowFilter filter;
    filter.minLevel = static_cast<core::review::LogLevel>(m_level->currentData().toInt());
    filter.thread = m_thread->text().trimmed();
    if (m_useTime->isChecked()) {
        filter.from = m_from->dateTime();
        filter.to = m_to->dateTime();
    }
    applyFilter(filter);
}

void MemberViewer::applyFilter(const core::review::RowFilter& filter) {
    cancelFilter();
    if (filter.isEmpty() || m_localPath.isEmpty()) {
        clearFilter();
        return;
    }
    m_filterStatus->setText(tr("Filtering…"));
    m_filterCancel = std::make_shared<core::CancelToken>();
    m_filterJob.setFuture(QtConcurrent::run([path = m_localPath, filter, cancel = m_filterCancel] {
        return core::review::filterRows(path, filter, cancel.get());
    }));
}

void MemberViewer::filterDone() {
    if (m_filterJob.isCanceled() || !m_filterCancel || m_filterCancel->isCancelled()) {
        return;
    }
    const auto result = m_filterJob.result();
    if (!result) {
        m_filterStatus->setText(result.error().message);
        return;
    }
    m_filtered->setSource(m_model, *result);
    m_stack->setCurrentWidget(m_filteredView);
    m_filterStatus->setText(tr("%n line(s) shown", nullptr, static_cast<int>(result->size())));
    Q_EMIT filterFinished(static_cast<int>(result->size()));
}

void MemberViewer::clearFilter() {
    cancelFilter();
    m_filtered->setSource(nullptr, {});
    m_stack->setCurrentWidget(m_view);
    m_filterStatus->clear();
}

bool MemberViewer::isFiltered() const {
    return m_stack->currentWidget() == m_filteredView;
}

void MemberViewer::cancelFilter() {
    if (m_filterCancel) {
        m_filterCancel->requestCancel();
    }
    m_filterJob.waitForFinished();
    m_filterCancel.reset();
}

} // namespace supportzip::ui
