// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bundlesummary.h"

#include "bundle/bundlereader.h"
#include "review/logline.h"
#include "review/memberlines.h"

#include <QHash>
#include <QRegularExpression>

namespace supportzip::core::review {
namespace {

const QString kAppsMember = QStringLiteral("application-properties/installed-plugins.txt");

class SummaryBuilder {
public:
    explicit SummaryBuilder(const SummaryOptions& options)
        : m_options(options) {}

    void startMember(const QString& member) {
        m_member = member;
        m_tracker = LogEntryTracker();
        m_isApps = member == kAppsMember;
    }

    void line(qint64 number, QByteArrayView raw) {
        const LogLineInfo& entry = m_tracker.next(raw);
        const QString text = QString::fromUtf8(raw);
        if (m_isApps) {
            app(text);
            return;
        }
        exceptions(number, text, entry);
        if (entry.startsEntry && entry.level >= LogLevel::Error) {
            errorLogger(number, text, entry);
        }
        jvmArgument(text);
        gcPause(number, text, entry);
    }

    BundleSummary finish() {
        for (const ProblemGroup& g : std::as_const(m_groups)) {
            m_summary.problems.append(g);
        }
        std::sort(m_summary.problems.begin(), m_summary.problems.end(),
                  [](const ProblemGroup& a, const ProblemGroup& b) {
                      return a.count != b.count ? a.count > b.count : a.name < b.name;
                  });
        std::sort(
            m_summary.longGcPauses.begin(), m_summary.longGcPauses.end(),
            [](const GcPause& a, const GcPause& b) { return a.milliseconds > b.milliseconds; });
        return std::move(m_summary);
    }

private:
    void count(const QString& name, bool exception, qint64 number, const LogLineInfo& entry) {
        auto it = m_groups.find(name);
        if (it == m_groups.end()) {
            it = m_groups.insert(name, {name, exception, 0, {}, {}, m_member, number});
        }
        ++it->count;
        if (entry.time.isValid()) {
            if (!it->first.isValid() || entry.time < it->first) {
                it->first = entry.time;
            }
            if (!it->last.isValid() || entry.time > it->last) {
                it->last = entry.time;
            }
        }
    }

    // An exception counts once per entry: its "Caused by" and stack lines are the same problem.
    void exceptions(qint64 number, const QString& text, const LogLineInfo& entry) {
        static const QRegularExpression re(QStringLiteral(
            R"((?<![\w.$])((?:[a-z_][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error))(?=[:\s]|$))"));
        if (entry.startsEntry) {
            m_seenInEntry.clear();
        }
        if (text.startsWith(QStringLiteral("\tat ")) ||
            text.startsWith(QStringLiteral("    at "))) {
            return;
        }
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!m_seenInEntry.contains(name)) {
                m_seenInEntry.insert(name);
                count(name, true, number, entry);
            }
        }
    }

    void errorLogger(qint64 number, const QString& text, const LogLineInfo& entry) {
        static const QRegularExpression re(QStringLiteral(R"(\[((?:[\w$]+\.)+[\w$]+)\])"));
        const QRegularExpressionMatch m = re.match(text);
        count(m.hasMatch() ? m.captured(1) : QStringLiteral("(no logger)"), false, number, entry);
    }

    void jvmArgument(const QString& text) {
        static const QString marker = QStringLiteral("Command line argument: ");
        const qsizetype at = text.indexOf(marker);
        if (at >= 0) {
            const QString arg = text.mid(at + marker.size()).trimmed();
            if (!m_jvmSeen.contains(arg)) {
                m_jvmSeen.insert(arg);
                m_summary.jvmArguments.append(arg);
            }
        }
    }

    void gcPause(qint64 number, const QString& text, const LogLineInfo& entry) {
        static const QRegularExpression re(
            QStringLiteral(R"(\]\s*GC\(\d+\) (Pause .*?) \S*->\S* ([\d.]+)ms\s*$)"));
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch()) {
            return;
        }
        const double ms = m.captured(2).toDouble();
        ++m_summary.gcPauses;
        m_summary.longestGcPauseMs = std::max(m_summary.longestGcPauseMs, ms);
        if (ms >= m_options.gcThresholdMs &&
            m_summary.longGcPauses.size() < m_options.maxGcPauses) {
            m_summary.longGcPauses.append({m_member, number, entry.time, m.captured(1), ms});
        }
    }

    void app(const QString& text) {
        if (text.startsWith(u'#') || text.trimmed().isEmpty()) {
            return;
        }
        const QStringList f = text.split(u'\t');
        m_summary.apps.append({f.value(0), f.value(1), f.value(2), f.value(3), f.value(4)});
    }

    const SummaryOptions& m_options;
    BundleSummary m_summary;
    QHash<QString, ProblemGroup> m_groups;
    QSet<QString> m_seenInEntry;
    QSet<QString> m_jvmSeen;
    LogEntryTracker m_tracker;
    QString m_member;
    bool m_isApps = false;
};

} // namespace

Expected<BundleSummary> summarizeBundle(const QString& bundlePath, const SummaryOptions& options,
                                        const CancelToken* cancel, const Secret& password) {
    auto reader = bundle::BundleReader::open(bundlePath, password);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    SummaryBuilder builder(options);
    for (const bundle::BundleMember& m : (*reader)->members()) {
        if (m.name == QStringLiteral("manifest.json") || m.name == QStringLiteral("README.txt")) {
            continue;
        }
        builder.startMember(m.name);
        auto done = forEachLine(
            **reader, m.name,
            [&](qint64 number, QByteArrayView raw) {
                builder.line(number, raw);
                return true;
            },
            cancel);
        if (!done && done.error().code == ErrorCode::Cancelled) {
            return tl::unexpected(done.error());
        }
    }
    return builder.finish();
}

} // namespace supportzip::core::review
