// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/memberlines.h"

#include <QByteArray>

namespace supportzip::core::review {
namespace {

class LineSplitter {
public:
    explicit LineSplitter(const LineSink& sink)
        : m_sink(sink) {}

    bool feed(QByteArrayView chunk) {
        while (!chunk.isEmpty()) {
            const qsizetype nl = chunk.indexOf('\n');
            const QByteArrayView part = nl < 0 ? chunk : chunk.first(nl);
            append(part);
            if (nl < 0) {
                return true;
            }
            if (!emitLine()) {
                return false;
            }
            chunk = chunk.sliced(nl + 1);
        }
        return true;
    }

    bool finish() { return m_pending.isEmpty() && !m_cut ? true : emitLine(); }

private:
    void append(QByteArrayView part) {
        const qint64 room = kMaxLineBytes - m_pending.size();
        if (part.size() > room) {
            m_cut = true;
            part = part.first(room);
        }
        m_pending.append(part);
    }

    bool emitLine() {
        ++m_line;
        if (m_pending.endsWith('\r')) {
            m_pending.chop(1);
        }
        const bool go = m_sink(m_line, m_pending);
        m_pending.clear();
        m_cut = false;
        return go;
    }

    const LineSink& m_sink;
    QByteArray m_pending;
    qint64 m_line = 0;
    bool m_cut = false;
};

} // namespace

Expected<void> forEachLine(const bundle::BundleReader& reader, const QString& member,
                           const LineSink& sink, const CancelToken* cancel) {
    LineSplitter splitter(sink);
    bool stopped = false;
    auto streamed = reader.stream(
        member,
        [&](QByteArrayView chunk) {
            stopped = !splitter.feed(chunk);
            return !stopped;
        },
        cancel);
    if (!streamed) {
        return streamed;
    }
    if (cancel != nullptr && cancel->isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
    if (!stopped) {
        splitter.finish();
    }
    return {};
}

} // namespace supportzip::core::review
