// SPDX-License-Identifier: GPL-3.0-or-later
// supportzip preview: the plan without writing a bundle. --json gives it to scripts: what will
// be collected (bundle path, sizes, findings), what is left out and why.
#include "bundleoptions.h"
#include "commands.h"
#include "exitcode.h"

#include "pipeline/previewjob.h"
#include "scrub/category.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {
namespace {

QJsonObject findingsJson(const core::scrub::CategoryCounts& counts) {
    QJsonObject o;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            const auto name = core::scrub::categoryName(static_cast<core::scrub::Category>(i));
            o.insert(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                     static_cast<qint64>(counts[i]));
        }
    }
    return o;
}

QJsonObject installationJson(const core::pipeline::CollectionPlan& plan) {
    const core::discovery::Installation& i = plan.installation;
    return QJsonObject{{QStringLiteral("kind"), plan.sourceKind},
                       {QStringLiteral("product"), core::discovery::productId(i.product)},
                       {QStringLiteral("productName"), i.productName},
                       {QStringLiteral("version"), i.version},
                       {QStringLiteral("buildNumber"), i.buildNumber},
                       {QStringLiteral("installDir"), i.installDir},
                       {QStringLiteral("homeDir"), i.homeDir},
                       {QStringLiteral("sharedHomeDir"), i.sharedHomeDir},
                       {QStringLiteral("dataCenter"), i.dataCenter},
                       {QStringLiteral("running"), i.pid > 0},
                       {QStringLiteral("databaseType"), i.databaseType}};
}

QJsonObject planJson(const core::pipeline::PreviewResult& result) {
    QHash<QString, const core::collect::CollectedFile*> planned;
    for (const auto& f : result.plan.inventory.files) {
        planned.insert(f.sourcePath, &f);
    }
    QJsonArray files;
    qint64 before = 0;
    qint64 after = 0;
    for (const auto& f : result.files) {
        const core::collect::CollectedFile* p = planned.value(f.sourcePath);
        files.append(QJsonObject{{QStringLiteral("bundlePath"), f.bundlePath},
                                 {QStringLiteral("category"), f.category},
                                 {QStringLiteral("sourcePath"), f.sourcePath},
                                 {QStringLiteral("root"), p ? p->root : QString()},
                                 {QStringLiteral("sizeOnDisk"), p ? p->size : qint64(0)},
                                 {QStringLiteral("gzip"), p && p->gzip},
                                 {QStringLiteral("sizeBefore"), f.sizeBefore},
                                 {QStringLiteral("sizeAfter"), f.sizeAfter},
                                 {QStringLiteral("truncated"), f.truncated},
                                 {QStringLiteral("findings"), findingsJson(f.findings)}});
        before += f.sizeBefore;
        after += f.sizeAfter;
    }
    QJsonArray leftOut;
    for (const auto& l : result.plan.inventory.leftOut) {
        leftOut.append(QJsonObject{{QStringLiteral("path"), l.sourcePath},
                                   {QStringLiteral("root"), l.root},
                                   {QStringLiteral("relativePath"), l.relativePath},
                                   {QStringLiteral("folder"), l.folder},
                                   {QStringLiteral("reason"), l.reason}});
    }
    // Files the plan wanted but that could not be read: left out too, with the reason.
    for (const auto& s : result.skipped) {
        leftOut.append(QJsonObject{{QStringLiteral("path"), s.path},
                                   {QStringLiteral("folder"), false},
                                   {QStringLiteral("reason"), s.message}});
    }
    const QJsonObject totals{{QStringLiteral("files"), files.size()},
                             {QStringLiteral("leftOut"), leftOut.size()},
                             {QStringLiteral("bytesBefore"), before},
                             {QStringLiteral("bytesAfter"), after},
                             {QStringLiteral("findings"), findingsJson(result.totals)}};
    return QJsonObject{{QStringLiteral("source"), installationJson(result.plan)},
                       {QStringLiteral("files"), files},
                       {QStringLiteral("leftOut"), leftOut},
                       {QStringLiteral("totals"), totals}};
}

} // namespace

QString PreviewCommand::name() const {
    return QStringLiteral("preview");
}
QString PreviewCommand::description() const {
    return QStringLiteral("Show what a bundle would hold and what is left out, writing nothing.");
}

void PreviewCommand::addOptions(QCommandLineParser& p) const {
    addInstallationOptions(p);
    p.addOption({QStringLiteral("source"),
                 QStringLiteral("Instead of an installation: a folder of logs or a support zip."),
                 QStringLiteral("PATH")});
    p.addOption({QStringLiteral("json"),
                 QStringLiteral("Machine-readable plan: files with sizes and findings, what is "
                                "left out and why.")});
    addPlanOptions(p);
}

int PreviewCommand::execute(CommandContext& ctx, const QCommandLineParser& p) const {
    core::pipeline::CollectRequest r;
    r.installDir = p.value(QStringLiteral("install"));
    r.homeDir = p.value(QStringLiteral("home"));
    r.sourcePath = p.value(QStringLiteral("source"));
    if (r.installDir.isEmpty() && r.homeDir.isEmpty() && r.sourcePath.isEmpty()) {
        ctx.err << "supportzip: pass --install DIR and/or --home DIR, or --source PATH (see "
                   "'supportzip detect')\n";
        return ExitCode::Usage;
    }
    if (const int rc = fillPlanRequest(ctx, p, r); rc >= 0) {
        return rc;
    }
    if (!p.isSet(QStringLiteral("json"))) {
        return runDryRun(ctx, r);
    }
    auto result = core::pipeline::PreviewJob(r).run();
    if (!result) {
        ctx.err << "supportzip preview: " << result.error().toString() << "\n";
        return result.error().code == core::ErrorCode::NotFound ? ExitCode::NothingFound
                                                                : ExitCode::Failure;
    }
    ctx.out << QJsonDocument(planJson(*result)).toJson(QJsonDocument::Indented);
    return ExitCode::Success;
}

} // namespace supportzip::cli
