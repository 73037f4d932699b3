// SPDX-License-Identifier: GPL-3.0-or-later
// Pattern detector: shapes that are customer data wherever they appear: e-mail addresses (also
// %40-encoded), IPv4/IPv6 (validated), MAC addresses, fully qualified host names, URL user info,
// LDAP distinguished names and token shapes (JWT, GitHub/GitLab/Slack/AWS/Atlassian tokens,
// long base64 blobs). It never touches Java class or package names, stack frames, versions,
// loopback/unspecified addresses or public product domains.
#pragma once

#include "scrub/span.h"

#include <string_view>

namespace supportzip::core::scrub {

// learningOnly: the learning pass, which only needs the detectors that learn values.
void detectPatterns(std::string_view line, std::string_view lower, SpanSink& sink,
                    bool learningOnly = false);

// Exposed for tests and for the host learning of other detectors.
bool isPublicProductDomain(std::string_view lowerHost);
bool looksLikeHostName(std::string_view lowerHost);

} // namespace supportzip::core::scrub
