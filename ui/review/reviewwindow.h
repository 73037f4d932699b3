// SPDX-License-Identifier: GPL-3.0-or-later
// The support engineer's window: open a bundle (argument, File → Open, drag and drop) through the
// hostile-safe reader; integrity and consent on top; the files with sizes and findings; a member
// in the lazy viewer with pseudonyms highlighted; search across all files; follow a pseudonym
// (double-click) to every place it occurs; a summary page; export. Every scan runs off the GUI
// thread and is cancelled when the bundle is closed or the window goes away. An encrypted bundle
// asks for its password (masked, window-modal) and asks again after a wrong one.
#pragma once

#include "bundle/manifest.h"
#include "bundle/verifier.h"
#include "common/secret.h"
#include "review/bundlesearch.h"
#include "review/bundlesummary.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QTemporaryDir>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeWidget;

namespace supportzip::ui {

class BundleHeader;
class MemberViewer;
class ResultsPanel;
class SummaryPage;

class ReviewWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewWindow)
public:
    explicit ReviewWindow(QWidget* parent = nullptr);
    ~ReviewWindow() override;

    // False when the reader refuses the bundle; the reason is shown (message box and status).
    // Also false for an encrypted bundle without its password: the password dialog is shown
    // (objectName "bundlePasswordDialog") and the bundle opens when it is answered right.
    bool openBundle(const QString& path);
    bool openBundle(const QString& path, const core::Secret& password);
    void closeBundle();
    const QString& bundlePath() const { return m_path; }
    const core::bundle::Manifest& manifest() const { return m_manifest; }

    // line is 1-based; 0 opens at the top.
    void openMember(const QString& member, qint64 line = 0);
    void searchBundle(const QString& text, bool regex);
    void followToken(const QString& token);
    void exportMembers(const QStringList& members, const QString& folder);
    // The private copy of a member once opened (empty before).
    QString extractedPath(const QString& member) const;

    BundleHeader* header() const { return m_header; }
    MemberViewer* viewer() const { return m_viewer; }
    ResultsPanel* results() const { return m_results; }
    SummaryPage* summaryPage() const { return m_summary; }
    static constexpr double kGcThresholdMs = 500;

Q_SIGNALS:
    void integrityChecked(bool intact);
    void searchFinished(int hits);
    void memberOpened(const QString& member);
    void summaryReady();
    void exportFinished(const QStringList& files);
    void bundleOpened(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildSearchBar();
    void fillFileTree();
    void startBackgroundChecks();
    void verifyDone();
    void summaryDone();
    void searchDone();
    void extractDone();
    void exportDone();
    void showRefusal(const QString& path, const core::Error& error);
    void askPassword(const QString& path, const core::Error& why);
    void chooseBundle();
    void chooseExport();
    void cancelJobs();

    QString m_path;
    core::Secret m_password; // of the open bundle when it is encrypted; given to every job
    core::bundle::Manifest m_manifest;
    std::unique_ptr<QTemporaryDir> m_private;
    QString m_searchTitle;
    QString m_pendingMember;
    qint64 m_pendingLine = 0;

    BundleHeader* m_header = nullptr;
    QTreeWidget* m_files = nullptr;
    QTabWidget* m_tabs = nullptr;
    MemberViewer* m_viewer = nullptr;
    SummaryPage* m_summary = nullptr;
    ResultsPanel* m_results = nullptr;
    QLineEdit* m_search = nullptr;
    QCheckBox* m_searchRegex = nullptr;
    QLabel* m_status = nullptr;

    QHash<QString, QString> m_extracted;               // member -> private copy
    std::shared_ptr<core::CancelToken> m_cancel;       // for every job of the open bundle
    std::shared_ptr<core::CancelToken> m_searchCancel; // a new search replaces the running one
    QFutureWatcher<core::Expected<core::bundle::VerifyReport>> m_verify;
    QFutureWatcher<core::Expected<core::review::BundleSummary>> m_summaryJob;
    QFutureWatcher<core::Expected<core::review::SearchResult>> m_searchJob;
    QFutureWatcher<core::Expected<void>> m_extractJob;
    QFutureWatcher<core::Expected<QStringList>> m_exportJob;
};

} // namespace supportzip::ui
