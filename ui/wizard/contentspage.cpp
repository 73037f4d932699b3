// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/contentspage.h"

#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace supportzip::ui {
namespace {
constexpr int kPathRole = Qt::UserRole + 1;
constexpr qint64 kMb = 1024 * 1024;

QString bytes(qint64 n) {
    return QLocale().formattedDataSize(n);
}
} // namespace

ContentsPage::ContentsPage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("contentsPage"));
    setTitle(tr("What goes into the bundle"));
    setSubTitle(tr("Untick what support does not need. Attachments, backups, indexes and heap "
                   "dumps are never collected."));
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(QStringLiteral("contentsTree"));
    m_tree->setAccessibleName(tr("Files to collect, by category"));
    m_tree->setHeaderLabels({tr("Category / file"), tr("Files"), tr("Size")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_leftOut = new QTreeWidget(splitter);
    m_leftOut->setObjectName(QStringLiteral("leftOutList"));
    m_leftOut->setAccessibleName(tr("Left out, with the reason"));
    m_leftOut->setHeaderLabels({tr("Left out"), tr("Why")});
    m_leftOut->setRootIsDecorated(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addWidget(buildLimits());
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("contentsTotals"));
    m_totals->setWordWrap(true);
    layout->addWidget(m_totals);

    connect(m_tree, &QTreeWidget::itemChanged, this, &ContentsPage::itemChanged);
    connect(controller, &WizardController::planReady, this, [this] {
        fillTree();
        fillLeftOut();
        updateTotals();
    });
    connect(controller, &WizardController::planFailed, this, [this](const QString& message) {
        m_tree->clear();
        m_totals->setText(tr("Cannot read this source: %1. Go back and choose another one, or "
                             "check that you may read its folders.")
                              .arg(message));
        Q_EMIT completeChanged();
    });
    connect(controller, &WizardController::selectionChanged, this, &ContentsPage::updateTotals);
}

QWidget* ContentsPage::buildLimits() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    const auto dateRow = [&](QCheckBox*& use, QDateTimeEdit*& edit, const QString& label,
                             const char* name, const char* checkName) {
        auto* row = new QHBoxLayout;
        use = new QCheckBox(label, box);
        use->setObjectName(QLatin1StringView(checkName));
        nameAfterText({use});
        edit = new QDateTimeEdit(QDateTime::currentDateTime(), box);
        edit->setObjectName(QLatin1StringView(name));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setAccessibleName(QString(label).remove(u'&'));
        row->addWidget(use);
        row->addWidget(edit, 1);
        connect(use, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(use, &QCheckBox::toggled, this, &ContentsPage::applyWindowAndLimits);
        connect(edit, &QDateTimeEdit::editingFinished, this, &ContentsPage::applyWindowAndLimits);
        form->addRow(row);
    };
    dateRow(m_useSince, m_since, tr("Only logs with entries &since"), "sinceEdit", "sinceCheck");
    m_since->setDateTime(QDateTime::currentDateTime().addDays(-7));
    dateRow(m_useUntil, m_until, tr("Only logs with entries &until"), "untilEdit", "untilCheck");
    const auto sizeBox = [&](const QString& label, const char* name) {
        auto* spin = new QSpinBox(box);
        spin->setObjectName(QLatin1StringView(name));
        spin->setRange(0, 1024 * 1024);
        spin->setSuffix(tr(" MiB"));
        spin->setSpecialValueText(tr("no limit"));
        spin->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        form->addRow(label, spin);
        connect(spin, &QSpinBox::editingFinished, this, &ContentsPage::applyWindowAndLimits);
        return spin;
    };
    m_maxFileMb = sizeBox(tr("Largest &file (newest part kept):"), "maxFileSize");
    m_maxTotalMb = sizeBox(tr("&Total (oldest logs left out first):"), "maxTotalSize");
    setTabChain(
        {m_tree, m_leftOut, m_useSince, m_since, m_useUntil, m_until, m_maxFileMb, m_maxTotalMb});
    return box;
}

void ContentsPage::initializePage() {
    m_tree->clear();
    m_totals->setText(tr("Reading the installation…"));
    m_controller->loadPlan();
}

bool ContentsPage::isComplete() const {
    return m_controller->plan() != nullptr && m_controller->includedFileCount() > 0;
}

void ContentsPage::fillTree() {
    m_filling = true;
    m_tree->clear();
    QMap<QString, QTreeWidgetItem*> categories;
    for (const auto& f : m_controller->plan()->inventory.files) {
        QTreeWidgetItem*& cat = categories[f.category];
        if (cat == nullptr) {
            cat = new QTreeWidgetItem(m_tree, {f.category});
            cat->setFlags(cat->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
            cat->setData(0, kPathRole, QString());
        }
        auto* item = new QTreeWidgetItem(cat, {f.relativePath, QString(), bytes(f.size)});
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setData(0, kPathRole, f.sourcePath);
        item->setCheckState(0, m_controller->isIncluded(f) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, f.sourcePath);
    }
    // Category rows: file count and size of everything in them.
    for (const auto& f : m_controller->plan()->inventory.files) {
        QTreeWidgetItem* cat = categories.value(f.category);
        cat->setData(1, Qt::UserRole, cat->data(1, Qt::UserRole).toInt() + 1);
        cat->setData(2, Qt::UserRole, cat->data(2, Qt::UserRole).toLongLong() + f.size);
    }
    for (QTreeWidgetItem* cat : std::as_const(categories)) {
        cat->setText(1, QString::number(cat->data(1, Qt::UserRole).toInt()));
        cat->setText(2, bytes(cat->data(2, Qt::UserRole).toLongLong()));
    }
    m_filling = false;
    Q_EMIT completeChanged();
}

void ContentsPage::fillLeftOut() {
    m_leftOut->clear();
    for (const auto& l : m_controller->plan()->inventory.leftOut) {
        auto* item = new QTreeWidgetItem(m_leftOut, {l.root + u'/' + l.relativePath, l.reason});
        item->setToolTip(1, l.reason);
    }
}

void ContentsPage::itemChanged(QTreeWidgetItem* item) {
    if (m_filling) {
        return;
    }
    const QString path = item->data(0, kPathRole).toString();
    if (path.isEmpty()) {
        // A category: tristate children follow by themselves; all or nothing is a category
        // exclusion, the same as the CLI's --exclude.
        if (item->checkState(0) != Qt::PartiallyChecked) {
            m_controller->setCategoryIncluded(item->text(0), item->checkState(0) == Qt::Checked);
        }
        return;
    }
    m_controller->setFileIncluded(path, item->checkState(0) == Qt::Checked);
    if (item->checkState(0) == Qt::Checked && item->parent() != nullptr) {
        m_controller->setCategoryIncluded(item->parent()->text(0), true);
    }
}

void ContentsPage::updateTotals() {
    m_totals->setText(
        tr("%n file(s), %1 before scrubbing.", nullptr, m_controller->includedFileCount())
            .arg(bytes(m_controller->includedBytes())));
    Q_EMIT completeChanged();
}

void ContentsPage::applyWindowAndLimits() {
    auto& r = m_controller->request();
    r.maxFileSize = m_maxFileMb->value() * kMb;
    r.maxTotalSize = m_maxTotalMb->value() * kMb;
    const QDateTime since = m_useSince->isChecked() ? m_since->dateTime() : QDateTime();
    const QDateTime until = m_useUntil->isChecked() ? m_until->dateTime() : QDateTime();
    if (since != r.collection.since || until != r.collection.until) {
        // The time window decides which logs are in the inventory: plan again.
        r.collection.since = since;
        r.collection.until = until;
        m_controller->loadPlan();
    } else {
        updateTotals();
    }
}

} // namespace supportzip::ui
