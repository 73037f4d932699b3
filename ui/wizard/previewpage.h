// SPDX-License-Identifier: GPL-3.0-or-later
// Page 4: the dry run. Files with their finding counts by category; the chosen file's original
// and sanitized text side by side (lazy views: a 1 GiB log is never loaded whole), findings in
// their category colour, next/previous finding, search; a value can be scrubbed or kept
// everywhere, which runs the preview again.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace supportzip::ui {

class InflatedLog;
class LogFileModel;
class LogView;
class WizardController;

class PreviewPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPage)
public:
    explicit PreviewPage(WizardController* controller, QWidget* parent = nullptr);
    ~PreviewPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    QWidget* buildViewerBar();
    void addSelectionActions();
    void setKeyboardOrder();
    void fillFiles();
    void showFile(int index);
    void openBoth(const QString& plainPath);
    void closeViewers();
    void connectInflatedLog();
    void setRunning(bool running);

    WizardController* m_controller;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_files = nullptr;
    LogFileModel* m_originalModel = nullptr;
    LogFileModel* m_sanitizedModel = nullptr;
    LogView* m_original = nullptr;
    LogView* m_sanitized = nullptr;
    QLineEdit* m_search = nullptr;
    QLineEdit* m_value = nullptr;
    QLabel* m_viewerNote = nullptr;
    InflatedLog* m_inflated = nullptr; // the shown .gz log, decompressed to a private file
    QString m_shownPath;
    bool m_shownTruncated = false;
};

} // namespace supportzip::ui
