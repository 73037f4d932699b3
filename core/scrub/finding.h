// SPDX-License-Identifier: GPL-3.0-or-later
// One replacement made (or, in preview, to be made) by the scrubber.
#pragma once

#include "scrub/category.h"

#include <cstdint>
#include <functional>

namespace supportzip::core::scrub {

struct Finding {
    std::int64_t line = 0;    // 1-based line number in the input
    std::uint32_t column = 0; // 0-based byte offset of the value in its line
    std::uint32_t length = 0; // bytes of the original value
    Category category = Category::Secret;
    ValueKind kind = ValueKind::Secret;
    Action action = Action::Redact;
    const char* rule = ""; // static rule id
};

// Called for every finding, on the scrubbing thread. Never receives the value itself: the
// preview reads it from the original file through line/column when the admin looks.
using FindingCallback = std::function<void(const Finding&)>;

} // namespace supportzip::core::scrub
