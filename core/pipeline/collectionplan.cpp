// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/collectionplan.h"

#include "collect/folderinventory.h"
#include "collect/threaddumps.h"
#include "discovery/discovery.h"
#include "pipeline/collectjob.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace supportzip::core::pipeline {
namespace {

// Thread dumps of the running JVM join the inventory like logs; when none can be taken the
// reason is listed with the left-out items.
void addThreadDumps(const CollectRequest& r, CollectionPlan& source, const CancelToken* cancel) {
    if (r.threadDumps <= 0) {
        return;
    }
    const auto leaveOut = [&](const QString& reason) {
        source.inventory.leftOut.append(
            {QString(), QStringLiteral("jvm"), QStringLiteral("thread dumps"), false, reason});
    };
    if (source.installation.pid <= 0) {
        leaveOut(
            QStringLiteral("no thread dump taken: the application is not running on this machine "
                           "(or runs as another user)"));
        return;
    }
    source.extracted = std::make_shared<QTemporaryDir>();
    const collect::ThreadDumpOptions options{r.threadDumps, r.threadDumpIntervalSeconds, r.jcmd};
    const collect::ThreadDumpResult dumps = collect::takeThreadDumps(
        source.installation.pid, source.extracted->path(), options, cancel);
    for (const QString& file : dumps.files) {
        collect::CollectedFile f;
        f.sourcePath = file;
        f.relativePath = QFileInfo(file).fileName();
        f.root = QStringLiteral("jvm");
        f.category = QStringLiteral("thread-dump");
        f.bundlePath = QStringLiteral("thread-dump/") + f.relativePath;
        f.size = QFileInfo(file).size();
        source.inventory.files.append(f);
    }
    if (!dumps.skippedReason.isEmpty()) {
        leaveOut(dumps.skippedReason);
    }
}

// Keeps the collection under maxTotal bytes: configuration and other small files first, then
// logs from the newest back; what does not fit is left out with the reason.
void applyTotalSizeLimit(collect::Inventory& inventory, qint64 maxTotal, qint64 maxFile) {
    if (maxTotal <= 0) {
        return;
    }
    QList<collect::CollectedFile> files = inventory.files;
    const auto isLog = [](const collect::CollectedFile& f) {
        return f.category.endsWith(QStringLiteral("-logs"));
    };
    std::stable_sort(files.begin(), files.end(), [&](const auto& a, const auto& b) {
        if (isLog(a) != isLog(b)) {
            return !isLog(a);
        }
        return a.modified > b.modified;
    });
    qint64 used = 0;
    QSet<QString> kept;
    for (const collect::CollectedFile& f : files) {
        const qint64 size = maxFile > 0 ? std::min(f.size, maxFile) : f.size;
        if (used + size <= maxTotal) {
            used += size;
            kept.insert(f.sourcePath);
        } else {
            inventory.leftOut.append(
                {f.sourcePath, f.root, f.relativePath, false,
                 QStringLiteral("over the total size limit (--max-total-size): older logs are left "
                                "out first")});
        }
    }
    inventory.files.erase(
        std::remove_if(inventory.files.begin(), inventory.files.end(),
                       [&](const auto& f) { return !kept.contains(f.sourcePath); }),
        inventory.files.end());
}

// An installation (install/home folders), a folder of logs, or a support zip extracted with the
// hostile-safe reader next to the output.
Expected<CollectionPlan> prepareSource(const CollectRequest& r, const CancelToken* cancel,
                                       bool takeThreadDumps) {
    CollectionPlan source;
    if (r.sourcePath.isEmpty()) {
        auto installation = discovery::describeInstallation(r.installDir, r.homeDir, r.discovery);
        if (!installation) {
            return tl::unexpected(installation.error());
        }
        auto inventory = collect::buildInventory(*installation, r.collection, cancel);
        if (!inventory) {
            return tl::unexpected(inventory.error());
        }
        source.sourceKind = QStringLiteral("installation");
        source.installation = *installation;
        source.inventory = *inventory;
        // Without dumps, a stopped application gets the same reason the build gives.
        if (takeThreadDumps || source.installation.pid <= 0) {
            addThreadDumps(r, source, cancel);
        } else if (r.threadDumps > 0) {
            source.inventory.leftOut.append(
                {QString(), QStringLiteral("jvm"), QStringLiteral("thread dumps"), false,
                 QStringLiteral("thread dumps are taken when the bundle is built")});
        }
        return source;
    }
    const QFileInfo info(r.sourcePath);
    QString root = info.absoluteFilePath();
    if (info.isFile() && r.sourcePath.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive)) {
        const QString outDir = r.outputPath.isEmpty() || QFileInfo(r.outputPath).isDir()
                                   ? (r.outputPath.isEmpty() ? QDir::currentPath() : r.outputPath)
                                   : QFileInfo(r.outputPath).absolutePath();
        source.extracted =
            std::make_shared<QTemporaryDir>(outDir + QStringLiteral("/.supportzip-extract-XXXXXX"));
        if (!source.extracted->isValid()) {
            return makeError(
                ErrorCode::WriteFailed,
                QStringLiteral("cannot create a folder to extract the support zip into"), outDir);
        }
        if (auto ok = collect::extractZipSafely(r.sourcePath, source.extracted->path(), cancel);
            !ok) {
            return tl::unexpected(ok.error());
        }
        root = source.extracted->path();
        source.sourceKind = QStringLiteral("support-zip");
    } else if (info.isDir()) {
        source.sourceKind = QStringLiteral("folder");
    } else {
        return makeError(
            ErrorCode::UnsupportedInput,
            QStringLiteral(
                "give a folder or a .zip support zip (tar archives are not supported yet)"),
            r.sourcePath);
    }
    source.installation = collect::describeFolder(root);
    auto inventory = collect::buildFolderInventory(root, r.collection, cancel);
    if (!inventory) {
        return tl::unexpected(inventory.error());
    }
    source.inventory = *inventory;
    return source;
}

// Files the admin unticked leave the plan like any other left-out item, with the reason.
void applyAdminExclusions(collect::Inventory& inventory, const QStringList& excluded) {
    if (excluded.isEmpty()) {
        return;
    }
    const QSet<QString> set(excluded.begin(), excluded.end());
    QList<collect::CollectedFile> kept;
    for (const collect::CollectedFile& f : std::as_const(inventory.files)) {
        if (set.contains(f.sourcePath)) {
            inventory.leftOut.append(
                {f.sourcePath, f.root, f.relativePath, false, excludedByAdminReason()});
        } else {
            kept.append(f);
        }
    }
    inventory.files = kept;
}

} // namespace

qint64 CollectionPlan::totalBytes() const {
    return std::accumulate(inventory.files.begin(), inventory.files.end(), qint64(0),
                           [](qint64 s, const collect::CollectedFile& f) { return s + f.size; });
}

QString excludedByAdminReason() {
    return QStringLiteral("left out by the admin");
}

Expected<CollectionPlan> planCollection(const CollectRequest& request, const CancelToken* cancel,
                                        bool takeThreadDumps) {
    auto plan = prepareSource(request, cancel, takeThreadDumps);
    if (!plan) {
        return plan;
    }
    if (cancel != nullptr && cancel->isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
    applyAdminExclusions(plan->inventory, request.excludeFiles);
    applyTotalSizeLimit(plan->inventory, request.maxTotalSize, request.maxFileSize);
    return plan;
}

} // namespace supportzip::core::pipeline
