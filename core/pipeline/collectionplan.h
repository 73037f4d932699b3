// SPDX-License-Identifier: GPL-3.0-or-later
// The collection plan: which files of a source go into the bundle and which do not, with the
// reason, after the time window, the size limits and the admin's own exclusions. The build, the
// dry-run preview and the GUI's Contents page all start from this one plan.
#pragma once

#include "collect/inventory.h"
#include "common/error.h"
#include "common/progress.h"
#include "discovery/installation.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace supportzip::core::pipeline {

struct CollectRequest;

struct CollectionPlan {
    QString sourceKind; // manifest source kind: "installation", "support-zip", "folder"
    discovery::Installation installation;
    collect::Inventory inventory;
    // A support zip's members or thread dumps, removed when the last copy of the plan goes.
    std::shared_ptr<QTemporaryDir> extracted;

    qint64 totalBytes() const;
};

// Thread dumps are taken only with takeThreadDumps (they take seconds and change from run to
// run); without, the plan says they are taken when the bundle is built. Synchronous; call it off
// the GUI thread. Errors: NotFound (no installation), UnsupportedInput, WriteFailed (cannot
// extract a support zip), Cancelled.
Expected<CollectionPlan> planCollection(const CollectRequest& request, const CancelToken* cancel,
                                        bool takeThreadDumps);

// The reason given for a file the admin left out (CollectRequest::excludeFiles).
QString excludedByAdminReason();

} // namespace supportzip::core::pipeline
