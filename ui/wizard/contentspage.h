// SPDX-License-Identifier: GPL-3.0-or-later
// Page 2: what goes in. A checkable tree by category (sizes, file counts), the time window, the
// size limits and what is left out with the reason; the totals follow every change.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace supportzip::ui {

class WizardController;

class ContentsPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentsPage)
public:
    explicit ContentsPage(WizardController* controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    QWidget* buildLimits();
    void fillTree();
    void fillLeftOut();
    void itemChanged(QTreeWidgetItem* item);
    void updateTotals();
    void applyWindowAndLimits();

    WizardController* m_controller;
    QTreeWidget* m_tree = nullptr;
    QTreeWidget* m_leftOut = nullptr;
    QLabel* m_totals = nullptr;
    QCheckBox* m_useSince = nullptr;
    QCheckBox* m_useUntil = nullptr;
    QDateTimeEdit* m_since = nullptr;
    QDateTimeEdit* m_until = nullptr;
    QSpinBox* m_maxFileMb = nullptr;
    QSpinBox* m_maxTotalMb = nullptr;
    bool m_filling = false;
};

} // namespace supportzip::ui
