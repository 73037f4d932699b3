// SPDX-License-Identifier: GPL-3.0-or-later
// A sparse index of line starts in a text file, so a viewer can show any line of a 1 GiB log
// without loading it: one offset per kStride lines (a log of ten million lines costs about
// 300 KB), and reading line N seeks to the checkpoint before it and scans at most kStride lines.
#pragma once

#include "common/error.h"
#include "common/progress.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <vector>

namespace supportzip::core::text {

struct LineText {
    QByteArray bytes;        // without the line break; at most kMaxLineBytes
    qint64 omittedBytes = 0; // bytes of an endless line beyond kMaxLineBytes, not read
};

class LineIndex final {
public:
    static constexpr qint64 kStride = 256;
    static constexpr qint64 kMaxLineBytes = 16 * 1024;

    explicit LineIndex(QString path);

    const QString& path() const { return m_path; }

    // Scans the file as it is when build() starts (a log that grows meanwhile is indexed up to
    // that size), in blocks, calling onProgress(lines, bytes) after each. Call once, from any
    // thread; the reading functions may run concurrently and see the lines indexed so far.
    Expected<void> build(const CancelToken* cancel = nullptr,
                         const std::function<void(qint64 lines, qint64 bytes)>& onProgress = {});

    qint64 lineCount() const;    // complete lines so far; the last unterminated one when done
    qint64 indexedBytes() const; // bytes scanned so far
    qint64 totalBytes() const;   // the size build() indexes up to
    bool isComplete() const;

    // Lines [first, first + count), clamped to the indexed ones. A file that vanished or shrank
    // since indexing gives an error, never stale or made-up text.
    Expected<QList<LineText>> readLines(qint64 first, qint64 count) const;

private:
    QString m_path;
    mutable QMutex m_mutex;
    std::vector<qint64> m_checkpoints; // offset of line k * kStride
    qint64 m_lines = 0;
    qint64 m_bytes = 0;
    qint64 m_total = 0;
    bool m_complete = false;
};

} // namespace supportzip::core::text
