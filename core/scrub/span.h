// SPDX-License-Identifier: GPL-3.0-or-later
// A candidate replacement inside one line, as found by a detector.
#pragma once

#include "scrub/category.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace supportzip::core::scrub {

// Detectors of higher certainty win where spans overlap (see DESIGN.md §4 detector order).
// Known values rank with patterns, so the longer of the two wins: a learned domain never splits
// an e-mail address that the pattern found whole.
enum class Certainty : std::uint8_t { Pattern = 1, Known = 1, Context = 3, Structure = 4 };

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0; // exclusive
    ValueKind kind = ValueKind::Secret;
    Certainty certainty = Certainty::Pattern;
    const char* rule = ""; // static rule id, e.g. "kv.password", "log.user-field"
    // For secrets: the label inside [REDACTED:label]; for issue keys the project part length.
    const char* label = "";
};

// Values learned with certainty (a user in a `user:` field) to be replaced everywhere.
struct LearnedValue {
    ValueKind kind;
    std::string_view value;
};

class SpanSink {
public:
    void add(std::size_t begin, std::size_t end, ValueKind kind, Certainty certainty,
             const char* rule, const char* label = "") {
        if (end > begin) {
            m_spans.push_back(Span{static_cast<std::uint32_t>(begin),
                                   static_cast<std::uint32_t>(end), kind, certainty, rule, label});
        }
    }
    void learn(ValueKind kind, std::string_view value) { m_learned.push_back({kind, value}); }

    std::vector<Span>& spans() { return m_spans; }
    const std::vector<LearnedValue>& learned() const { return m_learned; }
    void clear() {
        m_spans.clear();
        m_learned.clear();
    }

private:
    std::vector<Span> m_spans;
    std::vector<LearnedValue> m_learned;
};

} // namespace supportzip::core::scrub
