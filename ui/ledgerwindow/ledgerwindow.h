// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's view of the local ledger, as the data controller: every bundle written (newest
// first, with recipient, ticket, delete-by date, findings and deliveries; overdue ones marked),
// and "what did we send about this person?": a subject search that lists every bundle that held
// the value, under which pseudonym, in which files. The same core calls as `supportzip ledger`.
#pragma once

#include "ledger/ledger.h"

#include <QDate>
#include <QFutureWatcher>
#include <QMainWindow>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace supportzip::ui {

class LedgerWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerWindow)
public:
    // vaultDir empty: the default local vault. today: what "overdue" is measured against.
    explicit LedgerWindow(QString vaultDir = {}, QDate today = QDate::currentDate(),
                          QWidget* parent = nullptr);
    ~LedgerWindow() override;

    // Reads the ledger off the GUI thread; loaded() follows.
    void reload();
    // Searches every bundle for a subject off the GUI thread; subjectSearched() follows.
    void findSubject(const QString& value);

    QTreeWidget* bundleList() const { return m_bundles; }
    QTreeWidget* subjectResults() const { return m_results; }
    QString statusText() const;

Q_SIGNALS:
    void loaded(int bundles, int overdue);
    void subjectSearched(int bundles);

private:
    void showBundles();
    void showSubject();

    QString m_vaultDir;
    QDate m_today;
    QLabel* m_path = nullptr;
    QTreeWidget* m_bundles = nullptr;
    QLineEdit* m_subject = nullptr;
    QPushButton* m_find = nullptr;
    QTreeWidget* m_results = nullptr;
    QLabel* m_status = nullptr;
    QString m_searched;
    QFutureWatcher<core::Expected<core::ledger::LedgerContents>> m_reading;
    QFutureWatcher<core::Expected<QList<core::ledger::SubjectMatch>>> m_searching;
};

} // namespace supportzip::ui
