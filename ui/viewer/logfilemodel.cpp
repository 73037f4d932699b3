// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/logfilemodel.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QElapsedTimer>
#include <QMetaObject>

#include <climits>

namespace supportzip::ui {

namespace {

using core::text::LineIndex;

constexpr qint64 kStride = LineIndex::kStride;

// Tabs and control characters would break the one-character-per-column layout the highlights
// rely on; each becomes one visible character, so positions stay where the transform put them.
void makeDisplaySafe(QString& text) {
    for (QChar& c : text) {
        if (c == u'\t') {
            c = u' ';
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            c = QChar(0x00b7);
        }
    }
}

QString transformed(const LogFileModel::LineTransform& transform, qint64 row, const QByteArray& raw,
                    Highlights* highlights) {
    QString text = transform ? transform(row, raw, highlights) : QString::fromUtf8(raw);
    makeDisplaySafe(text);
    return text;
}

} // namespace

LogFileModel::LogFileModel(QObject* parent)
    : QAbstractListModel(parent) {
}

LogFileModel::~LogFileModel() {
    close();
}

void LogFileModel::open(const QString& path) {
    close();
    auto index = std::make_shared<LineIndex>(path);
    auto cancel = std::make_shared<core::CancelToken>();
    m_index = index;
    m_cancel = cancel;
    m_indexed = false;
    // The destructor and close() wait for this task, so `this` outlives every event it posts;
    // events from an index that was replaced meanwhile are ignored.
    m_indexing = QtConcurrent::run([this, index, cancel]() {
        QElapsedTimer sinceLast;
        sinceLast.start();
        auto result = index->build(cancel.get(), [&](qint64 lines, qint64 bytes) {
            if (sinceLast.elapsed() < 50) {
                return;
            }
            sinceLast.restart();
            const qint64 total = index->totalBytes();
            QMetaObject::invokeMethod(
                this,
                [this, index, lines, bytes, total]() {
                    if (m_index == index) {
                        publishRows(lines);
                        Q_EMIT indexingProgress(bytes, total);
                    }
                },
                Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(
            this,
            [this, index, result]() {
                if (m_index != index) {
                    return;
                }
                m_indexed = true;
                if (!result) {
                    if (result.error().code != core::ErrorCode::Cancelled) {
                        Q_EMIT openFailed(result.error().toString());
                    }
                    return;
                }
                publishRows(index->lineCount());
                Q_EMIT indexingProgress(index->indexedBytes(), index->totalBytes());
                Q_EMIT indexingFinished();
            },
            Qt::QueuedConnection);
    });
}

void LogFileModel::close() {
    if (m_cancel) {
        m_cancel->requestCancel();
    }
    m_indexing.waitForFinished();
    if (m_rows > 0 || m_index) {
        beginResetModel();
        m_index.reset();
        m_cancel.reset();
        m_rows = 0;
        m_cache.clear();
        m_widest = 0;
        endResetModel();
    }
}

QString LogFileModel::path() const {
    return m_index ? m_index->path() : QString();
}

bool LogFileModel::isIndexing() const {
    // Until the last rows are published on this thread, not merely until the worker returns.
    return m_index != nullptr && !m_indexed;
}

void LogFileModel::setLineTransform(LineTransform transform) {
    m_transform = std::move(transform);
    m_cache.clear();
    m_widest = 0;
    if (m_rows > 0) {
        Q_EMIT dataChanged(index(0), index(m_rows - 1));
    }
}

void LogFileModel::publishRows(qint64 lines) {
    const int rows = static_cast<int>(std::min<qint64>(lines, INT_MAX));
    if (rows <= m_rows) {
        return;
    }
    // The block that held the last, partly indexed lines is read again with its new lines.
    m_cache.remove(m_rows / kStride);
    beginInsertRows({}, m_rows, rows - 1);
    m_rows = rows;
    endInsertRows();
}

int LogFileModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

const LogFileModel::Block* LogFileModel::block(qint64 blockNumber) const {
    auto it = m_cache.find(blockNumber);
    if (it != m_cache.end()) {
        it->lastUse = ++m_useClock;
        return &*it;
    }
    if (!m_index) {
        return nullptr;
    }
    auto lines = m_index->readLines(blockNumber * kStride, kStride);
    if (!lines) {
        // Reported once per failed read; the view shows empty rows rather than stale text.
        QMetaObject::invokeMethod(
            const_cast<LogFileModel*>(this),
            [self = const_cast<LogFileModel*>(this), message = lines.error().toString()]() {
                Q_EMIT self->readFailed(message);
            },
            Qt::QueuedConnection);
        return nullptr;
    }
    if (m_cache.size() >= kCachedBlocks) {
        auto oldest = m_cache.begin();
        for (auto c = m_cache.begin(); c != m_cache.end(); ++c) {
            if (c->lastUse < oldest->lastUse) {
                oldest = c;
            }
        }
        m_cache.erase(oldest);
    }
    Block b;
    b.lastUse = ++m_useClock;
    b.lines.reserve(lines->size());
    qint64 row = blockNumber * kStride;
    for (const core::text::LineText& raw : std::as_const(*lines)) {
        Line l;
        l.text = transformed(m_transform, row++, raw.bytes, &l.highlights);
        l.omittedBytes = raw.omittedBytes;
        m_widest = std::max(m_widest, static_cast<int>(l.text.size()));
        b.lines.append(std::move(l));
    }
    return &*m_cache.insert(blockNumber, std::move(b));
}

const LogFileModel::Line* LogFileModel::line(int row) const {
    if (row < 0 || row >= m_rows) {
        return nullptr;
    }
    const Block* b = block(row / kStride);
    const qsizetype i = row % kStride;
    return b && i < b->lines.size() ? &b->lines[i] : nullptr;
}

QVariant LogFileModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    if (role == LineNumberRole) {
        return index.row() + 1;
    }
    const Line* l = line(index.row());
    if (!l) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return l->text;
    case HighlightsRole:
        return QVariant::fromValue(l->highlights);
    case OmittedBytesRole:
        return l->omittedBytes;
    default:
        return {};
    }
}

QString LogFileModel::lineText(int row) const {
    const Line* l = line(row);
    return l ? l->text : QString();
}

Highlights LogFileModel::lineHighlights(int row) const {
    const Line* l = line(row);
    return l ? l->highlights : Highlights{};
}

QFuture<int> LogFileModel::findAsync(const QRegularExpression& pattern, int from,
                                     Direction direction, bool highlightsOnly) const {
    auto index = m_index;
    auto cancel = m_cancel;
    const int rows = m_rows;
    if (!index || rows == 0) {
        return QtConcurrent::run([]() { return -1; });
    }
    return QtConcurrent::run([index, cancel, rows, pattern, from, direction, highlightsOnly,
                              transform = m_transform]() -> int {
        const bool forward = direction == Direction::Forward;
        const int first = forward ? from + 1 : from - 1;
        if (first < 0 || first >= rows) {
            return -1;
        }
        for (qint64 b = first / kStride; b >= 0 && b * kStride < rows; b += forward ? 1 : -1) {
            if (cancel && cancel->isCancelled()) {
                return -1;
            }
            auto lines = index->readLines(b * kStride, kStride);
            if (!lines) {
                return -1;
            }
            const qsizetype n = lines->size();
            for (qsizetype k = 0; k < n; ++k) {
                const qsizetype i = forward ? k : n - 1 - k;
                const qint64 row = b * kStride + i;
                if ((forward && row < first) || (!forward && row > first) || row >= rows) {
                    continue;
                }
                Highlights highlights;
                const QString text = transformed(transform, row, (*lines)[i].bytes, &highlights);
                const bool hit =
                    highlightsOnly ? !highlights.isEmpty() : pattern.match(text).hasMatch();
                if (hit) {
                    return static_cast<int>(row);
                }
            }
        }
        return -1;
    });
}

} // namespace supportzip::ui
