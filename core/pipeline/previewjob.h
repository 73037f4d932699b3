// SPDX-License-Identifier: GPL-3.0-or-later
// The dry run: the same plan, learning pass and scrubbing pass as a CollectJob, with a sink that
// counts findings instead of writing. What it reports per file is exactly what the bundle's
// manifest will say for the same request. Needs no consent and writes nothing (apart from the
// vault key on first use and a support zip's members, extracted to a temporary folder).
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "pipeline/collectionplan.h"
#include "pipeline/collectjob.h"
#include "pipeline/scrubsession.h"

#include <QList>
#include <QString>

#include <memory>

namespace supportzip::core::pipeline {

struct PreviewFile {
    QString sourcePath; // local path (a file of the plan)
    QString bundlePath; // the member it becomes, scrubbed like the manifest's
    QString category;
    qint64 sizeBefore = 0; // bytes read (after the size limit)
    qint64 sizeAfter = 0;
    bool truncated = false;
    scrub::CategoryCounts findings{};
    // Lines that inherit state from the lines before them (a PEM block, a wrapped license), for
    // ScrubSession::scrubLine; empty for a truncated file, whose line numbers start mid-file.
    scrub::CarriedStates carried;
};

struct PreviewResult {
    CollectionPlan plan;
    QList<PreviewFile> files;  // in plan order; files that cannot be read are in skipped
    QList<ItemResult> skipped; // with the reason, as the build would list them
    scrub::CategoryCounts totals{};
    // The session the counts came from: scrubs any line of these files exactly as the bundle
    // will (the viewer's sanitized side). Shared so the GUI can keep it after the job is gone.
    std::shared_ptr<ScrubSession> session;

    qint64 bytesAfter() const;
};

class PreviewJob final {
public:
    explicit PreviewJob(CollectRequest request);

    // Synchronous and thread-agnostic like CollectJob::run. Errors: NotFound (no installation),
    // MalformedInput (rules file), Cancelled. Unreadable files are listed, not errors.
    Expected<PreviewResult> run(const ProgressCallback& progress = {});
    void requestCancel() { m_cancel.requestCancel(); }

private:
    CollectRequest m_request;
    CancelToken m_cancel;
};

} // namespace supportzip::core::pipeline
