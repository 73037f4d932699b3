// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/verifier.h"

#include "bundle/bundleencryption.h"
#include "bundle/bundlereader.h"
#include "bundle/manifest.h"
#include "scrub/linescrubber.h"
#include "scrub/pseudonymizer.h"
#include "scrub/rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace supportzip::core::bundle {
namespace {

constexpr qint64 kMaxManifestBytes = 256LL << 20;
constexpr int kMaxResidualHits = 200;

// A span whose text is already a pseudonym or a redaction is what scrubbing produced.
bool isScrubbedValue(std::string_view v) {
    return scrub::Pseudonymizer::looksLikePseudonym(v) || v.substr(0, 6) == "02:00:" ||
           (v.size() > 4 && v.substr(0, 2) == "fd" && v.find("::") != std::string_view::npos);
}

void checkMembers(const BundleReader& reader, const QJsonObject& manifest, VerifyReport& report,
                  const CancelToken* cancel) {
    QSet<QString> listed;
    for (const QJsonValue& v : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString path = f.value(QStringLiteral("path")).toString();
        listed.insert(path);
        if (!reader.contains(path)) {
            report.issues.append(
                {path, QStringLiteral("listed in the manifest but missing from the bundle")});
            continue;
        }
        auto sha = reader.sha256(path, cancel);
        ++report.membersChecked;
        if (!sha) {
            report.issues.append({path, sha.error().message});
        } else if (*sha != f.value(QStringLiteral("sha256")).toString()) {
            report.issues.append(
                {path,
                 QStringLiteral(
                     "its SHA-256 does not match the manifest (changed after it was written)")});
        }
    }
    for (const BundleMember& m : reader.members()) {
        if (!listed.contains(m.name) && m.name != QStringLiteral("manifest.json") &&
            m.name != QStringLiteral("README.txt")) {
            report.issues.append(
                {m.name, QStringLiteral("in the bundle but not listed in the manifest")});
        }
    }
}

void residualScan(const BundleReader& reader, VerifyReport& report, const CancelToken* cancel) {
    auto rules = scrub::loadDefaultRules();
    if (!rules) {
        return;
    }
    scrub::Pseudonymizer unused(QByteArray(32, '\0'));
    const scrub::ScrubEngine engine{&*rules, &unused, nullptr, nullptr};
    // The manifests describe the scrubbing (counts named "secret", the consent's e-mail): they
    // are not scanned, nor are the node manifests a merged bundle carries.
    QSet<QString> notScanned{QStringLiteral("manifest.json"), QStringLiteral("README.txt")};
    for (const QJsonValue& v : report.manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString path = f.value(QStringLiteral("path")).toString();
        if (f.value(QStringLiteral("category")).toString() == QStringLiteral("node-manifest") &&
            path.endsWith(QStringLiteral("/manifest.json")) && path.count(u'/') == 1) {
            notScanned.insert(path);
        }
    }
    for (const BundleMember& m : reader.members()) {
        if (notScanned.contains(m.name)) {
            continue;
        }
        scrub::LineScrubber scrubber(engine);
        std::string pending;
        qint64 lineNumber = 0;
        auto scanLine = [&](std::string_view line) {
            ++lineNumber;
            for (const scrub::Span& s : scrubber.inspect(line)) {
                if (isScrubbedValue(line.substr(s.begin, s.end - s.begin))) {
                    continue;
                }
                const scrub::Category c = scrub::defaultCategory(s.kind);
                report.residualCounts[static_cast<std::size_t>(c)] += 1;
                if (report.residual.size() < kMaxResidualHits) {
                    report.residual.append({m.name, lineNumber, QString::fromLatin1(s.rule), c});
                }
            }
        };
        (void)reader.stream(
            m.name,
            [&](QByteArrayView chunk) {
                pending.append(chunk.data(), static_cast<std::size_t>(chunk.size()));
                std::size_t start = 0;
                std::size_t nl;
                while ((nl = pending.find('\n', start)) != std::string::npos) {
                    scanLine(std::string_view(pending).substr(start, nl - start));
                    start = nl + 1;
                }
                pending.erase(0, start);
                return pending.size() < (4u << 20); // a member without newlines is not text
            },
            cancel);
        if (!pending.empty()) {
            scanLine(pending.substr(0, std::min<std::size_t>(pending.size(), 1u << 20)));
        }
    }
}

} // namespace

Expected<VerifyReport> verifyBundle(const QString& path, const CancelToken* cancel,
                                    const Secret& password) {
    auto reader = BundleReader::open(path, password);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    VerifyReport report;
    if (!(*reader)->contains(QStringLiteral("manifest.json"))) {
        report.issues.append({QStringLiteral("manifest.json"),
                              QStringLiteral("missing: this is not a supportzip bundle")});
        return report;
    }
    auto manifestBytes = (*reader)->read(QStringLiteral("manifest.json"), kMaxManifestBytes);
    if (!manifestBytes) {
        return tl::unexpected(manifestBytes.error());
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*manifestBytes, &parseError);
    if (!doc.isObject()) {
        report.issues.append({QStringLiteral("manifest.json"),
                              QStringLiteral("not valid JSON: %1").arg(parseError.errorString())});
        return report;
    }
    report.manifest = doc.object();
    if (report.manifest.value(QStringLiteral("format")).toInt() != kManifestFormat) {
        report.issues.append(
            {QStringLiteral("manifest.json"),
             QStringLiteral("unknown manifest format %1 (this tool reads format %2)")
                 .arg(report.manifest.value(QStringLiteral("format")).toInt())
                 .arg(kManifestFormat)});
        return report;
    }
    if (report.manifest.value(QStringLiteral("consent"))
            .toObject()
            .value(QStringLiteral("statement"))
            .toString()
            .isEmpty()) {
        report.issues.append(
            {QStringLiteral("manifest.json"), QStringLiteral("has no consent record")});
    }
    const QString encryption =
        report.manifest.value(QStringLiteral("encryption")).toString(encryptionName(false));
    if (encryption != encryptionName((*reader)->isEncrypted())) {
        report.issues.append(
            {QStringLiteral("manifest.json"),
             QStringLiteral("says encryption \"%1\" but the members are %2")
                 .arg(encryption, (*reader)->isEncrypted() ? QStringLiteral("encrypted")
                                                           : QStringLiteral("not encrypted"))});
    }
    checkMembers(**reader, report.manifest, report, cancel);
    residualScan(**reader, report, cancel);
    if (cancel != nullptr && cancel->isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
    return report;
}

} // namespace supportzip::core::bundle
