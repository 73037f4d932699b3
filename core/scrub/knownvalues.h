// SPDX-License-Identifier: GPL-3.0-or-later
// Propagation: values learned with certainty in one place (a user in a `user:` field, a node id
// in cluster.properties, a project key in /browse/KEY-1) are replaced everywhere else too.
//
// Design: a learning pass runs every detector over every file and feeds KnownValues; the
// scrubbing pass then matches all learned values at once with an Aho-Corasick automaton
// (KnownValueMatcher, immutable and shared by all worker threads), on word boundaries.
#pragma once

#include "scrub/span.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace supportzip::core::scrub {

class KnownValues final {
public:
    // Thread-safe. Generic words ("jira", "admin", "UTF") and very short values are ignored.
    void add(ValueKind kind, std::string_view value);
    void addAll(const std::vector<LearnedValue>& values);
    // Adds everything `other` learned (the pipeline learns per work item, then merges in order,
    // so the first spelling kept does not depend on thread timing).
    void merge(const KnownValues& other);
    std::size_t size() const;
    // Snapshot: normalized (lower-case) value -> (kind, original spelling).
    std::map<std::string, std::pair<ValueKind, std::string>> entries() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::pair<ValueKind, std::string>> m_values;
};

class KnownValueMatcher final {
public:
    KnownValueMatcher() = default;
    explicit KnownValueMatcher(const KnownValues& values);

    // Adds a span for every known value in the line (longest match wins at each start).
    void match(std::string_view line, std::string_view lower, SpanSink& sink) const;
    bool empty() const { return m_patterns.empty(); }

private:
    struct Node {
        std::map<char, int> next;
        int fail = 0;
        int output = -1;     // pattern index ending here (longest)
        int dictSuffix = -1; // next node on the fail chain with an output
    };
    struct Pattern {
        std::string lower;
        std::string original;
        ValueKind kind;
    };
    void buildTransitions();

    std::vector<Node> m_nodes;
    // Full DFA over bytes (node * 256 + byte -> node), so matching is one load per byte.
    std::vector<std::int32_t> m_delta;
    std::vector<Pattern> m_patterns;
};

} // namespace supportzip::core::scrub
