// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/scrubsession.h"

#include "pipeline/collectjob.h"
#include "pipeline/filescrub.h"
#include "pipeline/parallel.h"
#include "pipeline/segmentedrun.h"
#include "scrub/streamscrubber.h"
#include "vault/vault.h"

#include <QSet>

#include <atomic>

namespace supportzip::core::pipeline {
namespace {

Expected<scrub::ScrubRules> buildRules(const CollectRequest& r) {
    auto rules = scrub::loadDefaultRules();
    if (rules && !r.rulesFile.isEmpty()) {
        rules = scrub::applyRulesFile(*rules, r.rulesFile);
    }
    if (rules) {
        rules->customTerms += r.terms;
        rules->termPatterns += r.termPatterns;
        rules->keep += r.keep;
        for (const auto& [category, action] : r.actions) {
            if (category != scrub::Category::Secret) {
                rules->actions[static_cast<std::size_t>(category)] = action;
            }
        }
        if (auto ok = scrub::compileTermPatterns(*rules); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    return rules;
}

} // namespace

ScrubSession::ScrubSession(scrub::ScrubRules rules, QByteArray key)
    : m_rules(std::move(rules))
    , m_key(key)
    , m_pseudonymizer(std::move(key))
    , m_engine{&m_rules, &m_pseudonymizer, &m_known, nullptr} {
    for (const QString& term : std::as_const(m_rules.customTerms)) {
        m_known.add(scrub::ValueKind::Term, term.toStdString());
    }
}

Expected<std::unique_ptr<ScrubSession>> ScrubSession::create(const CollectRequest& request) {
    auto rules = buildRules(request);
    if (!rules) {
        return tl::unexpected(rules.error());
    }
    auto key = vault::Vault(request.vaultDir).loadOrCreateKey();
    if (!key) {
        return tl::unexpected(key.error());
    }
    return std::unique_ptr<ScrubSession>(new ScrubSession(std::move(*rules), std::move(*key)));
}

void ScrubSession::learn(const QList<collect::CollectedFile>& files, const WorkPlan& work,
                         QThreadPool& pool, const CancelToken* cancel, ProgressThrottle& progress) {
    // Every work item learns into its own set (a rerun from a carried state replaces it); the
    // sets are merged in order, so what is learned does not depend on thread timing.
    const auto& items = work.items();
    std::vector<std::unique_ptr<scrub::KnownValues>> learned(items.size());
    qint64 totalBytes = 0;
    for (const collect::CollectedFile& f : files) {
        totalBytes += f.size;
    }
    std::atomic<qint64> done{0};
    const auto learnItem = [&](std::size_t index, const WorkItem& item,
                               const scrub::StreamScrubber::SegmentStart& start) -> WorkResult {
        if (cancel != nullptr && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        learned[index] = std::make_unique<scrub::KnownValues>();
        // The learning engine has no matcher: it only collects values and writes nothing.
        const scrub::ScrubEngine learnEngine{&m_rules, &m_pseudonymizer, learned[index].get(),
                                             nullptr};
        WorkResult result = scrubItem(files, work, item, learnEngine, nullptr, start, cancel);
        const qint64 bytes = work.itemBytes(files, item);
        progress.report(
            {QStringLiteral("learn"), files[item.file].sourcePath, done += bytes, totalBytes});
        return result;
    };
    (void)runWorkPlan(pool, work, learnItem);
    for (const auto& values : learned) {
        if (values) {
            m_known.merge(*values);
        }
    }
    m_matcher.emplace(m_known);
    m_engine = scrub::ScrubEngine{&m_rules, &m_pseudonymizer, nullptr, &*m_matcher};
}

QString ScrubSession::scrubText(const QString& text, scrub::PseudonymSet* pseudonyms) const {
    return QString::fromStdString(
        scrub::StreamScrubber::scrubText(m_engine, text.toStdString(), nullptr, pseudonyms));
}

QStringList ScrubSession::memberPaths(const QList<collect::CollectedFile>& files,
                                      scrub::PseudonymSet* pseudonyms) const {
    QStringList paths;
    QSet<QString> seen;
    for (const collect::CollectedFile& f : files) {
        const QString scrubbed = scrubText(f.bundlePath, pseudonyms);
        QString candidate = scrubbed;
        for (int n = 2; seen.contains(candidate); ++n) {
            candidate = scrubbed + QStringLiteral("-%1").arg(n);
        }
        seen.insert(candidate);
        paths << candidate;
    }
    return paths;
}

ScrubbedLine ScrubSession::scrubLine(std::string_view line,
                                     const scrub::CarriedState& entry) const {
    ScrubbedLine result;
    scrub::LineScrubber scrubber(m_engine);
    scrubber.setKeyValueState(entry.keyValue);
    bool inPem = entry.inPem;
    scrub::CategoryCounts counts{};
    // The scrubber reports a finding right after appending its replacement: the replacement
    // ends at the current output size and starts where the unchanged text before it ends.
    std::uint32_t inEnd = 0;
    std::uint32_t outEnd = 0;
    const bool kept = scrub::StreamScrubber::scrubLineOfFile(
        scrubber, inPem, line, 1, result.text,
        [&](const scrub::Finding& f) {
            const auto outBegin = outEnd + (f.column - inEnd);
            const auto outStop = static_cast<std::uint32_t>(result.text.size());
            result.marks.push_back(
                {f.category, f.action, f.column, f.length, outBegin, outStop - outBegin});
            inEnd = f.column + f.length;
            outEnd = outStop;
        },
        counts);
    if (!kept) {
        // All of it is secret: marked whole on the original side, nothing on the other.
        result.removed = true;
        result.marks.push_back({scrub::Category::Secret, scrub::Action::Redact, 0,
                                static_cast<std::uint32_t>(line.size()), 0, 0});
    }
    return result;
}

} // namespace supportzip::core::pipeline
