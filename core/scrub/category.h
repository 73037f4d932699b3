// SPDX-License-Identifier: GPL-3.0-or-later
// What a finding is (category), what is done with it (action) and what shape its replacement
// takes (value kind). See shared/DESIGN.md §4.
#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <string_view>

namespace supportzip::core::scrub {

enum class Category : std::uint8_t { Secret, Person, Network, Custom, Keys, Content };
inline constexpr std::size_t kCategoryCount = 6;

enum class Action : std::uint8_t { Redact, Pseudonymize, Keep };

// The shape of a value decides the shape of its pseudonym (an email stays an email).
enum class ValueKind : std::uint8_t {
    Secret, // redacted, never pseudonymized
    User,   // login name or user key
    Email,
    PersonName, // display name
    Dn,         // one attribute value of an LDAP distinguished name
    Host,       // host or domain name
    Ipv4,
    Ipv6,
    Mac,
    Node,       // cluster node id
    ProjectKey, // also space keys
    IssueKey,
    Text, // free user content: titles, subjects, search terms
    Term, // an admin's custom term
};

Category defaultCategory(ValueKind kind);
std::string_view categoryName(Category category);
std::string_view valueKindName(ValueKind kind);
std::string_view actionName(Action action);
bool parseCategory(std::string_view name, Category* out);
bool parseAction(std::string_view name, Action* out);

using CategoryCounts = std::array<std::int64_t, kCategoryCount>;

} // namespace supportzip::core::scrub
