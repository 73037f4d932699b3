// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/rowfilter.h"

#include "text/lineindex.h"

namespace supportzip::core::review {

bool RowFilter::accepts(const LogLineInfo& entry) const {
    if (minLevel != LogLevel::None && entry.level < minLevel) {
        return false;
    }
    if (!thread.isEmpty() && !entry.thread.contains(thread, Qt::CaseInsensitive)) {
        return false;
    }
    if (from.isValid() && (!entry.time.isValid() || entry.time < from)) {
        return false;
    }
    return !to.isValid() || (entry.time.isValid() && entry.time <= to);
}

Expected<QList<int>> filterRows(const QString& filePath, const RowFilter& filter,
                                const CancelToken* cancel,
                                const std::function<void(qint64)>& onProgress) {
    // The same index as the viewer's, so row numbers agree exactly (line breaks, endless lines).
    text::LineIndex index(filePath);
    if (auto built = index.build(cancel); !built) {
        return tl::unexpected(built.error());
    }
    QList<int> rows;
    LogEntryTracker tracker;
    const qint64 total = index.lineCount();
    for (qint64 first = 0; first < total; first += text::LineIndex::kStride) {
        if (cancel != nullptr && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        auto lines = index.readLines(first, text::LineIndex::kStride);
        if (!lines) {
            return tl::unexpected(lines.error());
        }
        for (qsizetype i = 0; i < lines->size(); ++i) {
            if (filter.accepts(tracker.next(lines->at(i).bytes))) {
                rows.append(static_cast<int>(first + i));
            }
        }
        if (onProgress) {
            onProgress(first + lines->size());
        }
    }
    return rows;
}

} // namespace supportzip::core::review
