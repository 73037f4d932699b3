// SPDX-License-Identifier: GPL-3.0-or-later
// One row per line of a text file of any size. The file is indexed off the GUI thread (rows
// appear while it runs) and lines are read on demand in blocks kept in a small cache, so memory
// stays flat whether the log is 1 KB or 1 GiB. A transform turns a raw line into what is shown
// (e.g. the scrubbed text) with its highlights; the preview and the review window use the same
// model over the original and the sanitized text.
#pragma once

#include "text/lineindex.h"
#include "viewer/highlight.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QHash>
#include <QRegularExpression>

#include <functional>
#include <memory>

namespace supportzip::ui {

class LogFileModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { HighlightsRole = Qt::UserRole + 1, LineNumberRole, OmittedBytesRole };

    // row is 0-based; raw has no line break. Fills `highlights` (may be left empty). Called on
    // the GUI thread when a block is loaded, and on a worker thread by findAsync(), so it must be
    // safe to call from two threads at once.
    using LineTransform =
        std::function<QString(qint64 row, const QByteArray& raw, Highlights* highlights)>;

    static constexpr int kCachedBlocks = 64; // of LineIndex::kStride lines each

    explicit LogFileModel(QObject* parent = nullptr);
    ~LogFileModel() override;

    // Starts indexing; rows appear as it proceeds. indexingFinished() or openFailed() follows.
    void open(const QString& path);
    void close();
    QString path() const;
    bool isIndexing() const; // true from open() until indexingFinished()/openFailed()

    // Clears the cache, so every line is shown through the new transform.
    void setLineTransform(LineTransform transform);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // The displayed text of a row (empty when out of range or unreadable).
    QString lineText(int row) const;
    Highlights lineHighlights(int row) const;
    // Longest line, in characters, among those loaded so far (the view's scroll width).
    int widestLoadedLine() const { return m_widest; }
    int cachedBlockCount() const { return static_cast<int>(m_cache.size()); }

    enum class Direction { Forward, Backward };
    // First row after (or before) `from` whose displayed text matches `pattern`, or whose
    // highlights are not empty when `pattern` is invalid/empty and `highlightsOnly` is set.
    // Runs on a worker thread over the whole file; -1 when there is none. The future is
    // cancelled with the model (close(), a new open(), destruction).
    QFuture<int> findAsync(const QRegularExpression& pattern, int from, Direction direction,
                           bool highlightsOnly = false) const;

Q_SIGNALS:
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal);
    void indexingFinished();
    void openFailed(const QString& message);
    void readFailed(const QString& message);

private:
    struct Line {
        QString text;
        Highlights highlights;
        qint64 omittedBytes = 0;
    };
    struct Block {
        QList<Line> lines;
        quint64 lastUse = 0;
    };
    const Block* block(qint64 blockNumber) const;
    const Line* line(int row) const;
    void publishRows(qint64 lines);
    static QString display(const QByteArray& raw);

    std::shared_ptr<core::text::LineIndex> m_index;
    std::shared_ptr<core::CancelToken> m_cancel;
    QFuture<void> m_indexing;
    LineTransform m_transform;
    int m_rows = 0;
    bool m_indexed = false; // the worker finished and its last rows were published
    mutable QHash<qint64, Block> m_cache;
    mutable quint64 m_useClock = 0;
    mutable int m_widest = 0;
};

} // namespace supportzip::ui
