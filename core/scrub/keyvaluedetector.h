// SPDX-License-Identifier: GPL-3.0-or-later
// Structure-aware detector: a key names what its value is. Covers properties and ini lines, XML
// elements and attributes (<password>, keystorePass="", <property name="...password">), JSON
// members, JVM -Dname=value arguments, URL query parameters and HTTP headers.
#pragma once

#include "scrub/span.h"

#include <string_view>

namespace supportzip::core::scrub {

struct KeyValueState {
    // Set when an XML value of a secret key continues on the next lines (a wrapped license).
    bool inMultilineSecret = false;
    // {"name": "Authorization", "value": "..."} pairs (HAR headers, cookies, query strings;
    // audit extraAttributes): the name classified, waiting for its value, perhaps lines later.
    bool pendingValue = false;
    ValueKind pendingKind = ValueKind::Secret;
    const char* pendingLabel = "";

    bool operator==(const KeyValueState&) const = default;
};

// `lower` is `line` in ASCII lower case (same length).
void detectKeyValues(std::string_view line, std::string_view lower, SpanSink& sink,
                     KeyValueState& state);

// Classifies a configuration key name (lower case). Returns false for names that carry nothing
// sensitive. Exposed for tests and for the catalina.out JVM argument rules.
bool classifyKeyName(std::string_view lowerName, ValueKind* kind, const char** label);

} // namespace supportzip::core::scrub
