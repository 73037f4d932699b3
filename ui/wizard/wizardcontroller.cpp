// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/wizardcontroller.h"

#include "discovery/discovery.h"
#include "pipeline/segmentedrun.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {
namespace {

// Runs work on the global pool and hands its result to done on the context's thread.
// A support zip is extracted next to the output; before the admin chose where the bundle goes
// (Consent page), the plan and the preview extract to the temporary folder, never to the
// working directory the desktop happened to start the program in.
core::pipeline::CollectRequest withScratchOutput(core::pipeline::CollectRequest r) {
    if (r.outputPath.isEmpty()) {
        r.outputPath = QDir::tempPath();
    }
    return r;
}

template <typename Work, typename Done> void runAsync(QObject* context, Work work, Done done) {
    using Result = decltype(work());
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

WizardController::WizardController(QObject* parent)
    : QObject(parent) {
    m_request.threadDumps = 3;
}

WizardController::~WizardController() {
    // Jobs still running call back into this object: stop them and wait until they returned.
    cancelPreview();
    cancelBuild();
    QThreadPool::globalInstance()->waitForDone();
}

core::ProgressCallback WizardController::progressTo(
    void (WizardController::*signal)(const QString&, const QString&, qint64, qint64)) {
    // Called on worker threads: re-post to this object's thread.
    return [this, signal](const core::Progress& p) {
        QMetaObject::invokeMethod(
            this, [this, signal, p] { (this->*signal)(p.stage, p.item, p.done, p.total); },
            Qt::QueuedConnection);
    };
}

void WizardController::startDetection() {
    runAsync(
        this, [] { return core::discovery::detectInstallations(); },
        [this](const QList<core::discovery::Installation>& found) {
            Q_EMIT installationsFound(found);
        });
}

void WizardController::chooseInstallation(const core::discovery::Installation& installation) {
    m_request.installDir = installation.installDir;
    m_request.homeDir = installation.homeDir;
    m_request.sourcePath.clear();
    m_sourceDescription = installation.productName + u' ' + installation.version;
    m_plan.reset();
    invalidatePreview();
    Q_EMIT sourceChanged();
}

void WizardController::chooseSourcePath(const QString& path) {
    // An installation folder given by path (command line, drag and drop) is an installation.
    if (QFileInfo(path).isDir()) {
        if (auto inst = core::discovery::describeInstallation(path, QString()); inst) {
            chooseInstallation(*inst);
            return;
        }
    }
    m_request.installDir.clear();
    m_request.homeDir.clear();
    m_request.sourcePath = QFileInfo(path).absoluteFilePath();
    m_sourceDescription = m_request.sourcePath;
    m_plan.reset();
    invalidatePreview();
    Q_EMIT sourceChanged();
}

bool WizardController::hasSource() const {
    return !m_request.sourcePath.isEmpty() || !m_request.installDir.isEmpty() ||
           !m_request.homeDir.isEmpty();
}

QString WizardController::sourceDescription() const {
    return m_sourceDescription;
}

void WizardController::loadPlan() {
    core::pipeline::CollectRequest r = withScratchOutput(m_request);
    // Every file, also of unticked categories and beyond the total limit: the tree shows them.
    r.collection.excludeCategories.clear();
    r.excludeFiles.clear();
    r.maxTotalSize = 0;
    runAsync(
        this, [r] { return core::pipeline::planCollection(r, nullptr, false); },
        [this](const core::Expected<core::pipeline::CollectionPlan>& plan) {
            if (!plan) {
                m_plan.reset();
                Q_EMIT planFailed(plan.error().toString());
                return;
            }
            m_plan = *plan;
            invalidatePreview();
            Q_EMIT planReady();
        });
}

void WizardController::setCategoryIncluded(const QString& category, bool included) {
    QStringList& excluded = m_request.collection.excludeCategories;
    excluded.removeAll(category);
    if (!included) {
        excluded.append(category);
    }
    invalidatePreview();
    Q_EMIT selectionChanged();
}

void WizardController::setFileIncluded(const QString& sourcePath, bool included) {
    m_request.excludeFiles.removeAll(sourcePath);
    if (!included) {
        m_request.excludeFiles.append(sourcePath);
    }
    invalidatePreview();
    Q_EMIT selectionChanged();
}

bool WizardController::isIncluded(const core::collect::CollectedFile& file) const {
    return !m_request.collection.excludeCategories.contains(file.category) &&
           !m_request.excludeFiles.contains(file.sourcePath);
}

int WizardController::includedFileCount() const {
    int n = 0;
    for (const auto& f : m_plan ? m_plan->inventory.files : QList<core::collect::CollectedFile>()) {
        n += isIncluded(f) ? 1 : 0;
    }
    return n;
}

qint64 WizardController::includedBytes() const {
    qint64 sum = 0;
    for (const auto& f : m_plan ? m_plan->inventory.files : QList<core::collect::CollectedFile>()) {
        if (isIncluded(f)) {
            sum += m_request.maxFileSize > 0 ? std::min(f.size, m_request.maxFileSize) : f.size;
        }
    }
    return m_request.maxTotalSize > 0 ? std::min(sum, m_request.maxTotalSize) : sum;
}

void WizardController::setAction(core::scrub::Category category, core::scrub::Action action) {
    m_request.actions[category] = action;
    m_testSession.reset();
    invalidatePreview();
    Q_EMIT rulesChanged();
}

core::scrub::Action WizardController::action(core::scrub::Category category) const {
    if (const auto it = m_request.actions.find(category); it != m_request.actions.end()) {
        return it->second;
    }
    return core::scrub::ScrubRules{}.actionFor(category);
}

void WizardController::setTerms(const QStringList& terms) {
    if (terms != m_request.terms) {
        m_request.terms = terms;
        m_testSession.reset();
        invalidatePreview();
        Q_EMIT rulesChanged();
    }
}

void WizardController::setKeep(const QStringList& keep) {
    if (keep != m_request.keep) {
        m_request.keep = keep;
        m_testSession.reset();
        invalidatePreview();
        Q_EMIT rulesChanged();
    }
}

void WizardController::addTerm(const QString& term) {
    const QString t = term.trimmed();
    if (!t.isEmpty() && !m_request.terms.contains(t)) {
        setTerms(m_request.terms + QStringList{t});
        startPreview();
    }
}

void WizardController::addKeep(const QString& value) {
    const QString v = value.trimmed();
    if (!v.isEmpty() && !m_request.keep.contains(v)) {
        setKeep(m_request.keep + QStringList{v});
        startPreview();
    }
}

QString WizardController::scrubTestLine(const QString& line) {
    if (!m_testSession) {
        // Loads the vault key (a small local file) and the rules; nothing learned from files.
        auto session = core::pipeline::ScrubSession::create(m_request);
        if (!session) {
            return tr("(cannot scrub: %1)").arg(session.error().toString());
        }
        core::ProgressThrottle none({});
        QThreadPool pool;
        (*session)->learn({}, core::pipeline::WorkPlan({}, 0), pool, nullptr, none);
        m_testSession = std::move(*session);
    }
    return QString::fromStdString(m_testSession->scrubLine(line.toStdString()).text);
}

void WizardController::invalidatePreview() {
    m_preview.reset();
    ++m_previewGeneration;
}

void WizardController::startPreview() {
    cancelPreview();
    invalidatePreview();
    auto job = std::make_shared<core::pipeline::PreviewJob>(withScratchOutput(m_request));
    m_previewJob = job;
    const int generation = m_previewGeneration;
    const auto progress = progressTo(&WizardController::previewProgress);
    Q_EMIT previewStarted();
    runAsync(
        this,
        [thread = m_lastJobThread, job, progress] {
            thread->store(QThread::currentThread());
            return job->run(progress);
        },
        [this, generation](const core::Expected<core::pipeline::PreviewResult>& result) {
            if (generation != m_previewGeneration) {
                return; // a newer preview was started; this one's result no longer applies
            }
            m_previewJob.reset();
            if (!result) {
                Q_EMIT previewFailed(result.error().toString(),
                                     result.error().code == core::ErrorCode::Cancelled);
                return;
            }
            m_preview = *result;
            Q_EMIT previewReady();
        });
}

void WizardController::cancelPreview() {
    if (m_previewJob) {
        m_previewJob->requestCancel();
    }
}

void WizardController::startBuild() {
    auto job = std::make_shared<core::pipeline::CollectJob>(m_request);
    m_buildJob = job;
    m_building = true;
    m_summary.reset();
    const auto progress = progressTo(&WizardController::buildProgress);
    runAsync(
        this,
        [thread = m_lastJobThread, job, progress] {
            thread->store(QThread::currentThread());
            return job->run(progress);
        },
        [this](const core::Expected<core::pipeline::CollectSummary>& result) {
            m_building = false;
            m_buildJob.reset();
            if (!result) {
                Q_EMIT buildFailed(result.error().toString(),
                                   result.error().code == core::ErrorCode::Cancelled);
                return;
            }
            m_summary = *result;
            Q_EMIT buildFinished();
        });
}

void WizardController::cancelBuild() {
    if (m_buildJob) {
        m_buildJob->requestCancel();
    }
}

} // namespace supportzip::ui
