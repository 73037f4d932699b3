// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/category.h"

namespace supportzip::core::scrub {

Category defaultCategory(ValueKind kind) {
    switch (kind) {
    case ValueKind::Secret:
        return Category::Secret;
    case ValueKind::User:
    case ValueKind::Email:
    case ValueKind::PersonName:
    case ValueKind::Dn:
        return Category::Person;
    case ValueKind::Host:
    case ValueKind::Ipv4:
    case ValueKind::Ipv6:
    case ValueKind::Mac:
    case ValueKind::Node:
        return Category::Network;
    case ValueKind::ProjectKey:
    case ValueKind::IssueKey:
        return Category::Keys;
    case ValueKind::Text:
        return Category::Content;
    case ValueKind::Term:
        return Category::Custom;
    }
    return Category::Secret;
}

std::string_view categoryName(Category category) {
    static constexpr std::array<std::string_view, kCategoryCount> names = {
        "secret", "person", "network", "custom", "keys", "content"};
    return names[static_cast<std::size_t>(category)];
}

std::string_view valueKindName(ValueKind kind) {
    switch (kind) {
    case ValueKind::Secret:
        return "secret";
    case ValueKind::User:
        return "user";
    case ValueKind::Email:
        return "email";
    case ValueKind::PersonName:
        return "name";
    case ValueKind::Dn:
        return "dn";
    case ValueKind::Host:
        return "host";
    case ValueKind::Ipv4:
        return "ipv4";
    case ValueKind::Ipv6:
        return "ipv6";
    case ValueKind::Mac:
        return "mac";
    case ValueKind::Node:
        return "node";
    case ValueKind::ProjectKey:
        return "project-key";
    case ValueKind::IssueKey:
        return "issue-key";
    case ValueKind::Text:
        return "text";
    case ValueKind::Term:
        return "term";
    }
    return "secret";
}

std::string_view actionName(Action action) {
    switch (action) {
    case Action::Redact:
        return "redact";
    case Action::Pseudonymize:
        return "pseudonymize";
    case Action::Keep:
        return "keep";
    }
    return "redact";
}

bool parseCategory(std::string_view name, Category* out) {
    for (std::size_t i = 0; i < kCategoryCount; ++i) {
        if (categoryName(static_cast<Category>(i)) == name) {
            *out = static_cast<Category>(i);
            return true;
        }
    }
    return false;
}

bool parseAction(std::string_view name, Action* out) {
    for (Action a : {Action::Redact, Action::Pseudonymize, Action::Keep}) {
        if (actionName(a) == name) {
            *out = a;
            return true;
        }
    }
    return false;
}

} // namespace supportzip::core::scrub
