// SPDX-License-Identifier: GPL-3.0-or-later
// The work of one pass over a job's files, cut so that every core has some: a file is one work
// item, except a large plain log, which is cut into segments (planRead) so that one 2 GiB log
// does not leave the other cores idle. Every segment is scrubbed in parallel from the neutral
// state; a segment whose predecessor ended inside a multi-line value (a PEM block, a wrapped
// license, a JSON value still to come) is scrubbed again from that state, so the result is
// always exactly that of reading the file in one piece.
#pragma once

#include "pipeline/filescrub.h"
#include "pipeline/parallel.h"

#include <vector>

namespace supportzip::core::pipeline {

struct CollectRequest;

struct WorkItem {
    qsizetype file = 0;
    int segment = -1; // -1: the whole file
};

class WorkPlan final {
public:
    static constexpr qint64 kDefaultSegmentBytes = qint64(32) << 20;

    WorkPlan(const QList<collect::CollectedFile>& files, qint64 maxFileSize,
             qint64 segmentBytes = kDefaultSegmentBytes);

    const std::vector<WorkItem>& items() const { return m_items; }
    const ReadPlan& readPlan(qsizetype file) const {
        return m_plans[static_cast<std::size_t>(file)];
    }
    // The items of one file, in order (one for a whole file).
    const std::vector<std::size_t>& itemsOf(qsizetype file) const {
        return m_itemsOfFile[static_cast<std::size_t>(file)];
    }
    qsizetype fileCount() const { return static_cast<qsizetype>(m_plans.size()); }
    // The size limit whole-file reads apply (segments were cut within it).
    qint64 maxFileSize() const { return m_maxFileSize; }
    // Bytes of source a work item reads (for progress).
    qint64 itemBytes(const QList<collect::CollectedFile>& files, const WorkItem& item) const;

private:
    qint64 m_maxFileSize = 0;
    std::vector<ReadPlan> m_plans;
    std::vector<WorkItem> m_items;
    std::vector<std::vector<std::size_t>> m_itemsOfFile;
};

// The segment size a request asks for (see CollectRequest::segmentBytes).
qint64 segmentBytesFor(const CollectRequest& request);

using WorkResult = Expected<SegmentOutcome>;

// Runs fn(itemIndex, item, start) for every item on the pool, then once more, in order, for
// every segment that must start from the state its predecessor ended in. fn checks cancel
// itself; its result for an item is replaced by the rerun's.
template <typename Fn>
std::vector<WorkResult> runWorkPlan(QThreadPool& pool, const WorkPlan& plan, Fn fn) {
    const auto& items = plan.items();
    std::vector<WorkResult> results(items.size(), tl::unexpected(Error{}));
    forEachFile(pool, static_cast<qsizetype>(items.size()), [&](qsizetype i) {
        const auto index = static_cast<std::size_t>(i);
        const WorkItem& item = items[index];
        results[index] =
            fn(index, item, scrub::StreamScrubber::SegmentStart{item.segment <= 0, {}});
    });
    for (qsizetype f = 0; f < plan.fileCount(); ++f) {
        const auto& ofFile = plan.itemsOf(f);
        for (std::size_t k = 1; k < ofFile.size(); ++k) {
            const WorkResult& before = results[ofFile[k - 1]];
            if (!before) {
                break; // the file fails with the first error
            }
            if (!before->end.isDefault()) {
                results[ofFile[k]] = fn(ofFile[k], items[ofFile[k]],
                                        scrub::StreamScrubber::SegmentStart{false, before->end});
            }
        }
    }
    return results;
}

// Scrubs one work item (a whole file or a segment) into `out` (nullptr: nothing is written).
WorkResult scrubItem(const QList<collect::CollectedFile>& files, const WorkPlan& plan,
                     const WorkItem& item, const scrub::ScrubEngine& engine, QIODevice* out,
                     const scrub::StreamScrubber::SegmentStart& start, const CancelToken* cancel,
                     std::size_t recordCarriedStates = 0);

// The outcome of one file from those of its items: the first error, or the sums (carried
// states with their line numbers counted from the file's start).
Expected<StagedFile> combineItems(const WorkPlan& plan, qsizetype file,
                                  const std::vector<WorkResult>& results);

} // namespace supportzip::core::pipeline
