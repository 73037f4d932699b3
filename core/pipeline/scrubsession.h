// SPDX-License-Identifier: GPL-3.0-or-later
// Everything one run scrubs with: the rules in effect, the pseudonymizer under the vault key and
// the values learned in the first pass. The build, the dry-run preview and the GUI's viewer use
// one session each, so the preview shows exactly what the bundle will hold.
#pragma once

#include "collect/inventory.h"
#include "common/error.h"
#include "common/progress.h"
#include "scrub/knownvalues.h"
#include "scrub/linescrubber.h"
#include "scrub/pseudonymizer.h"
#include "scrub/rules.h"
#include "scrub/streamscrubber.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QThreadPool;

namespace supportzip::core::pipeline {

struct CollectRequest;
class WorkPlan;

// One line as the bundle holds it, and where each finding sits before and after (byte offsets).
struct ScrubbedLine {
    struct Mark {
        scrub::Category category = scrub::Category::Secret;
        scrub::Action action = scrub::Action::Redact;
        std::uint32_t inBegin = 0, inLength = 0;   // in the original line
        std::uint32_t outBegin = 0, outLength = 0; // in the scrubbed line
    };
    std::string text;
    std::vector<Mark> marks;
    bool removed = false; // the line is not in the bundle at all (inside a PEM block)
};

class ScrubSession final {
public:
    // Rules (built in, the request's rules file, terms, keep list) and the vault's key, created
    // on first use. Errors: MalformedInput (rules file), PermissionDenied/WriteFailed (vault).
    static Expected<std::unique_ptr<ScrubSession>> create(const CollectRequest& request);

    // Pass 1: learns values that are certain (users in user fields, nodes, keys...) from every
    // file, in parallel on the pool. Call once, before engine(); stops early on cancel.
    void learn(const QList<collect::CollectedFile>& files, const WorkPlan& work, QThreadPool& pool,
               const CancelToken* cancel, ProgressThrottle& progress);

    // The scrubbing engine (pass 2). Valid after learn(); shared by all worker threads.
    const scrub::ScrubEngine& engine() const { return m_engine; }
    const scrub::ScrubRules& rules() const { return m_rules; }
    scrub::Pseudonymizer& pseudonymizer() { return m_pseudonymizer; }
    std::size_t learnedCount() const { return m_known.size(); }

    // Whole texts (member names, generated files). Thread-safe. pseudonyms: where the
    // pseudonyms written are gathered for the ledger (nullptr: nowhere).
    QString scrubText(const QString& text, scrub::PseudonymSet* pseudonyms = nullptr) const;
    // One line of a file, with its findings placed (the GUI's side-by-side viewer). `entry` is
    // what the line inherits from the lines before it (PreviewFile::carried): with it, a line of
    // a PEM block or a wrapped license comes out as the streaming pass writes it.
    ScrubbedLine scrubLine(std::string_view line, const scrub::CarriedState& entry = {}) const;
    // The bundle member name of every file, scrubbed like its content and unique.
    QStringList memberPaths(const QList<collect::CollectedFile>& files,
                            scrub::PseudonymSet* pseudonyms = nullptr) const;
    // The vault's pseudonym key (the ledger derives its subject key from it).
    const QByteArray& key() const { return m_key; }

private:
    ScrubSession(scrub::ScrubRules rules, QByteArray key);

    scrub::ScrubRules m_rules;
    QByteArray m_key;
    scrub::Pseudonymizer m_pseudonymizer;
    scrub::KnownValues m_known;
    std::optional<scrub::KnownValueMatcher> m_matcher;
    scrub::ScrubEngine m_engine;
};

} // namespace supportzip::core::pipeline
