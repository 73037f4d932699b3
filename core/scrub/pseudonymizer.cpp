// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/pseudonymizer.h"

#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cstdlib>

namespace supportzip::core::scrub {
namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}

std::string hexPrefix(const QByteArray& digest, int chars) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < chars; ++i) {
        const auto byte = static_cast<unsigned char>(digest[i / 2]);
        out.push_back(hex[(i % 2 == 0) ? (byte >> 4) : (byte & 0xF)]);
    }
    return out;
}

unsigned byteAt(const QByteArray& digest, int i) {
    return static_cast<unsigned char>(digest[i % digest.size()]);
}

// Keys keep their shape: upper-case letters, as long as the original (at least 3), starting
// with a letter so the result is still a valid Jira project or Confluence space key.
std::string keyShape(const QByteArray& digest, std::size_t length, int salt) {
    std::string out;
    const std::size_t n = std::max<std::size_t>(3, length);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(static_cast<char>('A' + byteAt(digest, static_cast<int>(i) + salt) % 26));
    }
    return out;
}

} // namespace

std::string normalizeValue(ValueKind kind, std::string_view value) {
    std::string out(value);
    switch (kind) {
    case ValueKind::ProjectKey:
    case ValueKind::IssueKey:
        std::transform(out.begin(), out.end(), out.begin(), upper);
        break;
    case ValueKind::Text:
    case ValueKind::PersonName:
    case ValueKind::Secret:
        break;
    default:
        std::transform(out.begin(), out.end(), out.begin(), lower);
        break;
    }
    return out;
}

Pseudonymizer::Pseudonymizer(QByteArray key)
    : m_key(std::move(key)) {
}

QByteArray Pseudonymizer::digest(ValueKind kind, const std::string& normalized) const {
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_key);
    mac.addData(valueKindName(kind).data(), static_cast<qsizetype>(valueKindName(kind).size()));
    mac.addData("\0", 1);
    mac.addData(normalized.data(), static_cast<qsizetype>(normalized.size()));
    return mac.result();
}

std::string Pseudonymizer::make(ValueKind kind, const std::string& normalized, int digestChars) {
    const QByteArray d = digest(kind, normalized);
    const std::string h = hexPrefix(d, digestChars);
    switch (kind) {
    case ValueKind::User:
        return "user-" + h;
    case ValueKind::Email:
        return "user-" + h + "@example.invalid";
    case ValueKind::PersonName:
        return "Person-" + h;
    case ValueKind::Dn:
        return "dn-" + h;
    case ValueKind::Host:
        return "host-" + h + ".example.invalid";
    case ValueKind::Node:
        return "node-" + h;
    case ValueKind::Text:
        return "text-" + h;
    case ValueKind::Term:
        return "term-" + h;
    case ValueKind::ProjectKey:
    case ValueKind::IssueKey:
        return keyShape(d, normalized.size(), digestChars);
    case ValueKind::Mac: {
        // Locally administered unicast prefix 02:00 marks the address as made up.
        std::string out = "02:00";
        for (int i = 0; i < 4; ++i) {
            out += ':' + hexPrefix(d.mid(i + digestChars / 2, 1), 2);
        }
        return out;
    }
    case ValueKind::Ipv4: {
        // The /24 prefix is hashed on its own so addresses that shared a subnet still do;
        // 240.0.0.0/4 is reserved, so a pseudonym can never be mistaken for a real address.
        // The host number is shuffled by a permutation keyed by the subnet, so two hosts of one
        // subnet never collide and the result does not depend on which was seen first (the
        // pipeline pseudonymizes on several threads). Only when two real subnets hash to one
        // pseudo subnet (about one in a million pairs) can hosts collide; the longer digests
        // below then tell them apart.
        const auto lastDot = normalized.rfind('.');
        const QByteArray net = digest(kind, normalized.substr(0, lastDot) + "/24");
        const int original = std::atoi(normalized.c_str() + lastDot + 1);
        const unsigned host = digestChars == 6
                                  ? hostPermutation(net)[static_cast<std::size_t>(original & 0xFF)]
                                  : 1 + (byteAt(d, digestChars) % 254);
        return std::to_string(240 + byteAt(net, 0) % 15) + '.' + std::to_string(byteAt(net, 1)) +
               '.' + std::to_string(byteAt(net, 2)) + '.' + std::to_string(host);
    }
    case ValueKind::Ipv6: {
        // fd00::/8 unique-local space, hashed groups.
        std::string out = "fd" + hexPrefix(d, 2);
        for (int g = 0; g < 3; ++g) {
            out += ':' + hexPrefix(d.mid(1 + g * 2 + digestChars / 2, 2), 4);
        }
        return out + "::" + hexPrefix(d.mid(9, 2), 4);
    }
    case ValueKind::Secret:
        break;
    }
    return "[REDACTED]";
}

const std::array<std::uint8_t, 256>& Pseudonymizer::hostPermutation(const QByteArray& netDigest) {
    auto [it, inserted] = m_hostPermutations.try_emplace(netDigest.toStdString());
    std::array<std::uint8_t, 256>& perm = it->second;
    if (!inserted) {
        return perm;
    }
    for (std::size_t i = 0; i < perm.size(); ++i) {
        perm[i] = static_cast<std::uint8_t>(i); // 0 (network) and 255 (broadcast) stay
    }
    // Fisher-Yates over 1..254, drawing from an HMAC stream keyed like every pseudonym.
    QByteArray stream;
    int used = 0;
    for (int i = 254; i > 1; --i) {
        if (used + 2 > stream.size()) {
            QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_key);
            mac.addData(netDigest);
            mac.addData(QByteArray::number(i));
            stream = mac.result();
            used = 0;
        }
        const unsigned draw = (byteAt(stream, used) << 8) | byteAt(stream, used + 1);
        used += 2;
        const int j = 1 + static_cast<int>(draw % static_cast<unsigned>(i)); // in 1..i
        std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(j)]);
    }
    return perm;
}

std::string Pseudonymizer::pseudonym(ValueKind kind, std::string_view value) {
    std::string normalized = normalizeValue(kind, value);
    std::string lookup = normalized;
    lookup.insert(lookup.begin(), static_cast<char>('a' + static_cast<int>(kind)));
    std::lock_guard lock(m_mutex);
    if (auto it = m_byValue.find(lookup); it != m_byValue.end()) {
        return it->second;
    }
    // A longer digest resolves the rare collision of two originals on one pseudonym.
    for (int chars = 6; chars <= 64; chars += 2) {
        std::string candidate = make(kind, normalized, chars);
        auto [it, inserted] =
            m_byPseudonym.try_emplace(candidate, MappingEntry{candidate, std::string(value), kind});
        if (inserted || normalizeValue(kind, it->second.original) == normalized) {
            m_byValue.emplace(std::move(lookup), candidate);
            return candidate;
        }
    }
    return "[REDACTED:collision]";
}

std::vector<MappingEntry> Pseudonymizer::mapping() const {
    std::lock_guard lock(m_mutex);
    std::vector<MappingEntry> out;
    out.reserve(m_byPseudonym.size());
    for (const auto& [_, entry] : m_byPseudonym) {
        out.push_back(entry);
    }
    std::sort(out.begin(), out.end(), [](const MappingEntry& a, const MappingEntry& b) {
        return a.pseudonym < b.pseudonym;
    });
    return out;
}

namespace {

// "<prefix><6 to 64 lower-case hex digits>" exactly: a real name like "node-2" or "user-support"
// must not pass for a pseudonym.
bool isPrefixedDigest(std::string_view t, std::string_view prefix) {
    if (t.substr(0, prefix.size()) != prefix) {
        return false;
    }
    const std::string_view hex = t.substr(prefix.size());
    return hex.size() >= 6 && hex.size() <= 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

} // namespace

bool Pseudonymizer::looksLikePseudonym(std::string_view t) {
    if (t.substr(0, 9) == "[REDACTED") {
        return true;
    }
    for (std::string_view suffix :
         {std::string_view(".example.invalid"), std::string_view("@example.invalid")}) {
        if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) {
            const std::string_view head = t.substr(0, t.size() - suffix.size());
            return isPrefixedDigest(head, "host-") || isPrefixedDigest(head, "user-");
        }
    }
    for (std::string_view prefix : {"user-", "Person-", "dn-", "node-", "text-", "term-"}) {
        if (isPrefixedDigest(t, prefix)) {
            return true;
        }
    }
    return false;
}

} // namespace supportzip::core::scrub
