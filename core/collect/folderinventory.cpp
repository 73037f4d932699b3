// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/folderinventory.h"

#include "bundle/bundlereader.h"
#include "collect/collectionrules.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace supportzip::core::collect {
namespace {

// Qt gives '/' separators on every platform; only the case rule differs.
#ifdef Q_OS_WIN
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseInsensitive;
#else
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseSensitive;
#endif

QString firstMatch(const QString& text, const QString& pattern) {
    const auto m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString readHead(const QString& path, qint64 bytes) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.read(bytes)) : QString();
}

} // namespace

discovery::Installation describeFolder(const QString& root) {
    discovery::Installation inst;
    inst.homeDir = root;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QFileInfo(it.next()).fileName();
        if (inst.product == discovery::Product::Unknown) {
            if (name.startsWith(QStringLiteral("atlassian-jira")) ||
                name == QStringLiteral("dbconfig.xml")) {
                inst.product = discovery::Product::Jira;
            } else if (name.startsWith(QStringLiteral("atlassian-confluence")) ||
                       name == QStringLiteral("confluence.cfg.xml")) {
                inst.product = discovery::Product::Confluence;
            }
        }
        // Data Center node, as the configuration files name it (pseudonymized for the manifest).
        if (name == QStringLiteral("cluster.properties") && inst.nodeId.isEmpty()) {
            inst.nodeId = firstMatch(readHead(it.filePath(), 1 << 20),
                                     QStringLiteral("(?m)^\\s*jira\\.node\\.id\\s*[=:]\\s*(\\S+)"));
            inst.dataCenter = !inst.nodeId.isEmpty();
        }
        if (name == QStringLiteral("confluence.cfg.xml") && inst.nodeId.isEmpty()) {
            const QString cfg = readHead(it.filePath(), 4 << 20);
            inst.nodeId = firstMatch(
                cfg, QStringLiteral(
                         "<property name=\"confluence.cluster.node.name\">\\s*([^<]+?)\\s*<"));
            inst.dataCenter =
                cfg.contains(QStringLiteral("<property name=\"confluence.cluster\">true<"));
        }
        if (name == QStringLiteral("application.xml") && inst.version.isEmpty()) {
            const QString xml = readHead(it.filePath(), 1 << 20);
            inst.version = firstMatch(xml, QStringLiteral("<[Vv]ersion>\\s*([0-9][0-9.]*)\\s*<"));
            inst.productName =
                firstMatch(xml, QStringLiteral("<Application-Name>\\s*([^<]+?)\\s*<"));
            inst.databaseType = firstMatch(xml, QStringLiteral("<Database-type>\\s*([^<]+?)\\s*<"));
        }
    }
    if (inst.productName.isEmpty()) {
        inst.productName = inst.product == discovery::Product::Jira ? QStringLiteral("Jira")
                           : inst.product == discovery::Product::Confluence
                               ? QStringLiteral("Confluence")
                               : QStringLiteral("Unknown product");
    }
    return inst;
}

Expected<Inventory> buildFolderInventory(const QString& root, const CollectionOptions& options,
                                         const CancelToken* cancel) {
    auto rules = loadCollectionRules(discovery::Product::Jira); // only the "never" rules are used
    if (!rules) {
        return tl::unexpected(rules.error());
    }
    const QString canonicalRoot = QDir(root).canonicalPath();
    if (canonicalRoot.isEmpty()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("the source folder does not exist"),
                         root);
    }
    const QStringList known = knownCategories() + QStringList{QStringLiteral("thread-dump"),
                                                              QStringLiteral("jfr-bundle")};
    Inventory inventory;
    QDirIterator it(canonicalRoot, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (cancel != nullptr && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        const QFileInfo entry(it.next());
        const QString rel = QDir(canonicalRoot).relativeFilePath(entry.absoluteFilePath());
        auto leaveOut = [&](const QString& reason) {
            inventory.leftOut.append(LeftOutItem{entry.absoluteFilePath(), QStringLiteral("source"),
                                                 rel, false, reason});
        };
        if (entry.isSymLink() &&
            !entry.canonicalFilePath().startsWith(canonicalRoot + u'/', kPathCase)) {
            leaveOut(QStringLiteral("symbolic link to a place outside the source: not followed"));
            continue;
        }
        const NeverRule* never = nullptr;
        for (const NeverRule& r : rules->never) {
            if (r.match.match(rel).hasMatch()) {
                never = &r;
                break;
            }
        }
        if (never != nullptr) {
            leaveOut(never->reason);
            continue;
        }
        const QString top = rel.section(u'/', 0, 0);
        CollectedFile f;
        f.sourcePath = entry.absoluteFilePath();
        f.relativePath = rel;
        f.root = QStringLiteral("source");
        f.category = rel.contains(u'/') && known.contains(top) ? top : QStringLiteral("files");
        if (options.excludeCategories.contains(f.category)) {
            leaveOut(QStringLiteral("category %1 was excluded").arg(f.category));
            continue;
        }
        f.gzip = rel.endsWith(QStringLiteral(".gz"));
        QString bundlePath =
            f.category == QStringLiteral("files") ? QStringLiteral("files/") + rel : rel;
        if (f.gzip) {
            bundlePath.chop(3);
        }
        f.bundlePath = bundlePath;
        f.size = entry.size();
        f.modified = entry.lastModified();
        inventory.files.append(f);
    }
    std::sort(
        inventory.files.begin(), inventory.files.end(),
        [](const CollectedFile& a, const CollectedFile& b) { return a.bundlePath < b.bundlePath; });
    return inventory;
}

Expected<void> extractZipSafely(const QString& zipPath, const QString& destDir,
                                const CancelToken* cancel) {
    auto reader = bundle::BundleReader::open(zipPath);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    for (const bundle::BundleMember& m : (*reader)->members()) {
        const QString target = destDir + u'/' + m.name;
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            return makeError(ErrorCode::WriteFailed,
                             QStringLiteral("cannot create a folder to extract into"), target);
        }
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly)) {
            return makeError(ErrorCode::WriteFailed,
                             QStringLiteral("cannot extract: %1").arg(out.errorString()), target);
        }
        bool writeOk = true;
        auto ok = (*reader)->stream(
            m.name,
            [&](QByteArrayView chunk) {
                writeOk = out.write(chunk.data(), chunk.size()) == chunk.size();
                return writeOk;
            },
            cancel);
        if (!ok) {
            return tl::unexpected(ok.error());
        }
        if (!writeOk) {
            return makeError(
                ErrorCode::WriteFailed,
                QStringLiteral("cannot extract (disk full?): %1").arg(out.errorString()), target);
        }
    }
    return {};
}

} // namespace supportzip::core::collect
