// SPDX-License-Identifier: GPL-3.0-or-later
// Copies bundle members out to local files through the hostile-safe reader: the reader's limits
// apply, the target is written to a temporary name and renamed when complete (QSaveFile), and
// the private copy lives in a folder only the user can read. Used for viewing (a private temporary
// copy) and for export.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QString>
#include <QStringList>

namespace supportzip::core::review {

// `password` opens an encrypted bundle (BundleReader::open).
// Errors: those of opening the bundle, NotFound (no such member), WriteFailed, Cancelled.
Expected<void> extractMember(const QString& bundlePath, const QString& member,
                             const QString& targetFile, const CancelToken* cancel = nullptr,
                             const Secret& password = {});

// Writes each member to folder/<member path>, creating sub-folders; returns the files written.
// Refuses to overwrite an existing file.
Expected<QStringList> exportMembers(const QString& bundlePath, const QStringList& members,
                                    const QString& folder, const CancelToken* cancel = nullptr,
                                    const Secret& password = {});

} // namespace supportzip::core::review
