// SPDX-License-Identifier: GPL-3.0-or-later
// Inflates a gzip file (a rotated log such as atlassian-jira.log.3.gz) into a plain file, so the
// line index and the viewer can seek in it. Streams through a fixed buffer: memory stays the
// same whatever the size of the log; the disk holds the inflated text, so the caller chooses a
// private place for it and removes it when done (it is the customer's unscrubbed data).
#pragma once

#include "common/error.h"
#include "common/progress.h"

#include <QString>

namespace supportzip::core::text {

// Writes the inflated content of `gzipPath` to `outPath` (created owner-read/write only,
// replaced if it exists) and returns its size. Progress reports compressed bytes read against
// the compressed size (stage "inflate"). Thread-agnostic and synchronous. On cancel (Cancelled)
// or any error (NotFound, ReadFailed, MalformedInput for corrupt data, WriteFailed) `outPath` is
// removed: no partial copy is left behind.
Expected<qint64> inflateGzipToFile(const QString& gzipPath, const QString& outPath,
                                   const CancelToken* cancel = nullptr,
                                   const ProgressCallback& progress = {});

} // namespace supportzip::core::text
