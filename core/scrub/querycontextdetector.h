// SPDX-License-Identifier: GPL-3.0-or-later
// JQL and CQL in logs and URLs: the values of user fields, text searches and project/space keys,
// plain or URL-encoded (assignee = jnovak, text ~ "invoice", project in (OPS, HR)).
#pragma once

#include "scrub/span.h"

#include <string_view>

namespace supportzip::core::scrub {

void detectQueryClauses(std::string_view line, std::string_view lower, SpanSink& sink);

} // namespace supportzip::core::scrub
