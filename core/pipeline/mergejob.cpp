// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/mergejob.h"
#include "common/sha256.h"

#include "bundle/bundleencryption.h"
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/verifier.h"
#include "ledger/ledger.h"
#include "logging/logging.h"
#include "pipeline/bundletexts.h"
#include "pipeline/collectjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

namespace supportzip::core::pipeline {

namespace {

const QString kManifestName = QStringLiteral("manifest.json");
const QString kReadmeName = QStringLiteral("README.txt");

struct NodeBundle {
    QString path;
    bundle::Manifest manifest;
    QByteArray manifestBytes;
    QString sha256;
    QString folder;
};

// Verified and parsed, or the reason this node bundle cannot be merged.
Expected<NodeBundle> loadNodeBundle(const QString& path, const CancelToken* cancel,
                                    const Secret& password) {
    auto report = bundle::verifyBundle(path, cancel, password);
    if (!report) {
        return tl::unexpected(report.error());
    }
    if (!report->intact()) {
        const bundle::VerifyIssue& first = report->issues.first();
        return makeError(ErrorCode::VerificationFailed,
                         QStringLiteral("does not match its manifest (%1: %2); it was changed or "
                                        "damaged after it was written, so it is not merged")
                             .arg(first.member, first.problem),
                         path);
    }
    auto manifest = bundle::Manifest::fromJson(report->manifest);
    if (!manifest) {
        return makeError(manifest.error().code, manifest.error().message, path);
    }
    if (manifest->sourceKind == QStringLiteral("merged")) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("is a merged bundle already; merge the node bundles "
                                        "it was made from instead"),
                         path);
    }
    NodeBundle node{path,
                    *manifest,
                    QJsonDocument(report->manifest).toJson(QJsonDocument::Indented),
                    bundle::sha256OfFile(path),
                    {}};
    return node;
}

// "node-1a2b3c" when the node id is known, "node-2" for the second bundle otherwise; unique.
void assignFolders(QList<NodeBundle>& nodes) {
    QSet<QString> used;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QString base = nodes[i].manifest.node;
        if (base.isEmpty() || !bundle::unsafeMemberNameReason(base).isEmpty() ||
            base.contains(u'/')) {
            base = QStringLiteral("node-%1").arg(i + 1);
        }
        QString folder = base;
        for (int n = 2; used.contains(folder); ++n) {
            folder = base + QStringLiteral("-%1").arg(n);
        }
        used.insert(folder);
        nodes[i].folder = folder;
    }
}

QString mergedVersion(const QList<NodeBundle>& nodes) {
    QStringList versions;
    for (const NodeBundle& n : nodes) {
        if (!versions.contains(n.manifest.version)) {
            versions << n.manifest.version;
        }
    }
    return versions.join(QStringLiteral(", ")); // a rolling upgrade shows every version
}

QString sha256Hex(const QByteArray& bytes) {
    return Sha256::hexOf(bytes);
}

// The merged bundle leaves the machine like any other, so the ledger records it. Its pseudonyms
// are those of the node bundles this ledger knows (collected here), under the node's folder.
Expected<int> recordInLedger(const MergeRequest& r, const bundle::Manifest& merged,
                             const bundle::WrittenBundle& written, const QList<NodeBundle>& nodes) {
    const ledger::Ledger book(r.vaultDir);
    auto contents = book.read();
    if (!contents) {
        return tl::unexpected(contents.error());
    }
    ledger::BundleRecord record =
        ledger::bundleRecordFor(merged, written.path, written.sha256, written.size);
    QMap<QString, ledger::LedgerPseudonym> pseudonyms;
    int known = 0;
    for (const NodeBundle& node : nodes) {
        for (const ledger::BundleRecord& b : std::as_const(contents->bundles)) {
            if (b.sha256.compare(node.sha256, Qt::CaseInsensitive) != 0) {
                continue;
            }
            ++known;
            record.keyId = b.keyId;
            for (const ledger::LedgerPseudonym& p : b.pseudonyms) {
                ledger::LedgerPseudonym& entry = pseudonyms[p.pseudonym];
                if (entry.pseudonym.isEmpty()) {
                    entry = p;
                    entry.files.clear();
                }
                for (const QString& f : p.files) {
                    entry.files << node.folder + u'/' + f;
                }
            }
            break;
        }
    }
    record.pseudonyms = pseudonyms.values();
    if (auto ok = book.recordBundle(record); !ok) {
        return tl::unexpected(ok.error());
    }
    return known;
}

} // namespace

MergeJob::MergeJob(MergeRequest request)
    : m_request(std::move(request)) {
}

Expected<MergeSummary> MergeJob::run(const ProgressCallback& progressCallback) {
    const MergeRequest& r = m_request;
    auto log = logging::logger("supportzip.core.merge");
    if (r.consent.name.trimmed().isEmpty() || r.consent.email.trimmed().isEmpty()) {
        return makeError(ErrorCode::ConsentMissing,
                         QStringLiteral("a merged bundle leaves the machine like any other: give "
                                        "your consent with --consent \"NAME <EMAIL>\""));
    }
    if (r.inputs.size() < 2) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("give the bundles of two or more nodes to merge"));
    }
    if (!r.password.isEmpty()) {
        if (auto ok = bundle::checkNewPassword(r.password); !ok) {
            return tl::unexpected(ok.error());
        }
        if (auto ok = bundle::checkAesSupported(); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    const Secret& inputPassword = r.inputPassword.isEmpty() ? r.password : r.inputPassword;
    ProgressThrottle progress(progressCallback);
    QList<NodeBundle> nodes;
    for (const QString& input : r.inputs) {
        progress.report({QStringLiteral("verify"), input, nodes.size(), r.inputs.size()}, true);
        auto node = loadNodeBundle(QFileInfo(input).absoluteFilePath(), &m_cancel, inputPassword);
        if (!node) {
            return tl::unexpected(node.error());
        }
        if (node->manifest.encrypted && r.password.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("is encrypted, and the merged bundle would not be: "
                                            "give a password for the merged bundle"),
                             input);
        }
        if (!nodes.isEmpty() && node->manifest.product != nodes.first().manifest.product) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("is a %1 bundle, the others are %2: merge the "
                                            "bundles of one cluster only")
                                 .arg(node->manifest.product, nodes.first().manifest.product),
                             input);
        }
        for (const NodeBundle& other : std::as_const(nodes)) {
            if (other.sha256 == node->sha256) {
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("is given twice (same content as %1)")
                                     .arg(QFileInfo(other.path).fileName()),
                                 input);
            }
        }
        nodes.append(std::move(*node));
    }
    assignFolders(nodes);

    const QDateTime created = r.created.isValid() ? r.created : QDateTime::currentDateTimeUtc();
    QString outputPath = r.outputPath.isEmpty() ? QDir::currentPath() : r.outputPath;
    if (QFileInfo(outputPath).isDir()) {
        outputPath +=
            u'/' + CollectJob::defaultBundleName(
                       nodes.first().manifest.product + QStringLiteral("-cluster"), created);
    }
    outputPath = QFileInfo(outputPath).absoluteFilePath();
    if (QFileInfo::exists(outputPath)) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("already exists; choose another name or remove it"),
                         outputPath);
    }

    bundle::Manifest merged = nodes.first().manifest;
    merged.toolVersion = QStringLiteral(SUPPORTZIP_VERSION);
    merged.created = created;
    merged.sourceKind = QStringLiteral("merged");
    merged.version = mergedVersion(nodes);
    merged.node.clear();
    merged.dataCenter = true;
    merged.files.clear();
    merged.leftOut.clear();
    merged.consent = r.consent;
    merged.encrypted = !r.password.isEmpty();
    merged.consent.time = r.consent.time.isValid() ? r.consent.time : created;
    if (merged.consent.statement.isEmpty()) {
        merged.consent.statement = bundle::consentStatement(r.consent.recipient);
    }

    // Members are staged decompressed next to the output (same file system, and removed with
    // the job) and compressed again by the writer, which checks every hash on read-back.
    QTemporaryDir staging(QFileInfo(outputPath).absolutePath() +
                          QStringLiteral("/.supportzip-merge-XXXXXX"));
    if (!staging.isValid()) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot create a temporary folder next to the bundle (%1)")
                             .arg(staging.errorString()),
                         outputPath);
    }
    QList<bundle::BundleEntry> entries;
    int staged = 0;
    for (const NodeBundle& node : std::as_const(nodes)) {
        auto reader = bundle::BundleReader::open(node.path, inputPassword);
        if (!reader) {
            return tl::unexpected(reader.error());
        }
        merged.nodes.append({node.folder, node.manifest.node, QFileInfo(node.path).fileName(),
                             node.sha256, node.manifest.created, node.manifest.consent});
        for (const bundle::ManifestFile& f : node.manifest.files) {
            if (m_cancel.isCancelled()) {
                return makeError(ErrorCode::Cancelled, QStringLiteral("the merge was cancelled"));
            }
            progress.report({QStringLiteral("stage"), f.bundlePath, staged, 0}, staged == 0);
            const QString stagedPath = staging.filePath(QString::number(++staged));
            QFile out(stagedPath);
            if (!out.open(QIODevice::WriteOnly)) {
                return makeError(ErrorCode::WriteFailed, out.errorString(), stagedPath);
            }
            bool writeOk = true;
            auto streamed = (*reader)->stream(
                f.bundlePath,
                [&](QByteArrayView chunk) {
                    writeOk = out.write(chunk.data(), chunk.size()) == chunk.size();
                    return writeOk;
                },
                &m_cancel);
            out.close();
            if (!writeOk) {
                return makeError(ErrorCode::WriteFailed,
                                 QStringLiteral("cannot stage a member (%1); is the disk full?")
                                     .arg(out.errorString()),
                                 stagedPath);
            }
            if (!streamed) {
                return makeError(streamed.error().code, streamed.error().message, node.path);
            }
            bundle::ManifestFile mf = f;
            mf.bundlePath = node.folder + u'/' + f.bundlePath;
            merged.files.append(mf);
            entries.append({mf.bundlePath, stagedPath, {}, f.sha256});
        }
        // The node's own manifest travels with its files, so its consent and its left-out list
        // stay exactly as the node wrote them.
        const QString nodeManifest = node.folder + u'/' + kManifestName;
        merged.files.append({nodeManifest,
                             QStringLiteral("(node manifest)"),
                             QStringLiteral("node-manifest"),
                             node.manifestBytes.size(),
                             node.manifestBytes.size(),
                             sha256Hex(node.manifestBytes),
                             false,
                             QStringLiteral("utf-8"),
                             {}});
        entries.append({nodeManifest, {}, node.manifestBytes, sha256Hex(node.manifestBytes)});
        for (const bundle::ManifestLeftOut& l : node.manifest.leftOut) {
            merged.leftOut.append(
                {node.folder + QStringLiteral(": ") + l.path, l.folder, l.reason});
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    std::sort(merged.files.begin(), merged.files.end(),
              [](const auto& a, const auto& b) { return a.bundlePath < b.bundlePath; });
    QString readme = bundleReadme(merged);
    readme += QStringLiteral("\nThis bundle merges the bundles of %1 cluster nodes, each under "
                             "its own folder:\n")
                  .arg(nodes.size());
    for (const bundle::ManifestNode& n : std::as_const(merged.nodes)) {
        readme += QStringLiteral("- %1/  (node %2, collected %3)\n")
                      .arg(n.folder, n.node.isEmpty() ? QStringLiteral("unknown") : n.node,
                           n.created.toUTC().toString(Qt::ISODate));
    }
    entries.prepend(
        {kManifestName, {}, QJsonDocument(merged.toJson()).toJson(QJsonDocument::Indented), {}});
    entries.prepend({kReadmeName, {}, readme.toUtf8(), {}});

    auto written =
        bundle::writeBundle(outputPath, entries, created, &m_cancel, progressCallback, r.password);
    if (!written) {
        return tl::unexpected(written.error());
    }
    auto known = recordInLedger(r, merged, *written, nodes);
    if (!known) {
        // As for a collection: no bundle stays behind to be sent without a record.
        QFile::remove(written->path);
        return makeError(ErrorCode::WriteFailed,
                         known.error().message +
                             QStringLiteral("; the merged bundle was removed so that none leaves "
                                            "without a record. Fix the vault folder and run again"),
                         known.error().path);
    }
    log->info("merged {} node bundles into one of {} files", nodes.size(), merged.files.size());
    progress.report({QStringLiteral("done"), outputPath, 1, 1}, true);
    return MergeSummary{written->path, written->size, written->sha256,
                        merged,        *known,        ledger::Ledger(r.vaultDir).path()};
}

} // namespace supportzip::core::pipeline
