// SPDX-License-Identifier: GPL-3.0-or-later
// Scrubs one line: runs every detector, resolves overlaps (more certain detectors win, then the
// longer span), applies the admin's action per category and writes the result.
// One LineScrubber per thread and file; it reuses its buffers, so a line costs no allocation
// once the buffers have grown.
#pragma once

#include "scrub/finding.h"
#include "scrub/keyvaluedetector.h"
#include "scrub/span.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace supportzip::core::scrub {

class KnownValueMatcher;
class KnownValues;
class Pseudonymizer;
struct ScrubRules;

// The distinct pseudonyms written into one output (a file, a member name): what the local ledger
// records per bundle file. A set, not occurrences, so memory follows distinct values only.
using PseudonymSet = std::unordered_set<std::string>;

// Shared by all files of one run. Pointers are borrowed; the owner outlives every scrubber.
struct ScrubEngine {
    const ScrubRules* rules = nullptr;
    Pseudonymizer* pseudonymizer = nullptr;
    KnownValues* learnInto = nullptr;           // learning pass: where learned values go
    const KnownValueMatcher* matcher = nullptr; // scrubbing pass: learned values to replace

    // The learning pass (learnInto without matcher) only collects values: detectors that never
    // learn are skipped and no output is produced.
    bool learningOnly() const { return learnInto != nullptr && matcher == nullptr; }
};

class LineScrubber final {
public:
    explicit LineScrubber(const ScrubEngine& engine);

    // Appends the scrubbed line (without its line ending) to out. lineNumber is for findings.
    void scrub(std::string_view line, std::int64_t lineNumber, std::string& out,
               const FindingCallback& onFinding, CategoryCounts& counts);
    // The spans the scrubber would replace in this line, overlaps resolved, without replacing
    // anything (verify's residual scan). Valid until the next call.
    const std::vector<Span>& inspect(std::string_view line);
    // The spans the last scrub() replaced, in line order (for a value cut with its line).
    const std::vector<Span>& lastReplaced() const { return m_accepted; }
    // Resets per-file state (a multi-line secret never continues into another file).
    void resetFileState() { m_keyValueState = {}; }
    // What the next line inherits from this one (a wrapped value, a pending JSON value): read
    // where a segment of a file ends, set where the next starts or to scrub a single line of a
    // file as the streaming pass would (the preview's viewer).
    const KeyValueState& keyValueState() const { return m_keyValueState; }
    void setKeyValueState(const KeyValueState& state) { m_keyValueState = state; }
    // Every pseudonym written from now on is added to `pseudonyms` (borrowed; nullptr: none).
    void recordPseudonymsInto(PseudonymSet* pseudonyms) { m_pseudonyms = pseudonyms; }

private:
    void collectSpans(std::string_view line);
    void resolveOverlaps(std::string_view line);
    bool isKeptSpan(const Span& span, std::string_view line) const;
    void appendReplacement(const Span& span, std::string_view value, std::string& out);

    const ScrubEngine& m_engine;
    std::string m_lower;
    SpanSink m_sink;
    std::vector<Span> m_accepted;
    KeyValueState m_keyValueState;
    PseudonymSet* m_pseudonyms = nullptr;
};

} // namespace supportzip::core::scrub
