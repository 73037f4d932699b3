// SPDX-License-Identifier: GPL-3.0-or-later
// What a reviewer filters by in a log line: its level, its thread and its time, for the formats a
// bundle holds (Jira and Confluence application logs, catalina.out, GC logs, access logs). A line
// that starts no entry (a stack frame, a continued message) belongs to the entry above it.
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace supportzip::core::review {

enum class LogLevel { None, Trace, Debug, Info, Warn, Error, Fatal };

struct LogLineInfo {
    bool startsEntry = false; // has a timestamp of a known format at its start
    QDateTime time;           // UTC; invalid when the line starts no entry
    LogLevel level = LogLevel::None;
    QString thread;
};

LogLineInfo parseLogLine(QByteArrayView line);
QString logLevelName(LogLevel level);

// Follows a file entry by entry: continuation lines inherit the level, thread and time of the
// entry they belong to.
class LogEntryTracker final {
public:
    const LogLineInfo& next(QByteArrayView line);

private:
    LogLineInfo m_current;
};

} // namespace supportzip::core::review
