// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/knownvalues.h"

#include "scrub/charclass.h"
#include "scrub/logcontextdetector.h"
#include "scrub/pseudonymizer.h"

#include <queue>

namespace supportzip::core::scrub {
namespace {

using namespace chars;

std::string lowerCopy(std::string_view v) {
    std::string out(v);
    for (char& c : out) {
        c = toLower(c);
    }
    return out;
}

// When one spelling is learned as two kinds: the admin's term first, then the kinds whose
// replacement keeps the most shape; a user beats a project key so "ops" is never left in clear.
int kindRank(ValueKind kind) {
    switch (kind) {
    case ValueKind::Term:
        return 0;
    case ValueKind::Email:
        return 1;
    case ValueKind::Host:
        return 2;
    case ValueKind::Node:
        return 3;
    case ValueKind::Dn:
        return 4;
    case ValueKind::User:
        return 5;
    case ValueKind::PersonName:
        return 6;
    case ValueKind::ProjectKey:
        return 7;
    case ValueKind::IssueKey:
        return 8;
    case ValueKind::Text:
        return 9;
    default:
        return 10;
    }
}

bool worthPropagating(ValueKind kind, std::string_view value) {
    if (kind == ValueKind::Term) {
        return value.size() >= 2; // the admin asked for it explicitly
    }
    if (value.empty() || Pseudonymizer::looksLikePseudonym(value) || isGenericValue(kind, value)) {
        return false;
    }
    switch (kind) {
    case ValueKind::ProjectKey:
        return value.size() >= 2;
    case ValueKind::Text:
        return value.size() >= 6;
    case ValueKind::Secret:
        return false; // secrets are redacted where found, never propagated
    default:
        return value.size() >= 3;
    }
}

} // namespace

void KnownValues::add(ValueKind kind, std::string_view value) {
    if (!worthPropagating(kind, value)) {
        return;
    }
    std::lock_guard lock(m_mutex);
    auto [it, inserted] = m_values.try_emplace(lowerCopy(value), kind, std::string(value));
    // Threads learn in any order; the winner must not depend on it, or pseudonyms would differ
    // from run to run. A fixed rank decides the kind, then the smaller spelling.
    if (!inserted) {
        const std::pair<int, std::string_view> mine{kindRank(kind), value};
        const std::pair<int, std::string_view> theirs{kindRank(it->second.first),
                                                      it->second.second};
        if (mine < theirs) {
            it->second = {kind, std::string(value)};
        }
    }
}

void KnownValues::addAll(const std::vector<LearnedValue>& values) {
    for (const LearnedValue& v : values) {
        add(v.kind, v.value);
    }
}

void KnownValues::merge(const KnownValues& other) {
    for (const auto& [normalized, value] : other.entries()) {
        add(value.first, value.second);
    }
}

std::size_t KnownValues::size() const {
    std::lock_guard lock(m_mutex);
    return m_values.size();
}

std::map<std::string, std::pair<ValueKind, std::string>> KnownValues::entries() const {
    std::lock_guard lock(m_mutex);
    return m_values;
}

KnownValueMatcher::KnownValueMatcher(const KnownValues& values) {
    m_nodes.emplace_back();
    for (const auto& [lower, kindAndOriginal] : values.entries()) {
        int state = 0;
        for (char c : lower) {
            auto it = m_nodes[static_cast<std::size_t>(state)].next.find(c);
            if (it == m_nodes[static_cast<std::size_t>(state)].next.end()) {
                m_nodes.emplace_back();
                const int created = static_cast<int>(m_nodes.size() - 1);
                m_nodes[static_cast<std::size_t>(state)].next.emplace(c, created);
                state = created;
            } else {
                state = it->second;
            }
        }
        m_nodes[static_cast<std::size_t>(state)].output = static_cast<int>(m_patterns.size());
        m_patterns.push_back(Pattern{lower, kindAndOriginal.second, kindAndOriginal.first});
    }
    // Breadth-first construction of failure and dictionary-suffix links.
    std::queue<int> queue;
    for (auto& [c, child] : m_nodes[0].next) {
        queue.push(child);
    }
    while (!queue.empty()) {
        const int s = queue.front();
        queue.pop();
        for (auto& [c, child] : m_nodes[static_cast<std::size_t>(s)].next) {
            int f = m_nodes[static_cast<std::size_t>(s)].fail;
            while (f != 0 && !m_nodes[static_cast<std::size_t>(f)].next.count(c)) {
                f = m_nodes[static_cast<std::size_t>(f)].fail;
            }
            auto it = m_nodes[static_cast<std::size_t>(f)].next.find(c);
            const int fail =
                (it != m_nodes[static_cast<std::size_t>(f)].next.end() && it->second != child)
                    ? it->second
                    : 0;
            Node& node = m_nodes[static_cast<std::size_t>(child)];
            node.fail = fail;
            const Node& failNode = m_nodes[static_cast<std::size_t>(fail)];
            node.dictSuffix = failNode.output >= 0 ? fail : failNode.dictSuffix;
            queue.push(child);
        }
    }
    buildTransitions();
}

// delta(s, c) = goto(s, c) if the trie has it, else delta(fail(s), c); computed in BFS order so
// a node's failure state is complete before the node itself.
void KnownValueMatcher::buildTransitions() {
    m_delta.assign(m_nodes.size() * 256, 0);
    std::queue<int> queue;
    queue.push(0);
    while (!queue.empty()) {
        const int s = queue.front();
        queue.pop();
        const Node& node = m_nodes[static_cast<std::size_t>(s)];
        const std::size_t row = static_cast<std::size_t>(s) * 256;
        const std::size_t failRow = static_cast<std::size_t>(node.fail) * 256;
        for (int c = 0; c < 256; ++c) {
            auto it = node.next.find(static_cast<char>(c));
            if (it != node.next.end()) {
                m_delta[row + static_cast<std::size_t>(c)] = it->second;
                queue.push(it->second);
            } else {
                m_delta[row + static_cast<std::size_t>(c)] =
                    s == 0 ? 0 : m_delta[failRow + static_cast<std::size_t>(c)];
            }
        }
    }
}

void KnownValueMatcher::match(std::string_view line, std::string_view lower, SpanSink& sink) const {
    if (m_patterns.empty()) {
        return;
    }
    int state = 0;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        state =
            m_delta[static_cast<std::size_t>(state) * 256 + static_cast<unsigned char>(lower[i])];
        for (int s = state; s > 0; s = m_nodes[static_cast<std::size_t>(s)].dictSuffix) {
            const Node& node = m_nodes[static_cast<std::size_t>(s)];
            if (node.output < 0) {
                if (node.dictSuffix < 0) {
                    break;
                }
                continue;
            }
            const Pattern& p = m_patterns[static_cast<std::size_t>(node.output)];
            const std::size_t end = i + 1;
            const std::size_t begin = end - p.lower.size();
            if (wordStartsAt(line, begin) && wordEndsAt(line, end)) {
                // Keys are upper case by definition: "ops" in a package name is not OPS.
                const bool caseOk = p.kind != ValueKind::ProjectKey ||
                                    line.substr(begin, p.lower.size()) == p.original;
                // A dot glued to a letter continues a longer name (a class, a file); host
                // names are replaced even there: jira.example.com.jks still names the host.
                const bool hostLike = p.kind != ValueKind::User && p.kind != ValueKind::ProjectKey;
                const bool gluedLeft =
                    !hostLike && begin >= 2 && line[begin - 1] == '.' && isAlnum(line[begin - 2]);
                const bool gluedRight = !hostLike && end + 1 < line.size() && line[end] == '.' &&
                                        isAlnum(line[end + 1]);
                if (caseOk && !gluedLeft && !gluedRight) {
                    sink.add(begin, end, p.kind, Certainty::Known, "known.value");
                }
            }
            if (node.dictSuffix < 0) {
                break;
            }
        }
    }
}

} // namespace supportzip::core::scrub
