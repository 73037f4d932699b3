// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/previewjob.h"

#include "pipeline/filescrub.h"
#include "pipeline/segmentedrun.h"

#include <QThreadPool>

#include <atomic>
#include <vector>

namespace supportzip::core::pipeline {
namespace {
// Per file; lines beyond it are shown scrubbed one by one (almost every file has none at all).
constexpr std::size_t kMaxCarriedStates = 10'000;
} // namespace

qint64 PreviewResult::bytesAfter() const {
    qint64 sum = 0;
    for (const PreviewFile& f : files) {
        sum += f.sizeAfter;
    }
    return sum;
}

PreviewJob::PreviewJob(CollectRequest request)
    : m_request(std::move(request)) {
}

Expected<PreviewResult> PreviewJob::run(const ProgressCallback& progressCallback) {
    ProgressThrottle progress(progressCallback);
    progress.report({QStringLiteral("discover"), {}, 0, 0}, true);
    auto plan = planCollection(m_request, &m_cancel, false);
    if (!plan) {
        return tl::unexpected(plan.error());
    }
    auto session = ScrubSession::create(m_request);
    if (!session) {
        return tl::unexpected(session.error());
    }
    QThreadPool pool;
    if (m_request.threads > 0) {
        pool.setMaxThreadCount(m_request.threads);
    }
    const QList<collect::CollectedFile>& files = plan->inventory.files;
    const WorkPlan work(files, m_request.maxFileSize, segmentBytesFor(m_request));
    (*session)->learn(files, work, pool, &m_cancel, progress);
    const auto cancelled = [] {
        return makeError(ErrorCode::Cancelled, QStringLiteral("preview cancelled"));
    };
    if (m_cancel.isCancelled()) {
        return cancelled();
    }
    // Pass 2 with no output: the scrubber counts every finding it would replace.
    const qint64 totalBytes = plan->totalBytes();
    std::atomic<qint64> done{0};
    const scrub::ScrubEngine& engine = (*session)->engine();
    const auto results =
        runWorkPlan(pool, work,
                    [&](std::size_t, const WorkItem& item,
                        const scrub::StreamScrubber::SegmentStart& start) -> WorkResult {
                        if (m_cancel.isCancelled()) {
                            return cancelled();
                        }
                        auto r = scrubItem(files, work, item, engine, nullptr, start, &m_cancel,
                                           kMaxCarriedStates);
                        progress.report({QStringLiteral("preview"), files[item.file].sourcePath,
                                         done += work.itemBytes(files, item), totalBytes});
                        return r;
                    });
    if (m_cancel.isCancelled()) {
        return cancelled();
    }
    PreviewResult result;
    const QStringList members = (*session)->memberPaths(files);
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto outcome = combineItems(work, i, results);
        if (!outcome) {
            result.skipped.append(
                {files[i].sourcePath, QStringLiteral("skipped"), outcome.error().message});
            continue;
        }
        result.files.append({files[i].sourcePath, members[i], files[i].category,
                             outcome->sizeBefore, outcome->sizeAfter, outcome->truncated,
                             outcome->stats.counts,
                             outcome->truncated ? scrub::CarriedStates{} : outcome->stats.carried});
        for (std::size_t c = 0; c < scrub::kCategoryCount; ++c) {
            result.totals[c] += outcome->stats.counts[c];
        }
    }
    result.plan = std::move(*plan);
    result.session = std::move(*session);
    progress.report({QStringLiteral("done"), {}, totalBytes, totalBytes}, true);
    return result;
}

} // namespace supportzip::core::pipeline
