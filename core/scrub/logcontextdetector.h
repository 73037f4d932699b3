// SPDX-License-Identifier: GPL-3.0-or-later
// Context-aware detector for the fields whose position Atlassian log formats fix: the user
// column next to a request id (application, security and access logs), quoted users in security
// messages, mail header fields (also inside thread names), JQL/CQL values, content keys and page
// titles in URL paths, Jira user keys and user names in home-folder paths.
#pragma once

#include "scrub/span.h"

#include <string_view>

namespace supportzip::core::scrub {

void detectLogContext(std::string_view line, std::string_view lower, SpanSink& sink);

// True for words that must never be learned as a user or key and replaced everywhere
// ("jira", "admin", "UTF", "HTTP"...): replacing them would damage diagnostics.
bool isGenericValue(ValueKind kind, std::string_view value);

} // namespace supportzip::core::scrub
