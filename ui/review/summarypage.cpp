// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/summarypage.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTreeWidget>

namespace supportzip::ui {
namespace {

QString timeText(const QDateTime& t) {
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QTreeWidgetItem* locatedItem(const QStringList& columns, const QString& member, qint64 line) {
    auto* item = new QTreeWidgetItem(columns);
    item->setData(0, Qt::UserRole, member);
    item->setData(0, Qt::UserRole + 1, line);
    return item;
}

} // namespace

SummaryPage::SummaryPage(QWidget* parent)
    : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    m_product = new QLabel(this);
    m_product->setObjectName(QStringLiteral("summaryProduct"));
    m_product->setWordWrap(true);
    m_problems =
        makeTree(QStringLiteral("problemList"), tr("Errors and exceptions"),
                 {tr("Class or logger"), tr("Kind"), tr("Count"), tr("First"), tr("Last")});
    m_gc = makeTree(QStringLiteral("gcPauseList"), tr("Long GC pauses"),
                    {tr("Time"), tr("Pause"), tr("ms"), tr("File")});
    m_jvm = new QListWidget(this);
    m_jvm->setObjectName(QStringLiteral("jvmArgumentList"));
    m_jvm->setAccessibleName(tr("JVM arguments"));
    m_apps = makeTree(QStringLiteral("appList"), tr("Installed apps"),
                      {tr("Key"), tr("Name"), tr("Version"), tr("Vendor"), tr("Jar")});
    m_gcTitle = new QLabel(tr("GC pauses"), this);
    const auto title = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(m_product, 0, 0, 1, 2);
    grid->addWidget(title(tr("&Errors and exceptions by class"), m_problems), 1, 0);
    grid->addWidget(m_problems, 2, 0);
    grid->addWidget(m_gcTitle, 1, 1);
    m_gcTitle->setBuddy(m_gc);
    grid->addWidget(m_gc, 2, 1);
    grid->addWidget(title(tr("&JVM arguments"), m_jvm), 3, 0);
    grid->addWidget(m_jvm, 4, 0);
    grid->addWidget(title(tr("Installed a&pps"), m_apps), 3, 1);
    grid->addWidget(m_apps, 4, 1);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(4, 1);
    for (QTreeWidget* t : {m_problems, m_gc}) {
        connect(t, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
            Q_EMIT locationActivated(item->data(0, Qt::UserRole).toString(),
                                     item->data(0, Qt::UserRole + 1).toLongLong());
        });
    }
}

QTreeWidget* SummaryPage::makeTree(const QString& name, const QString& accessible,
                                   const QStringList& headers) {
    auto* tree = new QTreeWidget(this);
    tree->setObjectName(name);
    tree->setAccessibleName(accessible);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return tree;
}

void SummaryPage::clear() {
    m_product->clear();
    m_problems->clear();
    m_gc->clear();
    m_jvm->clear();
    m_apps->clear();
}

void SummaryPage::setBusy() {
    clear();
    m_product->setText(tr("Reading the bundle…"));
}

void SummaryPage::setSummary(const core::bundle::Manifest& manifest,
                             const core::review::BundleSummary& s, double gcThresholdMs) {
    clear();
    m_product->setText(
        tr("%1 %2 on %3, database %4")
            .arg(manifest.productName, manifest.version, manifest.platform, manifest.databaseType));
    for (const core::review::ProblemGroup& g : s.problems) {
        m_problems->addTopLevelItem(
            locatedItem({g.name, g.exception ? tr("exception") : tr("ERROR lines"),
                         QString::number(g.count), timeText(g.first), timeText(g.last)},
                        g.member, g.line));
    }
    m_gcTitle->setText(tr("&GC pauses over %1 ms: %2 of %3 (longest %4 ms)")
                           .arg(gcThresholdMs)
                           .arg(s.longGcPauses.size())
                           .arg(s.gcPauses)
                           .arg(s.longestGcPauseMs));
    for (const core::review::GcPause& p : s.longGcPauses) {
        m_gc->addTopLevelItem(
            locatedItem({timeText(p.time), p.kind, QString::number(p.milliseconds),
                         QStringLiteral("%1:%2").arg(p.member).arg(p.line)},
                        p.member, p.line));
    }
    m_jvm->addItems(s.jvmArguments);
    for (const core::review::InstalledApp& a : s.apps) {
        m_apps->addTopLevelItem(new QTreeWidgetItem({a.key, a.name, a.version, a.vendor, a.jar}));
    }
}

} // namespace supportzip::ui
