// SPDX-License-Identifier: GPL-3.0-or-later
// Sources that are not an installation: a folder of logs, or an existing support zip (made by
// Atlassian's own support tools) extracted with the hostile-safe reader. Every file keeps its
// relative path, so a support zip's folders (application-logs/, tomcat-config/...) stay as they
// are; binaries, archives and dumps are left out with the reason.
#pragma once

#include "collect/inventory.h"
#include "common/error.h"
#include "common/progress.h"
#include "discovery/installation.h"

namespace supportzip::core::collect {

// Product and version as far as the files tell (application.xml, log names, config files).
discovery::Installation describeFolder(const QString& root);

Expected<Inventory> buildFolderInventory(const QString& root, const CollectionOptions& options,
                                         const CancelToken* cancel);

// Extracts a zip into destDir after BundleReader accepted every member name, size and ratio.
Expected<void> extractZipSafely(const QString& zipPath, const QString& destDir,
                                const CancelToken* cancel);

} // namespace supportzip::core::collect
