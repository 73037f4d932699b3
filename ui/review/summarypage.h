// SPDX-License-Identifier: GPL-3.0-or-later
// What matters first: errors and exceptions by class (count, first and last time), GC pauses over
// the threshold, the JVM arguments, the product and the installed apps. Activating an error or a
// pause opens the file where it is.
#pragma once

#include "bundle/manifest.h"
#include "review/bundlesummary.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace supportzip::ui {

class SummaryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)
public:
    explicit SummaryPage(QWidget* parent = nullptr);

    void clear();
    void setBusy();
    void setSummary(const core::bundle::Manifest& manifest, const core::review::BundleSummary& s,
                    double gcThresholdMs);
    QTreeWidget* problems() const { return m_problems; }

Q_SIGNALS:
    void locationActivated(const QString& member, qint64 line);

private:
    QTreeWidget* makeTree(const QString& name, const QString& accessible,
                          const QStringList& headers);

    QLabel* m_product = nullptr;
    QLabel* m_gcTitle = nullptr;
    QTreeWidget* m_problems = nullptr;
    QTreeWidget* m_gc = nullptr;
    QListWidget* m_jvm = nullptr;
    QTreeWidget* m_apps = nullptr;
};

} // namespace supportzip::ui
