// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/segmentedrun.h"

#include "pipeline/collectjob.h"

namespace supportzip::core::pipeline {

WorkPlan::WorkPlan(const QList<collect::CollectedFile>& files, qint64 maxFileSize,
                   qint64 segmentBytes)
    : m_maxFileSize(maxFileSize) {
    m_plans.reserve(static_cast<std::size_t>(files.size()));
    m_itemsOfFile.resize(static_cast<std::size_t>(files.size()));
    for (qsizetype f = 0; f < files.size(); ++f) {
        m_plans.push_back(planRead(files[f], maxFileSize, segmentBytes));
        auto& ofFile = m_itemsOfFile[static_cast<std::size_t>(f)];
        const ReadPlan& plan = m_plans.back();
        if (plan.whole) {
            ofFile.push_back(m_items.size());
            m_items.push_back({f, -1});
            continue;
        }
        for (std::size_t k = 0; k < plan.segments.size(); ++k) {
            ofFile.push_back(m_items.size());
            m_items.push_back({f, static_cast<int>(k)});
        }
    }
}

qint64 segmentBytesFor(const CollectRequest& request) {
    return request.segmentBytes == 0 ? WorkPlan::kDefaultSegmentBytes : request.segmentBytes;
}

qint64 WorkPlan::itemBytes(const QList<collect::CollectedFile>& files, const WorkItem& item) const {
    if (item.segment < 0) {
        return files[item.file].size;
    }
    return readPlan(item.file).segments[static_cast<std::size_t>(item.segment)].length;
}

WorkResult scrubItem(const QList<collect::CollectedFile>& files, const WorkPlan& plan,
                     const WorkItem& item, const scrub::ScrubEngine& engine, QIODevice* out,
                     const scrub::StreamScrubber::SegmentStart& start, const CancelToken* cancel,
                     std::size_t recordCarriedStates) {
    const collect::CollectedFile& file = files[item.file];
    if (item.segment >= 0) {
        return scrubSegment(
            file, plan.readPlan(item.file).segments[static_cast<std::size_t>(item.segment)], engine,
            out, start, cancel, recordCarriedStates);
    }
    auto staged =
        scrubCollectedFileTo(file, engine, out, plan.maxFileSize(), cancel, recordCarriedStates);
    if (!staged) {
        return tl::unexpected(staged.error());
    }
    return SegmentOutcome{std::move(staged->stats), {}, staged->truncated};
}

Expected<StagedFile> combineItems(const WorkPlan& plan, qsizetype file,
                                  const std::vector<WorkResult>& results) {
    StagedFile staged;
    staged.truncated = plan.readPlan(file).truncated;
    bool first = true;
    for (std::size_t index : plan.itemsOf(file)) {
        const WorkResult& r = results[index];
        if (!r) {
            return tl::unexpected(r.error());
        }
        const scrub::ScrubStats& s = r->stats;
        if (first) {
            staged.stats.encoding = s.encoding;
            staged.truncated = staged.truncated || r->truncated;
            first = false;
        }
        for (const auto& [line, state] : s.carried) {
            staged.stats.carried.emplace_back(staged.stats.lines + line, state);
        }
        staged.stats.bytesIn += s.bytesIn;
        staged.stats.bytesOut += s.bytesOut;
        staged.stats.lines += s.lines;
        for (std::size_t c = 0; c < scrub::kCategoryCount; ++c) {
            staged.stats.counts[c] += s.counts[c];
        }
        staged.stats.pseudonyms.insert(s.pseudonyms.begin(), s.pseudonyms.end());
    }
    staged.sizeBefore = staged.stats.bytesIn;
    staged.sizeAfter = staged.stats.bytesOut;
    return staged;
}

} // namespace supportzip::core::pipeline
