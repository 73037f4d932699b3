// SPDX-License-Identifier: GPL-3.0-or-later
// What the admin decided: an action per category, custom terms, an allow-list. The built-in
// rule set (names, versions, defaults) lives in resources/rules/default-rules.json.
#pragma once

#include "common/error.h"
#include "scrub/category.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace supportzip::core::scrub {

class RegexTerms;

struct RuleInfo {
    QString id;
    QString category;
    QString description;
};

struct ScrubRules {
    std::array<Action, kCategoryCount> actions = {Action::Redact,       Action::Pseudonymize,
                                                  Action::Pseudonymize, Action::Pseudonymize,
                                                  Action::Pseudonymize, Action::Pseudonymize};
    QStringList customTerms;  // literal, case-insensitive; customer data themselves, never bundled
    QStringList termPatterns; // regular expressions, case-insensitive; never bundled either
    // termPatterns compiled (compileTermPatterns); null when there are none.
    std::shared_ptr<const RegexTerms> regexTerms;
    QStringList keep; // values never touched (case-insensitive)
    QString version;  // version of the built-in rule set
    std::vector<RuleInfo> builtIn;

    Action actionFor(Category c) const { return actions[static_cast<std::size_t>(c)]; }
    bool isKept(std::string_view value) const;
};

// Built-in rules from the resource file.
Expected<ScrubRules> loadDefaultRules();
// Applies a rules file on top: YAML (docs/rules.md), or JSON when the name ends in .json:
//   actions: {person: redact, network: keep}
//   terms: [Northwind, {regex: "PRJ-[0-9]{4}"}]
//   keep: [10.0.0.1]
// Errors: NotFound, MalformedInput (with line and column), InvalidArgument (unknown category,
// action or key, or an invalid pattern).
Expected<ScrubRules> applyRulesFile(ScrubRules rules, const QString& path);
// Compiles rules.termPatterns into rules.regexTerms. Errors: InvalidArgument naming the pattern.
Expected<void> compileTermPatterns(ScrubRules& rules);

} // namespace supportzip::core::scrub
