// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/logtimerange.h"

#include "collect/gzipreader.h"

#include <QFile>
#include <QTimeZone>

#include <array>

namespace supportzip::core::collect {
namespace {

constexpr qint64 kProbeBytes = 64 * 1024;
constexpr qint64 kMaxInflatedForEnd = 1LL << 30; // beyond this, the mtime stands in

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
    if (pos + n > s.size()) {
        return false;
    }
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int monthIndex(std::string_view m) {
    static constexpr std::array<std::string_view, 12> months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (m == months[i]) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

QDateTime make(int y, int mo, int d, int h, int mi, int s) {
    const QDate date(y, mo, d);
    const QTime time(h, mi, s);
    // Offsets are ignored on purpose: the window is days wide, a few hours do not matter.
    return date.isValid() && time.isValid() ? QDateTime(date, time, QTimeZone::utc()) : QDateTime();
}

// Timestamp starting at pos: "2026-11-18 08:00:45" / "2026-11-18T08:00:45" (Jira, Confluence,
// GC), "18/Nov/2026:08:00:45" (access logs), "18-Nov-2026 07:58:12" (Tomcat).
QDateTime parseAt(std::string_view s, std::size_t pos) {
    int y, mo, d, h, mi, sec;
    if (digits(s, pos, 4, &y) && s.size() > pos + 19 && s[pos + 4] == '-' &&
        digits(s, pos + 5, 2, &mo) && s[pos + 7] == '-' && digits(s, pos + 8, 2, &d) &&
        (s[pos + 10] == ' ' || s[pos + 10] == 'T') && digits(s, pos + 11, 2, &h) &&
        s[pos + 13] == ':' && digits(s, pos + 14, 2, &mi) && s[pos + 16] == ':' &&
        digits(s, pos + 17, 2, &sec)) {
        return make(y, mo, d, h, mi, sec);
    }
    if (digits(s, pos, 2, &d) && s.size() > pos + 20 && (s[pos + 2] == '/' || s[pos + 2] == '-')) {
        const char sep = s[pos + 2];
        mo = monthIndex(s.substr(pos + 3, 3));
        if (mo > 0 && s[pos + 6] == sep && digits(s, pos + 7, 4, &y) &&
            (s[pos + 11] == ':' || s[pos + 11] == ' ') && digits(s, pos + 12, 2, &h) &&
            s[pos + 14] == ':' && digits(s, pos + 15, 2, &mi) && s[pos + 17] == ':' &&
            digits(s, pos + 18, 2, &sec)) {
            return make(y, mo, d, h, mi, sec);
        }
    }
    return {};
}

// Candidate positions: the start of a line, or just after '[' (GC and access logs).
QDateTime timestampInLine(std::string_view line) {
    if (QDateTime t = parseAt(line, 0); t.isValid()) {
        return t;
    }
    const std::size_t bracket = line.find('[');
    if (bracket != std::string_view::npos && bracket < 64) {
        return parseAt(line, bracket + 1);
    }
    return {};
}

QByteArray readHead(QIODevice& in) {
    return in.read(kProbeBytes);
}

} // namespace

QDateTime firstTimestamp(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        if (QDateTime t = timestampInLine(text.substr(start, end - start)); t.isValid()) {
            return t;
        }
        start = end + 1;
    }
    return {};
}

QDateTime lastTimestamp(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0) {
        const std::size_t nl = text.rfind('\n', end - 1);
        const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
        if (QDateTime t = timestampInLine(text.substr(start, end - start)); t.isValid()) {
            return t;
        }
        if (nl == std::string_view::npos) {
            break;
        }
        end = nl;
    }
    return {};
}

TimeRange logTimeRange(const QString& path, bool gzip, bool gzipEnd) {
    TimeRange range;
    if (gzip) {
        GzipReader in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            return range;
        }
        QByteArray tail = readHead(in);
        range.first = firstTimestamp(
            std::string_view(tail.constData(), static_cast<std::size_t>(tail.size())));
        if (!gzipEnd) {
            return range;
        }
        // Keep the last two probes' worth of the stream: its end holds the last timestamp.
        qint64 inflated = tail.size();
        QByteArray chunk;
        while (!(chunk = in.read(kProbeBytes)).isEmpty()) {
            inflated += chunk.size();
            if (inflated > kMaxInflatedForEnd) {
                return range;
            }
            tail = tail.right(kProbeBytes) + chunk;
        }
        range.last = lastTimestamp(
            std::string_view(tail.constData(), static_cast<std::size_t>(tail.size())));
        return range;
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        return range;
    }
    const QByteArray head = readHead(in);
    range.first =
        firstTimestamp(std::string_view(head.constData(), static_cast<std::size_t>(head.size())));
    in.seek(std::max<qint64>(0, in.size() - kProbeBytes));
    const QByteArray tail = in.read(kProbeBytes);
    range.last =
        lastTimestamp(std::string_view(tail.constData(), static_cast<std::size_t>(tail.size())));
    return range;
}

} // namespace supportzip::core::collect
