// SPDX-License-Identifier: GPL-3.0-or-later
// Byte classification helpers for the detectors, which work on UTF-8/Latin-1 bytes, not QString.
#pragma once

#include <cstddef>
#include <string_view>

namespace supportzip::core::scrub::chars {

constexpr bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
constexpr bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
constexpr bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
constexpr bool isAlpha(char c) {
    return isLower(c) || isUpper(c);
}
constexpr bool isAlnum(char c) {
    return isAlpha(c) || isDigit(c);
}
constexpr bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}
// Characters that continue a word in the sense of "this match is part of something longer".
constexpr bool isWord(char c) {
    return isAlnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
// Characters of configuration key names: jira.node.id, -Dhttps.proxyPassword, os_password.
constexpr bool isKeyChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == '-';
}
constexpr char toLower(char c) {
    return isUpper(c) ? static_cast<char>(c + 32) : c;
}

// The first byte is compared inline: most candidates fail there, before any memcmp call.
inline bool startsWith(std::string_view s, std::size_t pos, std::string_view prefix) {
    return s.size() >= pos + prefix.size() && (prefix.empty() || s[pos] == prefix[0]) &&
           s.substr(pos, prefix.size()) == prefix;
}
inline bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True when the byte before pos ends a URL-encoded escape such as %3D or %20: "%3Djnovak" starts
// a word at 'j' although 'D' is alphanumeric.
inline bool afterPercentEscape(std::string_view s, std::size_t pos) {
    return pos >= 3 && s[pos - 3] == '%' && isHex(s[pos - 2]) && isHex(s[pos - 1]);
}
inline bool wordStartsAt(std::string_view s, std::size_t pos) {
    return pos == 0 || !isWord(s[pos - 1]) || afterPercentEscape(s, pos);
}
inline bool wordEndsAt(std::string_view s, std::size_t pos) {
    return pos >= s.size() || !isWord(s[pos]);
}

} // namespace supportzip::core::scrub::chars
