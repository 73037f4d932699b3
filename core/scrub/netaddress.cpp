// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/netaddress.h"

#include "scrub/charclass.h"

#include <string>

namespace supportzip::core::scrub {
namespace {

using namespace chars;

int firstOctet(std::string_view a) {
    int v = 0;
    for (char c : a) {
        if (c == '.') {
            break;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

bool parseIpv4(std::string_view s, std::size_t* length) {
    std::size_t p = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (p >= s.size() || s[p] != '.') {
                return false;
            }
            ++p;
        }
        const std::size_t start = p;
        int value = 0;
        while (p < s.size() && isDigit(s[p]) && p - start < 3) {
            value = value * 10 + (s[p] - '0');
            ++p;
        }
        const std::size_t digits = p - start;
        if (digits == 0 || value > 255 || (digits > 1 && s[start] == '0') ||
            (p < s.size() && isDigit(s[p]))) {
            return false;
        }
    }
    *length = p;
    return true;
}

bool parseIpv6(std::string_view s, std::size_t* length) {
    // Groups of 1-4 hex digits separated by ':', at most one '::', optional IPv4 tail.
    int groups = 0;
    bool compressed = false;
    std::size_t p = 0;
    if (s.substr(0, 2) == "::") {
        compressed = true;
        p = 2;
    }
    while (p < s.size()) {
        std::size_t v4len = 0;
        if (parseIpv4(s.substr(p), &v4len) && p + v4len == s.size() && (groups > 0 || compressed)) {
            groups += 2;
            p += v4len;
            break;
        }
        const std::size_t start = p;
        while (p < s.size() && isHex(s[p]) && p - start < 4) {
            ++p;
        }
        if (p == start || (p < s.size() && isHex(s[p]))) {
            return false;
        }
        ++groups;
        if (p == s.size()) {
            break;
        }
        if (s[p] != ':') {
            return false;
        }
        if (p + 1 < s.size() && s[p + 1] == ':') {
            if (compressed) {
                return false;
            }
            compressed = true;
            p += 2;
            if (p == s.size()) {
                break;
            }
        } else {
            ++p;
            if (p == s.size()) {
                return false;
            }
        }
    }
    if (groups > 8 || (!compressed && groups != 8) || (compressed && groups > 7)) {
        return false;
    }
    // Require a letter-free address to still contain '::' or 8 groups: "10:30:45" is a time.
    *length = p;
    return true;
}

bool isKeptIpv4(std::string_view a) {
    const int first = firstOctet(a);
    return first == 127 || first == 0 || first >= 255 || a.substr(0, 8) == "169.254." ||
           a.substr(0, 4) == "255." || first >= 224;
}

bool isKeptIpv6(std::string_view a) {
    std::string lower;
    for (char c : a) {
        lower.push_back(toLower(c));
    }
    return lower == "::1" || lower == "::" || lower.substr(0, 5) == "fe80:" ||
           lower.substr(0, 2) == "ff";
}

} // namespace supportzip::core::scrub
