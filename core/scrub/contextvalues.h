// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers the context detectors share: where a quoted or free-text value ends, and adding
// a user or a text value as a span that is also learned (so it is replaced everywhere).
#pragma once

#include "scrub/span.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace supportzip::core::scrub::context {

template <std::size_t N>
inline bool inList(const std::array<std::string_view, N>& list, std::string_view v) {
    for (std::string_view s : list) {
        if (s == v) {
            return true;
        }
    }
    return false;
}

std::size_t quotedValueEnd(std::string_view line, std::size_t b, char q);
// The closing quote of a free-text value: a quote followed by a blank, punctuation or the end,
// so "Mairéad O'Connor shared ..." does not end at O'.
std::size_t textValueEnd(std::string_view line, std::size_t b, char q);
// A bare value ends at a blank, a closing bracket, a separator or a quote.
std::size_t bareValueEnd(std::string_view line, std::size_t b);
void addUser(std::string_view line, std::size_t b, std::size_t e, SpanSink& sink, const char* rule);
void addText(std::string_view line, std::size_t b, std::size_t e, SpanSink& sink, const char* rule);

} // namespace supportzip::core::scrub::context
