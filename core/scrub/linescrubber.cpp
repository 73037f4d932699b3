// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/linescrubber.h"

#include "scrub/charclass.h"
#include "scrub/knownvalues.h"
#include "scrub/logcontextdetector.h"
#include "scrub/patterndetector.h"
#include "scrub/pseudonymizer.h"
#include "scrub/regexterms.h"
#include "scrub/rules.h"

#include <algorithm>

namespace supportzip::core::scrub {

LineScrubber::LineScrubber(const ScrubEngine& engine)
    : m_engine(engine) {
}

namespace {

// "\tat com.example.Foo$Bar.run(Foo.java:12) [jar-1.0.jar:?]": a Java stack frame, by a strict
// shape (identifier characters only, no '@', ':' only before the line number or in the jar
// note). Half the lines of a log with exceptions; they hold code, never customer data, so only
// the admin's terms and learned values are matched in them.
bool isStackFrame(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    if (i == 0 || !chars::startsWith(line, i, "at ")) {
        return false;
    }
    i += 3;
    const std::size_t open = line.find('(', i);
    const std::size_t close = line.find(')', i);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        return false;
    }
    for (std::size_t k = i; k < open; ++k) {
        const char c = line[k];
        if (!(chars::isAlnum(c) || c == '.' || c == '_' || c == '$' || c == '/' || c == '<' ||
              c == '>')) {
            return false;
        }
    }
    for (std::size_t k = open + 1; k < close; ++k) {
        const char c = line[k];
        if (!(chars::isAlnum(c) || c == '.' || c == '_' || c == '$' || c == ':' || c == ' ')) {
            return false;
        }
    }
    std::string_view rest = line.substr(close + 1);
    while (!rest.empty() && rest.back() == ' ') {
        rest.remove_suffix(1);
    }
    if (rest.empty()) {
        return true;
    }
    // " [atlassian-core-7.0.2.jar:?]" or " ~[?:?]"
    if (rest.size() < 4 || rest.back() != ']' ||
        (rest.substr(0, 2) != " [" && rest.substr(0, 3) != " ~[")) {
        return false;
    }
    for (char c : rest.substr(rest.find('[') + 1, rest.size() - rest.find('[') - 2)) {
        if (!(chars::isAlnum(c) || c == '.' || c == '_' || c == '-' || c == ':' || c == '?')) {
            return false;
        }
    }
    return true;
}

} // namespace

void LineScrubber::collectSpans(std::string_view line) {
    m_lower.assign(line);
    for (char& c : m_lower) {
        c = chars::toLower(c);
    }
    const std::string_view lower(m_lower);
    m_sink.clear();
    if (m_engine.rules->regexTerms && !m_engine.learningOnly()) {
        m_engine.rules->regexTerms->match(line, m_sink); // in stack frames too, like terms
    }
    if (isStackFrame(line)) {
        if (m_engine.matcher != nullptr) {
            m_engine.matcher->match(line, lower, m_sink);
        }
        return;
    }
    detectKeyValues(line, lower, m_sink, m_keyValueState);
    detectLogContext(line, lower, m_sink);
    detectPatterns(line, lower, m_sink, m_engine.learningOnly());
    if (m_engine.matcher != nullptr) {
        m_engine.matcher->match(line, lower, m_sink);
    }
    if (m_engine.learnInto != nullptr) {
        m_engine.learnInto->addAll(m_sink.learned());
    }
}

bool LineScrubber::isKeptSpan(const Span& span, std::string_view line) const {
    const Category category = defaultCategory(span.kind);
    const Action action = m_engine.rules->actionFor(category);
    if (action == Action::Keep) {
        return true; // for secrets too: "keep" is the admin's explicit choice
    }
    return m_engine.rules->isKept(line.substr(span.begin, span.end - span.begin));
}

void LineScrubber::resolveOverlaps(std::string_view line) {
    auto& spans = m_sink.spans();
    // Spans the admin keeps never claim bytes: a kept category must not shield a value of
    // another category that overlaps it.
    spans.erase(std::remove_if(spans.begin(), spans.end(),
                               [&](const Span& s) { return isKeptSpan(s, line); }),
                spans.end());
    // Most certain first, then longest: they decide the kind of what is replaced.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        if (a.certainty != b.certainty) {
            return a.certainty > b.certainty;
        }
        if (a.end - a.begin != b.end - b.begin) {
            return a.end - a.begin > b.end - b.begin;
        }
        return a.begin < b.begin;
    });
    m_accepted.clear();
    for (const Span& s : spans) {
        bool absorbed = false;
        for (Span& a : m_accepted) {
            if (s.begin < a.end && a.begin < s.end) {
                // A weaker span that sticks out of a stronger one widens it: dropping it would
                // leave its outer part (half a host name) in clear.
                a.begin = std::min(a.begin, s.begin);
                a.end = std::max(a.end, s.end);
                absorbed = true;
            }
        }
        if (!absorbed) {
            m_accepted.push_back(s);
        }
    }
    std::sort(m_accepted.begin(), m_accepted.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    // Widening can make accepted spans overlap each other: merge them into the first.
    std::size_t out = 0;
    for (std::size_t k = 0; k < m_accepted.size(); ++k) {
        if (out > 0 && m_accepted[k].begin < m_accepted[out - 1].end) {
            m_accepted[out - 1].end = std::max(m_accepted[out - 1].end, m_accepted[k].end);
        } else {
            m_accepted[out++] = m_accepted[k];
        }
    }
    m_accepted.resize(out);
}

const std::vector<Span>& LineScrubber::inspect(std::string_view line) {
    collectSpans(line);
    resolveOverlaps(line);
    return m_accepted;
}

void LineScrubber::appendReplacement(const Span& span, std::string_view value, std::string& out) {
    const Category category = defaultCategory(span.kind);
    if (category == Category::Secret) {
        out += "[REDACTED:";
        out += *span.label != '\0' ? span.label : "secret";
        out += ']';
        return;
    }
    if (m_engine.rules->actionFor(category) == Action::Redact) {
        out += "[REDACTED:";
        out += valueKindName(span.kind);
        out += ']';
        return;
    }
    std::string pseudonym = m_engine.pseudonymizer->pseudonym(span.kind, value);
    out += pseudonym;
    if (m_pseudonyms != nullptr && !m_pseudonyms->contains(pseudonym)) {
        m_pseudonyms->insert(std::move(pseudonym));
    }
}

void LineScrubber::scrub(std::string_view line, std::int64_t lineNumber, std::string& out,
                         const FindingCallback& onFinding, CategoryCounts& counts) {
    collectSpans(line);
    if (m_engine.learningOnly()) {
        m_accepted.clear();
        return;
    }
    if (m_sink.spans().empty()) {
        m_accepted.clear();
        out.append(line);
        return;
    }
    resolveOverlaps(line);
    std::size_t pos = 0;
    for (const Span& span : m_accepted) {
        // Kept spans were removed before overlaps were resolved; everything left is replaced.
        const std::string_view value = line.substr(span.begin, span.end - span.begin);
        const Category category = defaultCategory(span.kind);
        const Action action =
            category == Category::Secret ? Action::Redact : m_engine.rules->actionFor(category);
        out.append(line.substr(pos, span.begin - pos));
        appendReplacement(span, value, out);
        pos = span.end;
        counts[static_cast<std::size_t>(category)] += 1;
        if (onFinding) {
            onFinding(Finding{lineNumber, span.begin, span.end - span.begin, category, span.kind,
                              action, span.rule});
        }
    }
    out.append(line.substr(pos));
}

} // namespace supportzip::core::scrub
