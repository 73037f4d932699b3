// SPDX-License-Identifier: GPL-3.0-or-later
// `supportzip merge`: one bundle for a Data Center cluster from the bundles collected on each
// node. Every node bundle is verified first (a bundle that does not match its manifest is never
// merged), its members go under the node's folder, and one manifest lists every node with its
// consent and every file with its hash. Nothing is scrubbed again: the node bundles are already
// sanitized, with the same key when the nodes share it (`supportzip key export/import`).
#pragma once

#include "bundle/manifest.h"
#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QDateTime>
#include <QStringList>

namespace supportzip::core::pipeline {

struct MergeRequest {
    QStringList inputs; // node bundles, two or more
    QString outputPath; // a .zip file, or an existing folder for the default file name
    bundle::Consent consent;
    QDateTime created; // invalid: now (tests pass a fixed time for byte-identical bundles)
    QString vaultDir;  // whose ledger records the merged bundle; empty: the default vault
    // Encrypts the merged bundle (AES-256, as CollectRequest::password). Required when a node
    // bundle is encrypted: merging never takes the encryption off.
    Secret password = {};
    // Opens encrypted node bundles; empty: `password` does.
    Secret inputPassword = {};
};

struct MergeSummary {
    QString bundlePath;
    qint64 bundleSize = 0;
    QString bundleSha256;
    bundle::Manifest manifest;
    // Node bundles found in this machine's ledger: their pseudonyms are recorded for the merged
    // bundle too. Those collected on other nodes are in those nodes' ledgers.
    int nodesInLedger = 0;
    QString ledgerPath;
};

class MergeJob final {
public:
    explicit MergeJob(MergeRequest request);

    // Errors: ConsentMissing, InvalidArgument (fewer than two bundles, different products, a
    // bundle that is itself merged), VerificationFailed (a node bundle does not match its
    // manifest), HostileInput/MalformedInput from the reader, WriteFailed, Cancelled,
    // PasswordRequired/WrongPassword (an encrypted node bundle), InvalidArgument (the nodes are
    // encrypted but no password for the merged bundle, or one too short).
    Expected<MergeSummary> run(const ProgressCallback& progress = {});
    void requestCancel() { m_cancel.requestCancel(); }

private:
    MergeRequest m_request;
    CancelToken m_cancel;
};

} // namespace supportzip::core::pipeline
