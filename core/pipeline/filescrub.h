// SPDX-License-Identifier: GPL-3.0-or-later
// Scrubbing of one collected file into a staged copy (or, in the learning pass, into nothing):
// opens plain or gzip sources, honours the size limit by keeping the newest part, and reads a
// growing file only up to its size at the start.
#pragma once

#include "collect/inventory.h"
#include "common/error.h"
#include "scrub/streamscrubber.h"

namespace supportzip::core::pipeline {

struct StagedFile {
    QString stagedPath;
    qint64 sizeBefore = 0; // bytes read from the source (uncompressed)
    qint64 sizeAfter = 0;
    QString sha256;
    bool truncated = false;
    scrub::ScrubStats stats;
};

// stagedPath empty: learning pass (nothing is written). recordCarriedStates: how many lines
// entered with a carried state stats.carried may list (the preview's viewer; 0: none).
Expected<StagedFile> scrubCollectedFile(const collect::CollectedFile& file,
                                        const scrub::ScrubEngine& engine, const QString& stagedPath,
                                        qint64 maxFileSize, const CancelToken* cancel,
                                        std::size_t recordCarriedStates = 0);

} // namespace supportzip::core::pipeline
