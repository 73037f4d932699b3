// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "bundleoptions.h"
#include "consentoptions.h"

#include "exitcode.h"
#include "interruptwatcher.h"
#include "passwordoptions.h"
#include "pipeline/collectjob.h"
#include "pipeline/previewjob.h"
#include "sendoptions.h"
#include "scrub/category.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <optional>

namespace supportzip::cli {
namespace {

// "7d", "12h", or an ISO date.
QDateTime parseSince(const QString& text) {
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([dh])$"));
    if (const auto m = relative.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        return QDateTime::currentDateTimeUtc().addSecs(
            -n * (m.captured(2) == QStringLiteral("d") ? 86400 : 3600));
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        t = QDate::fromString(text, Qt::ISODate).startOfDay(Qt::UTC);
    }
    return t;
}

// "100M", "2G", "512k", "1048576".
qint64 parseSize(const QString& text, bool* ok) {
    static const QRegularExpression re(QStringLiteral("^(\\d+)([kKmMgG]?)[bB]?$"));
    const auto m = re.match(text);
    *ok = m.hasMatch();
    if (!*ok) {
        return 0;
    }
    const QString unit = m.captured(2).toLower();
    const qint64 mult = unit == QStringLiteral("k")   ? 1024
                        : unit == QStringLiteral("m") ? 1024 * 1024
                        : unit == QStringLiteral("g") ? 1024LL * 1024 * 1024
                                                      : 1;
    return m.captured(1).toLongLong() * mult;
}

QString findingsLine(const core::scrub::CategoryCounts& counts) {
    QStringList parts;
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        const auto n = core::scrub::categoryName(static_cast<core::scrub::Category>(i));
        parts << QStringLiteral("%1 %2").arg(counts[i]).arg(
            QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size())));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString CollectCommand::name() const {
    return QStringLiteral("collect");
}
QString CollectCommand::description() const {
    return QStringLiteral("Collect, scrub and bundle the diagnostics of an installation.");
}

void addInstallationOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("install"),
                 QStringLiteral("Installation folder (e.g. /opt/atlassian/jira)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("home"),
                 QStringLiteral("Home folder (e.g. /var/atlassian/application-data/jira)."),
                 QStringLiteral("DIR")});
}

void CollectCommand::addOptions(QCommandLineParser& p) const {
    addInstallationOptions(p);
    addBundleOptions(p);
}

void addPlanOptions(QCommandLineParser& p) {
    p.addOption({QStringLiteral("since"),
                 QStringLiteral("Only logs with entries since (7d, 12h or a date)."),
                 QStringLiteral("WHEN")});
    p.addOption(
        {QStringLiteral("until"),
         QStringLiteral("Only logs with entries up to this date (2026-11-20 or an ISO time)."),
         QStringLiteral("WHEN")});
    p.addOption({QStringLiteral("max-file-size"),
                 QStringLiteral("Keep only the newest part of larger logs (e.g. 100M)."),
                 QStringLiteral("SIZE")});
    p.addOption({QStringLiteral("max-total-size"),
                 QStringLiteral("Leave out the oldest logs beyond this size in all (e.g. 2G)."),
                 QStringLiteral("SIZE")});
    p.addOption({QStringLiteral("exclude"),
                 QStringLiteral("Leave out a category (bundle folder), repeatable."),
                 QStringLiteral("CATEGORY")});
    p.addOption({QStringLiteral("rules"),
                 QStringLiteral("Rules file (YAML, or JSON if named .json) with actions, terms "
                                "and keep list; see docs/rules.md."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("term"),
                 QStringLiteral("Custom term to pseudonymize everywhere, repeatable."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("term-regex"),
                 QStringLiteral("Custom term as a regular expression (PCRE, case-insensitive), "
                                "repeatable."),
                 QStringLiteral("PATTERN")});
    p.addOption({QStringLiteral("keep"), QStringLiteral("Value never to touch, repeatable."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("vault"),
                 QStringLiteral("Folder of the local vault (pseudonym key and mapping)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("exclude-file"),
                 QStringLiteral("Leave out one file (its local path), repeatable."),
                 QStringLiteral("PATH")});
    addWindowsPathOption(p);
}

void addBundleOptions(QCommandLineParser& p) {
    addConsentOptions(p);
    addPlanOptions(p);
    p.addOption(
        {QStringLiteral("thread-dumps"),
         QStringLiteral("Thread dumps to take when the application runs (default 3, 0: none)."),
         QStringLiteral("N")});
    p.addOption({QStringLiteral("thread-dump-interval"),
                 QStringLiteral("Seconds between thread dumps (default 5)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("dry-run"),
                 QStringLiteral("Scrub without writing: print the findings per file that the "
                                "bundle would hold (no consent needed).")});
    addPasswordOptions(p, PasswordUse::Write);
    addSendOptions(p);
}

int fillPlanRequest(CommandContext& ctx, const QCommandLineParser& p,
                    core::pipeline::CollectRequest& r) {
    r.excludeFiles = p.values(QStringLiteral("exclude-file"));
    if (const int rc = fillWindowsPaths(ctx, p, r.discovery); rc >= 0) {
        return rc;
    }
    if (p.isSet(QStringLiteral("since"))) {
        r.collection.since = parseSince(p.value(QStringLiteral("since")));
        if (!r.collection.since.isValid()) {
            ctx.err << "supportzip: --since needs 7d, 12h or a date like 2026-11-01\n";
            return ExitCode::Usage;
        }
    }
    if (p.isSet(QStringLiteral("until"))) {
        // A date alone means the whole of that day.
        const QString until = p.value(QStringLiteral("until"));
        r.collection.until =
            until.contains(u'T') ? parseSince(until) : parseSince(until).addDays(1).addSecs(-1);
        if (!r.collection.until.isValid()) {
            ctx.err << "supportzip: --until needs a date like 2026-11-20 or an ISO time\n";
            return ExitCode::Usage;
        }
    }
    if (p.isSet(QStringLiteral("max-total-size"))) {
        bool ok = false;
        r.maxTotalSize = parseSize(p.value(QStringLiteral("max-total-size")), &ok);
        if (!ok) {
            ctx.err << "supportzip: --max-total-size needs a size like 2G\n";
            return ExitCode::Usage;
        }
    }
    if (p.isSet(QStringLiteral("max-file-size"))) {
        bool ok = false;
        r.maxFileSize = parseSize(p.value(QStringLiteral("max-file-size")), &ok);
        if (!ok) {
            ctx.err << "supportzip: --max-file-size needs a size like 100M\n";
            return ExitCode::Usage;
        }
    }
    // A dry run writes nothing to encrypt: it asks for no password.
    if (!p.isSet(QStringLiteral("dry-run"))) {
        if (const int rc = readPassword(ctx, p, PasswordUse::Write, r.password); rc >= 0) {
            return rc;
        }
    }
    r.collection.excludeCategories = p.values(QStringLiteral("exclude"));
    r.rulesFile = p.value(QStringLiteral("rules"));
    r.terms = p.values(QStringLiteral("term"));
    r.termPatterns = p.values(QStringLiteral("term-regex"));
    r.keep = p.values(QStringLiteral("keep"));
    r.vaultDir = p.value(QStringLiteral("vault"));
    r.threads = p.value(QStringLiteral("threads")).toInt();
    return -1;
}

int fillBundleRequest(CommandContext& ctx, const QCommandLineParser& p,
                      core::pipeline::CollectRequest& r) {
    r.outputPath = p.value(QStringLiteral("out"));
    // A dry run writes nothing, so it needs no consent yet.
    if (!p.isSet(QStringLiteral("dry-run")) || p.isSet(QStringLiteral("consent"))) {
        if (const int rc = fillConsent(ctx, p, r.consent); rc >= 0) {
            return rc;
        }
    }
    if (const int rc = fillPlanRequest(ctx, p, r); rc >= 0) {
        return rc;
    }
    for (const auto& [option, target] :
         {std::pair{QStringLiteral("thread-dumps"), &r.threadDumps},
          std::pair{QStringLiteral("thread-dump-interval"), &r.threadDumpIntervalSeconds}}) {
        if (p.isSet(option)) {
            bool ok = false;
            *target = p.value(option).toInt(&ok);
            if (!ok || *target < 0) {
                ctx.err << "supportzip: --" << option << " needs a whole number\n";
                return ExitCode::Usage;
            }
        }
    }
    return -1;
}

// --dry-run: the preview pass, one line per file and the totals; exactly the manifest's counts.
int runDryRun(CommandContext& ctx, const core::pipeline::CollectRequest& r) {
    auto result = core::pipeline::PreviewJob(r).run();
    if (!result) {
        ctx.err << "supportzip: " << result.error().toString() << "\n";
        return ExitCode::Failure;
    }
    for (const auto& f : result->files) {
        ctx.out << f.bundlePath << "\t" << findingsLine(f.findings) << "\n";
    }
    for (const auto& s : result->skipped) {
        ctx.err << "supportzip: would skip " << s.path << ": " << s.message << "\n";
    }
    ctx.out << QStringLiteral("dry run: %1 files, %2 left out, findings: %3; nothing written\n")
                   .arg(result->files.size())
                   .arg(result->plan.inventory.leftOut.size() + result->skipped.size())
                   .arg(findingsLine(result->totals));
    return ExitCode::Success;
}

int runCollection(CommandContext& ctx, const QCommandLineParser& p,
                  const core::pipeline::CollectRequest& r) {
    if (p.isSet(QStringLiteral("dry-run"))) {
        return runDryRun(ctx, r);
    }
    // Send options are checked (and the token read) before the work, not after it.
    std::optional<core::delivery::DeliveryRequest> delivery;
    if (sendRequested(p)) {
        delivery.emplace();
        delivery->bundlePassword = r.password; // verified with it before it is sent
        if (const int rc = fillDeliveryRequest(ctx, p, *delivery); rc >= 0) {
            return rc;
        }
    }
    core::pipeline::CollectJob job(r);
    const bool showProgress = ctx.errIsTerminal && !p.isSet(QStringLiteral("quiet"));
    std::optional<InterruptWatcher> watcher(std::in_place, ctx.interrupted,
                                            [&job] { job.requestCancel(); });
    auto result = job.run([&](const core::Progress& pr) {
        if (showProgress) {
            const int pct = pr.total > 0 ? static_cast<int>(100 * pr.done / pr.total) : 0;
            ctx.err << "\r" << pr.stage.leftJustified(10) << QString::number(pct).rightJustified(3)
                    << "%" << Qt::flush;
        }
    });
    watcher.reset();
    if (showProgress) {
        ctx.err << "\r" << QString(20, u' ') << "\r";
    }
    if (!result) {
        ctx.err << "supportzip: " << result.error().toString() << "\n";
        return result.error().code == core::ErrorCode::Cancelled ? ExitCode::Cancelled
                                                                 : ExitCode::Failure;
    }
    for (const auto& s : result->skipped) {
        ctx.err << "supportzip: skipped " << s.path << ": " << s.message << "\n";
    }
    ctx.out << result->bundlePath << "\n";
    ctx.out << QStringLiteral("%1 %2: %3 files, %4 left out, findings: %5\n")
                   .arg(result->installation.productName, result->installation.version)
                   .arg(result->filesCollected)
                   .arg(result->leftOut + result->skipped.size())
                   .arg(findingsLine(result->findings));
    if (delivery) {
        delivery->bundlePath = result->bundlePath;
        return runDelivery(ctx, p, *delivery);
    }
    return ExitCode::Success;
}

int CollectCommand::execute(CommandContext& ctx, const QCommandLineParser& p) const {
    core::pipeline::CollectRequest r;
    r.installDir = p.value(QStringLiteral("install"));
    r.homeDir = p.value(QStringLiteral("home"));
    if (r.installDir.isEmpty() && r.homeDir.isEmpty()) {
        ctx.err << "supportzip: pass --install DIR and/or --home DIR (see 'supportzip "
                   "detect')\n";
        return ExitCode::Usage;
    }
    if (const int rc = fillBundleRequest(ctx, p, r); rc >= 0) {
        return rc;
    }
    return runCollection(ctx, p, r);
}

} // namespace supportzip::cli
