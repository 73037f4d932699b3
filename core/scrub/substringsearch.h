// SPDX-License-Identifier: GPL-3.0-or-later
// Substring search for the detectors' fixed markers ("/browse/", "user '", "JIRAUSER"...). A
// line is searched for dozens of them; std::string_view::find stops at every occurrence of the
// marker's first byte ('/', 'u', ' ') and compares from there, which made it the scrubber's
// largest cost. This one tests the first and the last byte of the marker 16 positions at a time
// (SSE2, every x86-64 has it) and compares only where both match.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace supportzip::core::scrub::chars {

// Same result as hay.find(needle, from).
inline std::size_t find(std::string_view hay, std::string_view needle, std::size_t from = 0) {
    const std::size_t n = needle.size();
    if (from > hay.size() || n > hay.size() - from) {
        return std::string_view::npos;
    }
    if (n <= 1) {
        return n == 0 ? from : hay.find(needle[0], from);
    }
    const char* const base = hay.data();
    const char first = needle[0];
    const char last = needle[n - 1];
    std::size_t i = from;
    const std::size_t end = hay.size() - n + 1; // candidates are [from, end)
#if defined(__SSE2__)
    const __m128i vFirst = _mm_set1_epi8(first);
    const __m128i vLast = _mm_set1_epi8(last);
    for (; i + 16 <= end; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i + n - 1));
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, vFirst), _mm_cmpeq_epi8(b, vLast))));
        while (mask != 0) {
            const auto bit = static_cast<std::size_t>(__builtin_ctz(mask));
            if (std::memcmp(base + i + bit + 1, needle.data() + 1, n - 2) == 0) {
                return i + bit;
            }
            mask &= mask - 1;
        }
    }
#endif
    for (; i < end; ++i) {
        if (base[i] == first && base[i + n - 1] == last &&
            std::memcmp(base + i + 1, needle.data() + 1, n - 2) == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

inline bool contains(std::string_view hay, std::string_view needle) {
    return find(hay, needle) != std::string_view::npos;
}

} // namespace supportzip::core::scrub::chars
