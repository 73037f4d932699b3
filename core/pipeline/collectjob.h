// SPDX-License-Identifier: GPL-3.0-or-later
// One collection job: discover -> inventory -> learn -> scrub (per file, in parallel) -> write
// the bundle -> record the mapping and the ledger entry in the local vault. run() is synchronous
// and thread-agnostic: the CLI calls it directly, the GUI on a worker thread with requestCancel()
// wired to Cancel.
#pragma once

#include "bundle/manifest.h"
#include "collect/inventory.h"
#include "common/error.h"
#include "common/progress.h"
#include "discovery/discovery.h"
#include "common/secret.h"
#include "discovery/installation.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>

namespace supportzip::core::pipeline {

struct CollectRequest {
    QString installDir;
    QString homeDir;
    // Windows drive mappings and where running JVMs are looked for (tests, mounted disks).
    discovery::DiscoveryOptions discovery;
    // Instead of an installation: a folder of logs or an existing support zip (.zip).
    QString sourcePath;
    QString outputPath; // a .zip file, or an existing folder for the default file name
    collect::CollectionOptions collection;
    qint64 maxFileSize = 0; // bytes; 0 = no limit. An over-limit log keeps its newest part.
    // Bytes in all; 0 = no limit. Configuration always goes in; the oldest logs are left out first.
    qint64 maxTotalSize = 0;
    QString rulesFile;
    QStringList terms;        // admin's custom terms (never written to the bundle)
    QStringList termPatterns; // the same as regular expressions (case-insensitive)
    QStringList keep;         // allow-list
    // Actions chosen per category (the GUI's Scrubbing page), applied over the rules file.
    // Secrets are always redacted, whatever is set here.
    std::map<scrub::Category, scrub::Action> actions;
    // Files (local source paths) the admin left out; listed as left out with the reason.
    QStringList excludeFiles;
    bundle::Consent consent;
    QString vaultDir; // empty: the default local vault
    int threads = 0;  // 0: all cores
    // Plain files over twice this size are scrubbed in segments on all cores (0: the default,
    // WorkPlan::kDefaultSegmentBytes; negative: never). Tests cut small files this way.
    qint64 segmentBytes = 0;
    // Thread dumps of the running application (none when it is not running).
    int threadDumps = 3;
    int threadDumpIntervalSeconds = 5;
    QString jcmd;      // empty: found on JAVA_HOME or PATH
    QDateTime created; // invalid: now (tests pass a fixed time for byte-identical bundles)
    // Facts about this machine (OS, memory, free disk) for system/system-facts.txt. Free disk
    // space changes from run to run, so tests of byte-identical output pass a fixed provider.
    std::function<QString(const discovery::Installation&)> systemFacts;
    // Empty: a plain bundle. Otherwise every member is encrypted with AES-256 under this password
    // (at least bundle::kMinPasswordLength characters). From a file or a prompt, never a flag.
    Secret password = {};
};

struct ItemResult {
    QString path;   // local path
    QString status; // "collected", "skipped"
    QString message;
};

struct CollectSummary {
    discovery::Installation installation;
    QString bundlePath;
    qint64 bundleSize = 0;
    QString bundleSha256;
    int filesCollected = 0;
    scrub::CategoryCounts findings{};
    QList<ItemResult> skipped; // files that were planned but could not be collected, with reasons
    int leftOut = 0;           // items left out by the collection rules
    QString vaultDirectory;
    QString ledgerPath; // where the bundle was recorded (ledger::Ledger)
    bundle::Manifest manifest;
};

class CollectJob final {
public:
    explicit CollectJob(CollectRequest request);

    // Errors: ConsentMissing, NotFound (no installation), WriteFailed (disk full, or the local
    // ledger could not record the bundle: then the bundle is removed again), Cancelled,
    // InvalidArgument (password too short), UnsupportedInput (libzip cannot encrypt).
    // Files that cannot be read are not errors: they are listed in the summary and manifest.
    Expected<CollectSummary> run(const ProgressCallback& progress = {});
    void requestCancel() { m_cancel.requestCancel(); }

    static QString defaultBundleName(const QString& product, const QDateTime& created);

private:
    CollectRequest m_request;
    CancelToken m_cancel;
};

} // namespace supportzip::core::pipeline
