// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory: every file of an installation that goes into the bundle, and every file or
// folder that does not, with the reason. Built from resources/collect/collection-rules.json.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "discovery/installation.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace supportzip::core::collect {

struct CollectedFile {
    QString sourcePath;   // absolute local path
    QString relativePath; // to its root, e.g. "log/atlassian-jira.log.3.gz"
    QString root;         // "install", "home", "shared"
    QString category;     // bundle folder, e.g. "application-logs"
    QString bundlePath;   // e.g. "application-logs/atlassian-jira.log.3" (.gz is read through)
    qint64 size = 0;      // on disk at inventory time (compressed size for .gz)
    QDateTime modified;
    bool gzip = false;
};

struct LeftOutItem {
    QString sourcePath; // absolute local path (file or folder)
    QString root;
    QString relativePath;
    bool folder = false;
    QString reason;
};

struct Inventory {
    QList<CollectedFile> files;
    QList<LeftOutItem> leftOut;
};

struct CollectionOptions {
    QStringList excludeCategories; // bundle folders not wanted ("tomcat-access-logs")
    QDateTime since; // logs whose last entry is older are left out (invalid = no limit)
    QDateTime until; // logs whose first entry is newer are left out (invalid = no limit)
};

// Walks the installation's install, home and shared home folders. Never follows a symbolic
// link out of its root; unreadable folders are listed as left out with the OS reason.
Expected<Inventory> buildInventory(const discovery::Installation& installation,
                                   const CollectionOptions& options, const CancelToken* cancel);

// The bundle folders (categories) known for a product, in display order.
QStringList knownCategories();

} // namespace supportzip::core::collect
