// SPDX-License-Identifier: GPL-3.0-or-later
// The time range a log covers, read from its first and last timestamps (not its mtime: a
// rotated log copied or restored has a fresh mtime). Understands the layouts Jira, Confluence,
// Tomcat, access and GC logs use.
#pragma once

#include <QDateTime>
#include <QString>

#include <string_view>

namespace supportzip::core::collect {

struct TimeRange {
    QDateTime first; // invalid when no timestamp was found
    QDateTime last;
};

// The first timestamp in text (one of the known layouts), or an invalid QDateTime.
QDateTime firstTimestamp(std::string_view text);
// The last timestamp in text (scans its final lines).
QDateTime lastTimestamp(std::string_view text);

// Reads the head and the tail of a log. A gzip stream cannot seek to its end: its last
// timestamp is read (inflating the whole stream, up to 1 GiB) only when gzipEnd is set, else
// (and beyond that size) `last` is invalid and the caller falls back to the mtime.
TimeRange logTimeRange(const QString& path, bool gzip, bool gzipEnd = false);

} // namespace supportzip::core::collect
