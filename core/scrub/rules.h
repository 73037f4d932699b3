// SPDX-License-Identifier: GPL-3.0-or-later
// What the admin decided: an action per category, custom terms, an allow-list. The built-in
// rule set (names, versions, defaults) lives in resources/rules/default-rules.json.
#pragma once

#include "common/error.h"
#include "scrub/category.h"

#include <QString>
#include <QStringList>

#include <array>
#include <string>
#include <vector>

namespace supportzip::core::scrub {

struct RuleInfo {
    QString id;
    QString category;
    QString description;
};

struct ScrubRules {
    std::array<Action, kCategoryCount> actions = {Action::Redact,       Action::Pseudonymize,
                                                  Action::Pseudonymize, Action::Pseudonymize,
                                                  Action::Pseudonymize, Action::Pseudonymize};
    QStringList customTerms; // literal, case-insensitive; customer data themselves, never bundled
    QStringList keep;        // values never touched (case-insensitive)
    QString version;         // version of the built-in rule set
    std::vector<RuleInfo> builtIn;

    Action actionFor(Category c) const { return actions[static_cast<std::size_t>(c)]; }
    bool isKept(std::string_view value) const;
};

// Built-in rules from the resource file.
Expected<ScrubRules> loadDefaultRules();
// Applies a rules file (JSON: {"actions":{"person":"redact"},"terms":[...],"keep":[...]}) on top.
Expected<ScrubRules> applyRulesFile(ScrubRules rules, const QString& path);

} // namespace supportzip::core::scrub
