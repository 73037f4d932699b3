// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/logline.h"

#include <QRegularExpression>

namespace supportzip::core::review {
namespace {

struct TimeFormat {
    QRegularExpression pattern; // captures the timestamp text in group 1
    QString format;             // QDateTime::fromString format of that text
};

// Offsets ("+0000") are dropped: Atlassian logs of one bundle share the server's zone, and a
// range filter compares them with each other.
const QList<TimeFormat>& timeFormats() {
    static const QList<TimeFormat> formats{
        {QRegularExpression(QStringLiteral(R"(^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}))")),
         QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")},
        {QRegularExpression(QStringLiteral(R"(^(\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\.\d{3}))")),
         QStringLiteral("dd-MMM-yyyy HH:mm:ss.zzz")},
        {QRegularExpression(QStringLiteral(R"(^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}))")),
         QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")},
        {QRegularExpression(
             QStringLiteral(R"(^\S+ \S+ \S+ \[(\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d))")),
         QStringLiteral("dd/MMM/yyyy:HH:mm:ss")},
    };
    return formats;
}

const QRegularExpression& levelPattern() {
    static const QRegularExpression re(
        QStringLiteral(R"(\s(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|SEVERE|FATAL)\s)"));
    return re;
}

LogLevel levelFrom(QStringView word) {
    if (word == u"ERROR" || word == u"SEVERE") {
        return LogLevel::Error;
    }
    if (word == u"WARN" || word == u"WARNING") {
        return LogLevel::Warn;
    }
    if (word == u"INFO") {
        return LogLevel::Info;
    }
    if (word == u"DEBUG") {
        return LogLevel::Debug;
    }
    return word == u"TRACE" ? LogLevel::Trace : LogLevel::Fatal;
}

// Jira: "<time> <thread> [url: ...; user: ...] LEVEL ..."; Confluence and Tomcat:
// "<time> LEVEL [thread] ...".
QString threadOf(const QString& text, qsizetype afterTime, qsizetype levelStart,
                 qsizetype levelEnd) {
    const QString before = text.mid(afterTime, levelStart - afterTime).trimmed();
    if (!before.isEmpty()) {
        const qsizetype url = before.indexOf(QStringLiteral(" url: "));
        return url < 0 ? before : before.first(url);
    }
    const qsizetype open = text.indexOf(u'[', levelEnd);
    const qsizetype close = open < 0 ? -1 : text.indexOf(u']', open);
    return close < 0 ? QString() : text.mid(open + 1, close - open - 1);
}

} // namespace

LogLineInfo parseLogLine(QByteArrayView line) {
    LogLineInfo info;
    const QString text = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 2048)));
    for (const TimeFormat& f : timeFormats()) {
        const QRegularExpressionMatch m = f.pattern.match(text);
        if (!m.hasMatch()) {
            continue;
        }
        info.time = QDateTime::fromString(m.captured(1), f.format);
        info.time.setTimeSpec(Qt::UTC);
        info.startsEntry = info.time.isValid();
        const qsizetype afterTime = m.capturedEnd(0);
        const QRegularExpressionMatch level = levelPattern().match(text, afterTime);
        if (level.hasMatch()) {
            info.level = levelFrom(level.capturedView(1));
            info.thread = threadOf(text, afterTime, level.capturedStart(0), level.capturedEnd(0));
        }
        break;
    }
    return info;
}

QString logLevelName(LogLevel level) {
    static const char* const names[] = {"", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    return QString::fromLatin1(names[static_cast<int>(level)]);
}

const LogLineInfo& LogEntryTracker::next(QByteArrayView line) {
    LogLineInfo info = parseLogLine(line);
    if (info.startsEntry) {
        m_current = std::move(info);
    } else {
        m_current.startsEntry = false;
    }
    return m_current;
}

} // namespace supportzip::core::review
