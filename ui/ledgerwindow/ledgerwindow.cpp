// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledgerwindow/ledgerwindow.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace supportzip::ui {

namespace {

QString countsText(const core::scrub::CategoryCounts& counts) {
    QStringList parts;
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        if (counts[i] > 0) {
            const auto name = core::scrub::categoryName(static_cast<core::scrub::Category>(i));
            parts << QStringLiteral("%1 %2").arg(counts[i]).arg(
                QLatin1StringView(name.data(), static_cast<qsizetype>(name.size())));
        }
    }
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

QString deliveriesText(const core::ledger::BundleRecord& b) {
    QStringList parts;
    for (const core::ledger::DeliveryReceipt& d : b.deliveries) {
        parts << (d.requestKey.isEmpty() ? d.endpoint
                                         : d.requestKey + QStringLiteral(" at ") + d.endpoint);
    }
    return parts.isEmpty() ? QObject::tr("not sent by supportzip") : parts.join(u'\n');
}

} // namespace

LedgerWindow::LedgerWindow(QString vaultDir, QDate today, QWidget* parent)
    : QMainWindow(parent)
    , m_vaultDir(std::move(vaultDir))
    , m_today(today) {
    setWindowTitle(tr("Ledger — what was sent, to whom, about whom"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_path = new QLabel(central);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setText(tr("Ledger: %1 (kept on this machine only, never bundled)")
                        .arg(core::ledger::Ledger(m_vaultDir).path()));
    layout->addWidget(m_path);

    auto* splitter = new QSplitter(Qt::Vertical, central);
    m_bundles = new QTreeWidget(splitter);
    m_bundles->setAccessibleName(tr("Bundles written"));
    m_bundles->setRootIsDecorated(false);
    m_bundles->setHeaderLabels({tr("Written"), tr("File"), tr("Recipient"), tr("Ticket"),
                                tr("Delete by"), tr("Findings"), tr("Sent to")});
    m_bundles->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* subjectBox = new QWidget(splitter);
    auto* subjectLayout = new QVBoxLayout(subjectBox);
    subjectLayout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    auto* subjectLabel = new QLabel(tr("&Data subject:"), subjectBox);
    m_subject = new QLineEdit(subjectBox);
    m_subject->setPlaceholderText(tr("a user name, e-mail, display name, host or IP address"));
    m_subject->setAccessibleName(tr("Data subject to look for"));
    subjectLabel->setBuddy(m_subject);
    m_find = new QPushButton(tr("&Find"), subjectBox);
    searchRow->addWidget(subjectLabel);
    searchRow->addWidget(m_subject, 1);
    searchRow->addWidget(m_find);
    subjectLayout->addLayout(searchRow);
    m_results = new QTreeWidget(subjectBox);
    m_results->setAccessibleName(tr("Bundles that held the subject"));
    m_results->setHeaderLabels({tr("Bundle / pseudonym / file"), tr("Recipient"), tr("Ticket")});
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    subjectLayout->addWidget(m_results, 1);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto* tools = addToolBar(tr("Ledger"));
    tools->addAction(tr("&Reload"), QKeySequence::Refresh, this, &LedgerWindow::reload);
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    setTabOrder(m_bundles, m_subject);
    setTabOrder(m_subject, m_find);
    setTabOrder(m_find, m_results);

    connect(m_find, &QPushButton::clicked, this, [this] { findSubject(m_subject->text()); });
    connect(m_subject, &QLineEdit::returnPressed, this, [this] { findSubject(m_subject->text()); });
    connect(&m_reading, &QFutureWatcher<void>::finished, this, &LedgerWindow::showBundles);
    connect(&m_searching, &QFutureWatcher<void>::finished, this, &LedgerWindow::showSubject);
    resize(1100, 700);
    reload();
}

LedgerWindow::~LedgerWindow() {
    m_reading.waitForFinished();
    m_searching.waitForFinished();
}

QString LedgerWindow::statusText() const {
    return m_status->text();
}

void LedgerWindow::reload() {
    m_reading.waitForFinished();
    m_status->setText(tr("Reading the ledger…"));
    m_reading.setFuture(
        QtConcurrent::run([vault = m_vaultDir]() { return core::ledger::Ledger(vault).read(); }));
}

void LedgerWindow::showBundles() {
    const auto contents = m_reading.result();
    m_bundles->clear();
    if (!contents) {
        m_status->setText(tr("The ledger cannot be read: %1").arg(contents.error().toString()));
        Q_EMIT loaded(0, 0);
        return;
    }
    int overdue = 0;
    for (const core::ledger::BundleRecord& b : contents->bundles) {
        const bool late = b.isOverdue(m_today);
        overdue += late ? 1 : 0;
        const QString deleteBy =
            b.consent.deleteBy.isValid()
                ? b.consent.deleteBy.toString(Qt::ISODate) + (late ? tr(" — OVERDUE") : QString())
                : tr("(not given)");
        auto* item = new QTreeWidgetItem(
            m_bundles, {b.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        b.fileName, b.consent.recipient, b.consent.ticket, deleteBy,
                        countsText(b.counts), deliveriesText(b)});
        item->setToolTip(1, b.path + u'\n' + b.sha256);
        if (late) {
            QFont bold = item->font(4);
            bold.setBold(true);
            item->setFont(4, bold);
            item->setForeground(4, QColor(200, 40, 40));
            item->setToolTip(4, tr("The delete-by date has passed: remind the recipient to "
                                   "delete this bundle."));
        }
    }
    QString text = tr("%n bundle(s) written", nullptr, static_cast<int>(contents->bundles.size()));
    if (overdue > 0) {
        text += tr(", %n past the delete-by date", nullptr, overdue);
    }
    if (!contents->warnings.isEmpty()) {
        text += tr("; %n damaged line(s) skipped", nullptr,
                   static_cast<int>(contents->warnings.size()));
    }
    m_status->setText(text);
    Q_EMIT loaded(static_cast<int>(contents->bundles.size()), overdue);
}

void LedgerWindow::findSubject(const QString& value) {
    const QString subject = value.trimmed();
    if (subject.isEmpty()) {
        return;
    }
    m_searching.waitForFinished();
    m_searched = subject;
    m_find->setEnabled(false);
    m_status->setText(tr("Looking through the ledger…"));
    m_searching.setFuture(QtConcurrent::run([vault = m_vaultDir, subject]() {
        return core::ledger::Ledger(vault).bySubject(subject);
    }));
}

void LedgerWindow::showSubject() {
    m_find->setEnabled(true);
    const auto matches = m_searching.result();
    m_results->clear();
    if (!matches) {
        m_status->setText(tr("The search failed: %1").arg(matches.error().toString()));
        Q_EMIT subjectSearched(0);
        return;
    }
    for (const core::ledger::SubjectMatch& m : *matches) {
        auto* bundle = new QTreeWidgetItem(
            m_results, {m.bundle.fileName, m.bundle.consent.recipient, m.bundle.consent.ticket});
        bundle->setToolTip(0, m.bundle.path);
        for (const core::ledger::SubjectHit& hit : m.hits) {
            auto* pseudonym = new QTreeWidgetItem(
                bundle, {tr("%1 (%2)").arg(hit.pseudonym, core::ledger::valueKindText(hit.kind))});
            for (const QString& file : hit.files) {
                new QTreeWidgetItem(pseudonym, {file});
            }
        }
    }
    m_results->expandToDepth(1); // bundles and pseudonyms open: the files show at once
    // The subject is the admin's own input, shown back on this machine only.
    m_status->setText(matches->isEmpty() ? tr("No bundle in the ledger held “%1”.").arg(m_searched)
                                         : tr("%n bundle(s) held “%1”.", nullptr,
                                              static_cast<int>(matches->size()))
                                               .arg(m_searched));
    Q_EMIT subjectSearched(static_cast<int>(matches->size()));
}

} // namespace supportzip::ui
