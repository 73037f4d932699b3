// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's view-model: owns the CollectRequest the pages fill (the very struct the CLI
// fills from its flags) and runs discovery, planning, the dry-run preview and the build on
// worker threads, reporting back through queued signals. No widgets: testable on its own.
#pragma once

#include "discovery/installation.h"
#include "pipeline/collectjob.h"
#include "pipeline/previewjob.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace supportzip::ui {

class WizardController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WizardController)
public:
    explicit WizardController(QObject* parent = nullptr);
    ~WizardController() override;

    core::pipeline::CollectRequest& request() { return m_request; }
    const core::pipeline::CollectRequest& request() const { return m_request; }

    // Source. Choosing one drops the plan and the preview made for another.
    void startDetection();
    void chooseInstallation(const core::discovery::Installation& installation);
    // A support zip or a folder of logs; or an installation folder (found by discovery).
    void chooseSourcePath(const QString& path);
    bool hasSource() const;
    QString sourceDescription() const;

    // Contents. The plan lists every file, also of unticked categories, so the tree can show
    // them; the request's exclusions decide what the preview and the build take.
    void loadPlan();
    const core::pipeline::CollectionPlan* plan() const { return m_plan ? &*m_plan : nullptr; }
    void setCategoryIncluded(const QString& category, bool included);
    void setFileIncluded(const QString& sourcePath, bool included);
    bool isIncluded(const core::collect::CollectedFile& file) const;
    int includedFileCount() const;
    qint64 includedBytes() const;

    // Scrubbing.
    void setAction(core::scrub::Category category, core::scrub::Action action);
    core::scrub::Action action(core::scrub::Category category) const;
    void setTerms(const QStringList& terms);
    void setKeep(const QStringList& keep);
    void addTerm(const QString& term);  // "scrub everywhere": re-runs the preview
    void addKeep(const QString& value); // "keep everywhere": re-runs the preview
    // The test line, scrubbed with the current rules (no learned values yet).
    QString scrubTestLine(const QString& line);

    // Encryption of the bundle (empty: none); kept in the request the build runs, and for
    // sending the bundle afterwards (verified with it before it leaves).
    void setBundlePassword(const core::Secret& password) { m_request.password = password; }
    bool encryptsBundle() const { return !m_request.password.isEmpty(); }

    // Preview (dry run) and build.
    void startPreview();
    void cancelPreview();
    const core::pipeline::PreviewResult* preview() const {
        return m_preview ? &*m_preview : nullptr;
    }
    void startBuild();
    void cancelBuild();
    bool isBuilding() const { return m_building; }
    const core::pipeline::CollectSummary* summary() const {
        return m_summary ? &*m_summary : nullptr;
    }
    // The thread the last preview or build ran on (the tests' proof it was not the GUI's).
    QThread* lastJobThread() const { return m_lastJobThread->load(); }

Q_SIGNALS:
    void installationsFound(const QList<supportzip::core::discovery::Installation>& found);
    void sourceChanged();
    void planReady();
    void planFailed(const QString& message);
    void selectionChanged(); // what is included changed: totals to update
    void rulesChanged();     // actions, terms or keep list changed
    void previewStarted();
    void previewProgress(const QString& stage, const QString& item, qint64 done, qint64 total);
    void previewReady();
    void previewFailed(const QString& message, bool cancelled);
    void buildProgress(const QString& stage, const QString& item, qint64 done, qint64 total);
    void buildFinished();
    void buildFailed(const QString& message, bool cancelled);

private:
    core::ProgressCallback
    progressTo(void (WizardController::*signal)(const QString&, const QString&, qint64, qint64));
    void invalidatePreview();

    core::pipeline::CollectRequest m_request;
    QString m_sourceDescription;
    std::optional<core::pipeline::CollectionPlan> m_plan;
    std::optional<core::pipeline::PreviewResult> m_preview;
    std::optional<core::pipeline::CollectSummary> m_summary;
    std::shared_ptr<core::pipeline::PreviewJob> m_previewJob;
    std::shared_ptr<core::pipeline::CollectJob> m_buildJob;
    std::shared_ptr<core::pipeline::ScrubSession> m_testSession;
    std::shared_ptr<std::atomic<QThread*>> m_lastJobThread =
        std::make_shared<std::atomic<QThread*>>(nullptr);
    bool m_building = false;
    int m_previewGeneration = 0;
};

} // namespace supportzip::ui
