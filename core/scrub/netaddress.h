// SPDX-License-Identifier: GPL-3.0-or-later
// Strict IPv4/IPv6 parsing on bytes, and the addresses that are never customer data.
#pragma once

#include <cstddef>
#include <string_view>

namespace supportzip::core::scrub {

// Parses a dotted-quad IPv4 address at the start of s (each octet 0-255, no leading zeros
// beyond one digit); on success *length is the number of bytes consumed.
bool parseIpv4(std::string_view s, std::size_t* length);
// Validates that s is exactly one IPv6 address (with optional embedded IPv4 tail).
bool parseIpv6(std::string_view s, std::size_t* length);

// Loopback, unspecified, link-local, broadcast and netmask-like addresses stay as they are.
bool isKeptIpv4(std::string_view address);
bool isKeptIpv6(std::string_view address);

} // namespace supportzip::core::scrub
