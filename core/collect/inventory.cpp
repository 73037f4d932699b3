// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/inventory.h"

#include "collect/collectionrules.h"
#include "collect/logtimerange.h"
#include "logging/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace supportzip::core::collect {
namespace {

constexpr int kMaxDepth = 16;
// Qt gives '/' separators on every platform; only the case rule differs.
#ifdef Q_OS_WIN
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseInsensitive;
#else
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseSensitive;
#endif

class Walker {
public:
    Walker(const CollectionRules& rules, const CollectionOptions& options,
           const CancelToken* cancel, Inventory& out)
        : m_rules(rules)
        , m_options(options)
        , m_cancel(cancel)
        , m_out(out) {}

    Expected<void> walkRoot(const QString& rootName, const QString& rootPath) {
        m_rootName = rootName;
        m_rootPath = QDir(rootPath).canonicalPath();
        if (m_rootPath.isEmpty()) {
            leaveOut(rootPath, QString(), true,
                     QStringLiteral("folder does not exist or cannot be read"));
            return {};
        }
        return walkDir(m_rootPath, QString(), 0, true);
    }

private:
    void leaveOut(const QString& path, const QString& rel, bool folder, const QString& reason) {
        m_out.leftOut.append(LeftOutItem{path, m_rootName, rel, folder, reason});
    }

    const PruneRule* pruneRuleFor(const QString& rel) const {
        for (const PruneRule& r : m_rules.prune) {
            if (r.root == m_rootName && r.match.match(rel).hasMatch()) {
                return &r;
            }
        }
        return nullptr;
    }

    Expected<void> walkDir(const QString& dirPath, const QString& rel, int depth, bool recurse) {
        if (m_cancel != nullptr && m_cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        const QString canonical = QDir(dirPath).canonicalPath();
        if (m_visited.contains(canonical)) {
            leaveOut(dirPath, rel, true,
                     QStringLiteral("folder already visited (symbolic link loop)"));
            return {};
        }
        m_visited.insert(canonical);
        QDir dir(dirPath);
        if (!dir.isReadable()) {
            leaveOut(dirPath, rel, true,
                     QStringLiteral("folder cannot be read (permission denied)"));
            return {};
        }
        const QFileInfoList entries = dir.entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo& entry : entries) {
            const QString childRel =
                rel.isEmpty() ? entry.fileName() : rel + u'/' + entry.fileName();
            if (auto ok = visit(entry, childRel, depth, recurse); !ok) {
                return ok;
            }
        }
        return {};
    }

    Expected<void> visit(const QFileInfo& entry, const QString& rel, int depth, bool recurse) {
        if (entry.isSymLink()) {
            const QString target = entry.canonicalFilePath();
            if (target.isEmpty() || !target.startsWith(m_rootPath + u'/', kPathCase)) {
                leaveOut(entry.absoluteFilePath(), rel, false,
                         QStringLiteral(
                             "symbolic link to a place outside the installation: not followed"));
                return {};
            }
            if (entry.isDir()) {
                leaveOut(entry.absoluteFilePath(), rel, true,
                         QStringLiteral("symbolic link to a folder: not followed (its target is "
                                        "walked on its own)"));
                return {};
            }
        }
        if (entry.isDir()) {
            if (!recurse) {
                return {};
            }
            if (const PruneRule* prune = pruneRuleFor(rel)) {
                leaveOut(entry.absoluteFilePath(), rel, true, prune->reason);
                for (const QString& except : prune->except) {
                    const QString path = m_rootPath + u'/' + except;
                    if (QFileInfo(path).isDir()) {
                        if (auto ok = walkDir(path, except, depth + 1, false); !ok) {
                            return ok;
                        }
                    }
                }
                return {};
            }
            if (depth >= kMaxDepth) {
                leaveOut(entry.absoluteFilePath(), rel, true,
                         QStringLiteral("folder nested too deeply"));
                return {};
            }
            return walkDir(entry.absoluteFilePath(), rel, depth + 1, true);
        }
        classifyFile(entry, rel, recurse);
        return {};
    }

    void classifyFile(const QFileInfo& entry, const QString& rel, bool reportUnmatched) {
        for (const CollectRule& rule : m_rules.collect) {
            if (rule.root != m_rootName || !rule.match.match(rel).hasMatch()) {
                continue;
            }
            addCollected(entry, rel, rule);
            return;
        }
        if (!reportUnmatched) {
            return; // inside a pruned folder: the folder's own entry explains it
        }
        for (const NeverRule& rule : m_rules.never) {
            if (rule.match.match(rel).hasMatch()) {
                leaveOut(entry.absoluteFilePath(), rel, false, rule.reason);
                return;
            }
        }
        leaveOut(entry.absoluteFilePath(), rel, false,
                 QStringLiteral("not part of the diagnostic set (no collection rule matches it)"));
    }

    // By the log's own timestamps: its last entry before --since or its first after --until.
    // Without timestamps the modification time stands in. A rotated gzip log's end is read
    // only for --since (it means inflating it whole): its mtime is when it was compressed, not
    // when its last entry was written.
    QString outsideTimeWindow(const QFileInfo& entry, bool gzip) const {
        const TimeRange range =
            logTimeRange(entry.absoluteFilePath(), gzip, m_options.since.isValid());
        const QDateTime last = range.last.isValid() ? range.last : entry.lastModified();
        if (m_options.since.isValid() && last < m_options.since) {
            return QStringLiteral(
                "log ends before the time window (--since): its last entry is older");
        }
        if (m_options.until.isValid() && range.first.isValid() && range.first > m_options.until) {
            return QStringLiteral("log starts after the time window (--until)");
        }
        return {};
    }

    void addCollected(const QFileInfo& entry, const QString& rel, const CollectRule& rule) {
        if (m_options.excludeCategories.contains(rule.category)) {
            leaveOut(entry.absoluteFilePath(), rel, false,
                     QStringLiteral("category %1 was excluded").arg(rule.category));
            return;
        }
        const bool isLog = rule.category.endsWith(QStringLiteral("-logs"));
        if (isLog && (m_options.since.isValid() || m_options.until.isValid())) {
            if (const QString why = outsideTimeWindow(entry, rel.endsWith(QStringLiteral(".gz")));
                !why.isEmpty()) {
                leaveOut(entry.absoluteFilePath(), rel, false, why);
                return;
            }
        }
        if (!entry.isReadable()) {
            leaveOut(entry.absoluteFilePath(), rel, false,
                     QStringLiteral("file cannot be read (permission denied)"));
            return;
        }
        CollectedFile f;
        f.sourcePath = entry.absoluteFilePath();
        f.relativePath = rel;
        f.root = m_rootName;
        f.category = rule.category;
        f.gzip = rel.endsWith(QStringLiteral(".gz"));
        QString name = entry.fileName();
        if (f.gzip) {
            name.chop(3);
        }
        f.bundlePath =
            rule.category + u'/' + (rule.subdir.isEmpty() ? QString() : rule.subdir + u'/') + name;
        f.size = entry.size();
        f.modified = entry.lastModified();
        m_out.files.append(f);
    }

    const CollectionRules& m_rules;
    const CollectionOptions& m_options;
    const CancelToken* m_cancel;
    Inventory& m_out;
    QString m_rootName;
    QString m_rootPath;
    QSet<QString> m_visited;
};

// Two sources may give the same bundle path (a file in home and shared home): number them.
void makeBundlePathsUnique(QList<CollectedFile>& files) {
    QSet<QString> seen;
    for (CollectedFile& f : files) {
        QString candidate = f.bundlePath;
        for (int n = 2; seen.contains(candidate); ++n) {
            candidate = f.bundlePath + QStringLiteral("-%1").arg(n);
        }
        f.bundlePath = candidate;
        seen.insert(candidate);
    }
}

} // namespace

QStringList knownCategories() {
    return {QStringLiteral("application-logs"),   QStringLiteral("tomcat-logs"),
            QStringLiteral("tomcat-access-logs"), QStringLiteral("application-config"),
            QStringLiteral("tomcat-config"),      QStringLiteral("auth-cfg"),
            QStringLiteral("cache-cfg"),          QStringLiteral("application-properties"),
            QStringLiteral("healthchecks"),       QStringLiteral("system")};
}

Expected<Inventory> buildInventory(const discovery::Installation& installation,
                                   const CollectionOptions& options, const CancelToken* cancel) {
    auto rules = loadCollectionRules(installation.product);
    if (!rules) {
        return tl::unexpected(rules.error());
    }
    Inventory inventory;
    Walker walker(*rules, options, cancel, inventory);
    const QList<QPair<QString, QString>> roots = {
        {QStringLiteral("install"), installation.installDir},
        {QStringLiteral("home"), installation.homeDir},
        {QStringLiteral("shared"), installation.sharedHomeDir}};
    for (const auto& [name, path] : roots) {
        if (path.isEmpty() || (name == QStringLiteral("shared") && !QFileInfo(path).isDir())) {
            continue;
        }
        if (auto ok = walker.walkRoot(name, path); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    makeBundlePathsUnique(inventory.files);
    logging::logger("supportzip.core.collect")
        ->info("inventory: {} files to collect, {} items left out", inventory.files.size(),
               inventory.leftOut.size());
    return inventory;
}

} // namespace supportzip::core::collect
