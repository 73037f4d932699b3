// SPDX-License-Identifier: GPL-3.0-or-later
// Which lines of a log pass a reviewer's filter (level, thread, time range). The answer is a list
// of row numbers only, so a filtered view of a 1 GiB log costs 4 bytes per matching line and
// shows its lines through the same lazy viewer. Rows are those of text::LineIndex.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "review/logline.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace supportzip::core::review {

struct RowFilter {
    LogLevel minLevel = LogLevel::None; // None: any level, lines without one included
    QString thread;                     // substring of the thread name; empty: any
    QDateTime from;                     // invalid: open
    QDateTime to;                       // invalid: open

    bool isEmpty() const {
        return minLevel == LogLevel::None && thread.isEmpty() && !from.isValid() && !to.isValid();
    }
    bool accepts(const LogLineInfo& entry) const;
};

// Synchronous; call it on a worker thread. Errors: those of reading the file, Cancelled.
// onProgress(rowsScanned) is called now and then.
Expected<QList<int>> filterRows(const QString& filePath, const RowFilter& filter,
                                const CancelToken* cancel = nullptr,
                                const std::function<void(qint64)>& onProgress = {});

} // namespace supportzip::core::review
