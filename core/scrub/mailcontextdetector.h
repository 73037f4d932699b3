// SPDX-License-Identifier: GPL-3.0-or-later
// Mail in logs and thread names: FromName, Subject and To fields, mail handler subjects, and the
// display name before an "<address>" (quoted or as capitalized words).
#pragma once

#include "scrub/span.h"

#include <string_view>

namespace supportzip::core::scrub {

void detectMailContext(std::string_view line, std::string_view lower, SpanSink& sink);

} // namespace supportzip::core::scrub
