// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic, shape-keeping pseudonyms: HMAC-SHA256 of the normalized value under the
// machine's secret key. Thread-safe; every distinct value is hashed once and remembered, so the
// mapping (pseudonym -> original) can be written to the local vault after a run.
#pragma once

#include "scrub/category.h"

#include <QByteArray>

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace supportzip::core::scrub {

struct MappingEntry {
    std::string pseudonym;
    std::string original;
    ValueKind kind;
};

class Pseudonymizer final {
public:
    explicit Pseudonymizer(QByteArray key);

    // The replacement for a value of the given kind. Secrets are never passed here.
    std::string pseudonym(ValueKind kind, std::string_view value);
    // Every pseudonym handed out so far, sorted by pseudonym.
    std::vector<MappingEntry> mapping() const;

    // True for text this class produces (so a second scrub, or verify, leaves it alone).
    static bool looksLikePseudonym(std::string_view token);

private:
    std::string make(ValueKind kind, const std::string& normalized, int digestChars);
    QByteArray digest(ValueKind kind, const std::string& normalized) const;
    // The keyed shuffle of host numbers 1..254 of one /24 (see make()), built once per subnet.
    const std::array<std::uint8_t, 256>& hostPermutation(const QByteArray& netDigest);

    QByteArray m_key;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::string> m_byValue; // kind + '\0' + normalized -> pseudonym
    std::unordered_map<std::string, MappingEntry> m_byPseudonym; // collision detection + mapping
    std::unordered_map<std::string, std::array<std::uint8_t, 256>> m_hostPermutations;
};

std::string normalizeValue(ValueKind kind, std::string_view value);

} // namespace supportzip::core::scrub
