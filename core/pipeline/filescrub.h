// SPDX-License-Identifier: GPL-3.0-or-later
// Scrubbing of one collected file into a staged copy (or, in the learning pass, into nothing):
// opens plain or gzip sources, honours the size limit by keeping the newest part, and reads a
// growing file only up to its size at the start.
#pragma once

#include "collect/inventory.h"
#include "common/error.h"
#include "scrub/streamscrubber.h"

#include <vector>

namespace supportzip::core::pipeline {

struct StagedFile {
    QString stagedPath;
    qint64 sizeBefore = 0; // bytes read from the source (uncompressed)
    qint64 sizeAfter = 0;
    QString sha256;
    bool truncated = false;
    scrub::ScrubStats stats;
};

// stagedPath empty: learning pass (nothing is written).
Expected<StagedFile> scrubCollectedFile(const collect::CollectedFile& file,
                                        const scrub::ScrubEngine& engine, const QString& stagedPath,
                                        qint64 maxFileSize, const CancelToken* cancel);
// The same, writing the scrubbed text to `out` (nullptr: nothing is written); no SHA-256.
// recordCarriedStates: how many lines entered with a carried state stats.carried may list (the
// preview's viewer; 0: none).
Expected<StagedFile> scrubCollectedFileTo(const collect::CollectedFile& file,
                                          const scrub::ScrubEngine& engine, QIODevice* out,
                                          qint64 maxFileSize, const CancelToken* cancel,
                                          std::size_t recordCarriedStates = 0);

// Large plain files are scrubbed in segments on all cores (see segmentedrun.h). A segment is a
// byte range that starts on a line; together a file's segments cover what the whole-file read
// would read: from the newest part's first line (size limit) to the size at planning time.
struct FileSegment {
    qint64 offset = 0;
    qint64 length = 0;
};
struct ReadPlan {
    bool whole = true; // read by scrubCollectedFileTo: gzip, small, UTF-16 or binary files
    bool truncated = false;
    std::vector<FileSegment> segments; // when !whole, at least two
};
// Errors only when the file cannot be read at all (it is then read whole, and fails there).
ReadPlan planRead(const collect::CollectedFile& file, qint64 maxFileSize, qint64 segmentBytes);

struct SegmentOutcome {
    scrub::ScrubStats stats;
    scrub::CarriedState end;
    bool truncated = false; // whole-file reads only; a segmented file's plan says it
};
// Scrubs one segment from `start` into `out` (nullptr: nothing is written).
Expected<SegmentOutcome> scrubSegment(const collect::CollectedFile& file,
                                      const FileSegment& segment, const scrub::ScrubEngine& engine,
                                      QIODevice* out,
                                      const scrub::StreamScrubber::SegmentStart& start,
                                      const CancelToken* cancel,
                                      std::size_t recordCarriedStates = 0);

} // namespace supportzip::core::pipeline
