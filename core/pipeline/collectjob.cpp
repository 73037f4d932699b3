// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/collectjob.h"
#include "common/sha256.h"

#include "bundle/bundleencryption.h"
#include "bundle/bundlewriter.h"
#include "collect/pluginlist.h"
#include "ledger/ledger.h"
#include "ledger/pseudonymindex.h"
#include "logging/logging.h"
#include "pipeline/bundletexts.h"
#include "pipeline/collectionplan.h"
#include "pipeline/filescrub.h"
#include "pipeline/segmentedrun.h"
#include "pipeline/scrubsession.h"
#include "vault/vault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThreadPool>

#include <atomic>

namespace supportzip::core::pipeline {
namespace {

// What scrubbing one work item left in the staging folder: its deflate part and, for a segment
// of a large file, its plain text (the member's SHA-256 is taken over all segments in order).
struct ItemOutput {
    bundle::DeflatedPart part;
    QString plainCopy;
};

// The SHA-256 of the files' contents one after the other; empty when one cannot be read.
QString sha256OfFiles(const QStringList& paths) {
    Sha256 hash;
    for (const QString& path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || !hash.addData(f)) {
            return {};
        }
    }
    return hash.hexResult();
}

QStringList actionsText(const scrub::ScrubRules& rules) {
    QStringList out;
    for (std::size_t i = 0; i < scrub::kCategoryCount; ++i) {
        const auto c = scrub::categoryName(static_cast<scrub::Category>(i));
        const auto a = scrub::actionName(rules.actions[i]);
        out << QString::fromLatin1(c.data(), static_cast<qsizetype>(c.size())) + u'=' +
                   QString::fromLatin1(a.data(), static_cast<qsizetype>(a.size()));
    }
    return out;
}

// The admin answers data subjects' requests from the ledger, so a bundle it does not know of must
// not stay behind to be sent: when the record cannot be written the bundle is removed again, as
// after any other error, and the user is told why (the mapping, already written, stays: it is
// harmless and the rerun reuses it).
Expected<void> recordInLedger(const CollectRequest& r, const QByteArray& key,
                              const bundle::Manifest& manifest,
                              const bundle::WrittenBundle& written,
                              const ledger::PseudonymIndex& index,
                              const std::vector<scrub::MappingEntry>& mapping) {
    const ledger::SubjectKey subjectKey(key);
    ledger::BundleRecord record =
        ledger::bundleRecordFor(manifest, written.path, written.sha256, written.size);
    record.keyId = subjectKey.keyId();
    record.pseudonyms = index.entries(mapping, subjectKey);
    auto ok = ledger::Ledger(r.vaultDir).recordBundle(record);
    if (!ok) {
        QFile::remove(written.path);
        return makeError(ErrorCode::WriteFailed,
                         ok.error().message +
                             QStringLiteral("; the bundle was removed so that none leaves without "
                                            "a record. Fix the vault folder and run again"),
                         ok.error().path);
    }
    return {};
}

} // namespace

CollectJob::CollectJob(CollectRequest request)
    : m_request(std::move(request)) {
}

QString CollectJob::defaultBundleName(const QString& product, const QDateTime& created) {
    return QStringLiteral("supportzip-%1-%2.zip")
        .arg(product, created.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
}

Expected<CollectSummary> CollectJob::run(const ProgressCallback& progressCallback) {
    auto log = logging::logger("supportzip.core.pipeline");
    ProgressThrottle progress(progressCallback);
    const CollectRequest& r = m_request;
    if (r.consent.name.isEmpty() || r.consent.email.isEmpty()) {
        return makeError(
            ErrorCode::ConsentMissing,
            QStringLiteral("writing a bundle needs the admin's consent: pass --consent \"NAME "
                           "<EMAIL>\" after reviewing what will be sent (supportzip preview)"));
    }
    if (!r.password.isEmpty()) { // before the work, not after it
        if (auto ok = bundle::checkNewPassword(r.password); !ok) {
            return tl::unexpected(ok.error());
        }
        if (auto ok = bundle::checkAesSupported(); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    progress.report({QStringLiteral("discover"), {}, 0, 0}, true);
    auto source = planCollection(r, &m_cancel, true);
    if (!source) {
        return tl::unexpected(source.error());
    }
    const discovery::Installation* installation = &source->installation;
    const QDateTime created =
        r.created.isValid() ? r.created.toUTC() : QDateTime::currentDateTimeUtc();
    QString outputPath = r.outputPath;
    if (outputPath.isEmpty() || QFileInfo(outputPath).isDir()) {
        const QString dir = outputPath.isEmpty() ? QDir::currentPath() : outputPath;
        outputPath =
            dir + u'/' + defaultBundleName(discovery::productId(installation->product), created);
    }
    outputPath = QFileInfo(outputPath).absoluteFilePath(); // printed for the user: unambiguous
    if (QFileInfo::exists(outputPath)) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the output file already exists; choose another name or remove it"),
            outputPath);
    }
    auto session = ScrubSession::create(r);
    if (!session) {
        return tl::unexpected(session.error());
    }
    vault::Vault vault(r.vaultDir);
    const collect::Inventory* inventory = &source->inventory;
    const QList<collect::CollectedFile>& files = inventory->files;
    QThreadPool pool;
    if (r.threads > 0) {
        pool.setMaxThreadCount(r.threads);
    }
    const qint64 totalBytes = source->totalBytes();

    // Pass 1: learn values that are certain (users in user fields, nodes, keys...).
    QElapsedTimer stageTimer; // stage durations go to the tool's log (--verbose), for tuning
    stageTimer.start();
    const WorkPlan work(files, r.maxFileSize, segmentBytesFor(r));
    log->debug("planned {} work items for {} files in {} ms", work.items().size(), files.size(),
               stageTimer.restart());
    (*session)->learn(files, work, pool, &m_cancel, progress);
    if (m_cancel.isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled; no bundle was written"));
    }
    log->info("learned {} values to replace everywhere in {} ms", (*session)->learnedCount(),
              stageTimer.restart());
    std::atomic<qint64> done{0};

    // Pass 2: scrub every file into the staging folder next to the output.
    QTemporaryDir staging(QFileInfo(outputPath).absolutePath() +
                          QStringLiteral("/.supportzip-staging-XXXXXX"));
    if (!staging.isValid()) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot create a staging folder next to the output: %1")
                             .arg(staging.errorString()),
                         outputPath);
    }
    const scrub::ScrubEngine& engine = (*session)->engine();
    const scrub::ScrubRules* rules = &(*session)->rules();
    scrub::Pseudonymizer& pseudonymizer = (*session)->pseudonymizer();
    // Member names are scrubbed too: a support zip may hold jira-node-a1.nwl.internal/...
    // What the ledger records: the distinct pseudonyms of every bundle member. manifest.json
    // holds those of member names, original paths, left-out paths and the node.
    ledger::PseudonymIndex pseudonymIndex;
    scrub::PseudonymSet manifestPseudonyms;
    const QStringList memberPaths = (*session)->memberPaths(files, &manifestPseudonyms);
    // Each work item is compressed on the worker that scrubs it, so compression runs on every
    // core, for one large file too; the bundle writer only copies the compressed bytes.
    std::vector<ItemOutput> outputs(work.items().size());
    const auto results = runWorkPlan(
        pool, work,
        [&](std::size_t index, const WorkItem& item,
            const scrub::StreamScrubber::SegmentStart& start) -> WorkResult {
            if (m_cancel.isCancelled()) {
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            }
            const bool whole = item.segment < 0;
            const bool last = whole || index == work.itemsOf(item.file).back();
            const QString base = staging.filePath(
                QStringLiteral("%1.%2").arg(item.file).arg(std::max(item.segment, 0)));
            std::unique_ptr<QFile> plain;
            if (!whole) {
                plain = std::make_unique<QFile>(base + QStringLiteral(".plain"));
                if (!plain->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                    return makeError(ErrorCode::WriteFailed,
                                     QStringLiteral("cannot write the staged copy: %1")
                                         .arg(plain->errorString()),
                                     plain->fileName());
                }
            }
            bundle::DeflateSink sink(base + QStringLiteral(".deflate"),
                                     last ? bundle::DeflateSink::Ending::Final
                                          : bundle::DeflateSink::Ending::SyncFlush,
                                     whole, plain.get());
            if (auto ok = sink.start(); !ok) {
                return tl::unexpected(ok.error());
            }
            WorkResult result = scrubItem(files, work, item, engine, &sink, start, &m_cancel);
            auto part = sink.finish();
            if (plain && !plain->flush()) {
                return makeError(
                    ErrorCode::WriteFailed,
                    QStringLiteral("cannot write the staged copy: %1").arg(plain->errorString()),
                    plain->fileName());
            }
            if (result && !part) {
                result = tl::unexpected(part.error());
            }
            if (result) {
                outputs[index] = {*part, plain ? plain->fileName() : QString()};
            }
            progress.report({QStringLiteral("scrub"), files[item.file].sourcePath,
                             done += work.itemBytes(files, item), totalBytes});
            return result;
        });
    if (m_cancel.isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled; no bundle was written"));
    }
    log->debug("scrubbed and compressed in {} ms", stageTimer.restart());

    CollectSummary summary;
    summary.installation = *installation;
    bundle::Manifest& manifest = summary.manifest;
    manifest.toolVersion = QStringLiteral(SUPPORTZIP_VERSION);
    manifest.created = created;
    manifest.sourceKind = source->sourceKind;
    manifest.product = discovery::productId(installation->product);
    manifest.productName = installation->productName;
    manifest.version = installation->version;
    manifest.node = installation->nodeId.isEmpty()
                        ? QString()
                        : QString::fromStdString(pseudonymizer.pseudonym(
                              scrub::ValueKind::Node, installation->nodeId.toStdString()));
    if (!manifest.node.isEmpty()) {
        manifestPseudonyms.insert(manifest.node.toStdString());
    }
    manifest.dataCenter = installation->dataCenter;
    manifest.databaseType = installation->databaseType;
    manifest.platform = QSysInfo::kernelType() + u'-' + QSysInfo::currentCpuArchitecture();
    manifest.rulesVersion = rules->version;
    for (const scrub::RuleInfo& ri : rules->builtIn) {
        manifest.rules << ri.id;
    }
    manifest.categoryActions = actionsText(*rules);
    manifest.consent = r.consent;
    manifest.encrypted = !r.password.isEmpty();
    if (!manifest.consent.time.isValid()) {
        manifest.consent.time = created;
    }
    if (manifest.consent.statement.isEmpty()) {
        manifest.consent.statement = bundle::consentStatement(r.consent.recipient);
    }

    QList<bundle::BundleEntry> entries;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const collect::CollectedFile& f = files[i];
        auto outcome = combineItems(work, i, results);
        bundle::DeflatedMember deflated;
        QStringList plainCopies;
        for (std::size_t index : work.itemsOf(i)) {
            if (outcome) {
                deflated.append(outputs[index].part);
            }
            if (!outputs[index].plainCopy.isEmpty()) {
                plainCopies << outputs[index].plainCopy;
            }
        }
        if (outcome) {
            outcome->sha256 = plainCopies.isEmpty() ? outputs[work.itemsOf(i).front()].part.sha256
                                                    : sha256OfFiles(plainCopies);
            if (outcome->sha256.isEmpty()) {
                return makeError(ErrorCode::WriteFailed,
                                 QStringLiteral("cannot read back the staged copy"),
                                 plainCopies.join(u' '));
            }
        }
        for (const QString& copy : std::as_const(plainCopies)) {
            QFile::remove(copy);
        }
        const QString shownPath =
            (*session)->scrubText(f.root + u'/' + f.relativePath, &manifestPseudonyms);
        if (!outcome) {
            if (outcome.error().code == ErrorCode::WriteFailed) {
                return tl::unexpected(outcome.error()); // a full disk stops the run
            }
            summary.skipped.append(
                {f.sourcePath, QStringLiteral("skipped"), outcome.error().message});
            manifest.leftOut.append({shownPath, false, outcome.error().message});
            continue;
        }
        bundle::ManifestFile mf{
            memberPaths[i],       shownPath,       f.category,         outcome->sizeBefore,
            outcome->sizeAfter,   outcome->sha256, outcome->truncated, outcome->stats.encoding,
            outcome->stats.counts};
        manifest.files.append(mf);
        pseudonymIndex.addFile(memberPaths[i], outcome->stats.pseudonyms);
        entries.append({memberPaths[i], {}, {}, outcome->sha256, deflated});
    }
    for (const collect::LeftOutItem& l : inventory->leftOut) {
        manifest.leftOut.append(
            {(*session)->scrubText(l.root + u'/' + l.relativePath, &manifestPseudonyms), l.folder,
             l.reason});
    }
    // Generated members: scrubbed like the collected files, listed in the manifest like them.
    const auto addGenerated = [&](const QString& path, const QString& category,
                                  const QString& text) {
        scrub::PseudonymSet pseudonyms;
        const QByteArray bytes = (*session)->scrubText(text, &pseudonyms).toUtf8();
        pseudonymIndex.addFile(path, pseudonyms);
        const QString sha = Sha256::hexOf(bytes);
        manifest.files.append({path,
                               QStringLiteral("(generated)"),
                               category,
                               bytes.size(),
                               bytes.size(),
                               sha,
                               false,
                               QStringLiteral("utf-8"),
                               {}});
        entries.append({path, {}, bytes, sha});
    };
    addGenerated(QStringLiteral("system/system-facts.txt"), QStringLiteral("system"),
                 r.systemFacts ? r.systemFacts(*installation) : systemFacts(*installation));
    if (source->sourceKind == QStringLiteral("installation")) {
        addGenerated(QStringLiteral("application-properties/installed-plugins.txt"),
                     QStringLiteral("application-properties"),
                     collect::pluginListText(collect::installedPlugins(*installation)));
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    const QByteArray readme = bundleReadme(manifest).toUtf8();
    const QByteArray manifestJson =
        QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Indented);
    pseudonymIndex.addFile(QStringLiteral("manifest.json"), manifestPseudonyms);
    entries.prepend({QStringLiteral("manifest.json"), {}, manifestJson, {}});
    entries.prepend({QStringLiteral("README.txt"), {}, readme, {}});

    log->debug("joined the members and wrote the manifest in {} ms", stageTimer.restart());
    progress.report({QStringLiteral("write"), outputPath, 0, 1000}, true);
    auto written =
        bundle::writeBundle(outputPath, entries, created, &m_cancel, progressCallback, r.password);
    if (!written) {
        return tl::unexpected(written.error());
    }
    log->debug("wrote and verified the bundle in {} ms", stageTimer.restart());
    const std::vector<scrub::MappingEntry> mapping = pseudonymizer.mapping();
    if (auto ok = vault.recordMapping(mapping, QFileInfo(outputPath).fileName()); !ok) {
        log->warn("the local mapping could not be written: {}", ok.error().message.toStdString());
    }
    if (auto ok = recordInLedger(r, (*session)->key(), manifest, *written, pseudonymIndex, mapping);
        !ok) {
        return tl::unexpected(ok.error());
    }
    summary.bundlePath = written->path;
    summary.bundleSize = written->size;
    summary.bundleSha256 = written->sha256;
    summary.filesCollected = static_cast<int>(manifest.files.size());
    summary.findings = manifest.totalFindings();
    summary.leftOut = static_cast<int>(inventory->leftOut.size());
    summary.vaultDirectory = vault.directory();
    summary.ledgerPath = ledger::Ledger(r.vaultDir).path();
    progress.report({QStringLiteral("done"), outputPath, 1000, 1000}, true);
    return summary;
}

} // namespace supportzip::core::pipeline
