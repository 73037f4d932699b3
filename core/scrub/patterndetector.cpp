// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/patterndetector.h"
#include "scrub/substringsearch.h"

#include "scrub/charclass.h"
#include "scrub/netaddress.h"
#include "scrub/pseudonymizer.h"

#include <array>

namespace supportzip::core::scrub {
namespace {

using namespace chars;

// Top-level domains accepted for host names. Two-letter country codes that are also common
// file extensions (.sh, .so, .py, .pl, .md, .rs, .ps, .in, .id, .js) are left out on purpose:
// "setenv.sh" is a file, not a host. Internal pseudo-TLDs are in, they are the common case.
constexpr auto kTlds = std::to_array<std::string_view>(
    {"com",   "net",   "org",     "info",     "biz",     "edu",         "gov", "mil",    "int",
     "io",    "cloud", "online",  "internal", "local",   "localdomain", "lan", "corp",   "intranet",
     "intra", "priv",  "private", "test",     "example", "invalid",     "ad",  "office", "de",
     "at",    "ch",    "uk",      "fr",       "nl",      "be",          "es",  "se",     "no",
     "dk",    "fi",    "cz",      "pl",       "ie",      "pt",          "au",  "nz",     "ca",
     "us",    "jp",    "cn",      "ru",       "br",      "mx",          "za",  "sg",     "hk",
     "kr",    "tw",    "il",      "lu",       "eu",      "gmbh",        "ag",  "it",     "dev",
     "app",   "co",    "me",      "tech",     "ro",      "hu",          "gr",  "tr",     "ua",
     "sk",    "si",    "hr",      "bg",       "lt",      "lv",          "ee",  "ar",     "cl",
     "vn",    "th",    "ph",      "my",       "ae",      "sa",          "eg",  "ng",     "ke"});

// Reverse-DNS package roots: "com.atlassian.jira.internal" is a package, not a host.
constexpr std::array<std::string_view, 14> kPackageRoots = {
    "com", "org", "net", "java",    "javax",  "jdk",   "sun",
    "io",  "de",  "ch",  "jakarta", "kotlin", "scala", "groovy"};

constexpr std::array<std::string_view, 22> kPublicDomains = {
    "atlassian.com", "atlassian.net",       "apache.org",    "oracle.com",
    "java.com",      "openjdk.org",         "w3.org",        "github.com",
    "maven.org",     "google.com",          "microsoft.com", "mozilla.org",
    "sun.com",       "springframework.org", "eclipse.org",   "postgresql.org",
    "mysql.com",     "jetbrains.com",       "gnu.org",       "xmlsoap.org",
    "example.com",   "example.invalid"};

template <typename List> bool contains(const List& list, std::string_view v) {
    for (std::string_view s : list) {
        if (s == v) {
            return true;
        }
    }
    return false;
}

std::string_view lastLabel(std::string_view host) {
    const auto dot = host.rfind('.');
    return dot == std::string_view::npos ? host : host.substr(dot + 1);
}

bool isEmailLocalChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%' || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool isHostChar(char c) {
    return isAlnum(c) || c == '-' || c == '.';
}

// Extends [begin,end) over a host name that starts at begin; returns end.
std::size_t hostEnd(std::string_view s, std::size_t begin) {
    std::size_t e = begin;
    while (e < s.size() && isHostChar(s[e])) {
        ++e;
    }
    while (e > begin && (s[e - 1] == '.' || s[e - 1] == '-')) {
        --e;
    }
    return e;
}

void detectEmails(std::string_view line, std::string_view lower, SpanSink& sink) {
    std::size_t at = 0;
    while ((at = line.find('@', at)) != std::string_view::npos) {
        constexpr std::size_t atLen = 1;
        std::size_t b = at;
        while (b > 0 && isEmailLocalChar(line[b - 1])) {
            --b;
        }
        while (b < at && (line[b] == '.' || line[b] == '\'')) {
            ++b;
        }
        const std::size_t e = hostEnd(lower, at + atLen);
        const std::string_view domain = lower.substr(at + atLen, e - at - atLen);
        if (b < at && domain.find('.') != std::string_view::npos &&
            !Pseudonymizer::looksLikePseudonym(lower.substr(b, e - b)) &&
            isAlpha(lastLabel(domain).empty() ? '0' : lastLabel(domain)[0])) {
            sink.add(b, e, ValueKind::Email, Certainty::Pattern, "pattern.email");
            sink.learn(ValueKind::Email, line.substr(b, e - b));
        }
        at = e > at ? e : at + 1;
    }
}

// jana.novak%40northwind-logistics.example in query strings and JQL.
void detectEncodedEmails(std::string_view line, std::string_view lower, SpanSink& sink) {
    std::size_t at = 0;
    while ((at = chars::find(lower, "%40", at)) != std::string_view::npos) {
        std::size_t b = at;
        while (b > 0 && (isAlnum(line[b - 1]) || line[b - 1] == '.' || line[b - 1] == '_' ||
                         line[b - 1] == '-' || line[b - 1] == '+')) {
            --b;
        }
        // "%3Djnovak": the local part starts after an escape's two hex digits.
        for (std::size_t k = b; k + 3 <= at; ++k) {
            if (line[k] == '%' && k + 3 <= at) {
                b = k + 3;
            }
        }
        const std::size_t e = hostEnd(lower, at + 3);
        if (b < at && lower.substr(at + 3, e - at - 3).find('.') != std::string_view::npos) {
            sink.add(b, e, ValueKind::Email, Certainty::Pattern, "pattern.email-encoded");
        }
        at += 3;
    }
}

bool containsIgnoringCase(std::string_view text, std::string_view lowerNeedle) {
    for (std::size_t i = 0; i + lowerNeedle.size() <= text.size(); ++i) {
        std::size_t k = 0;
        while (k < lowerNeedle.size() && toLower(text[i + k]) == lowerNeedle[k]) {
            ++k;
        }
        if (k == lowerNeedle.size()) {
            return true;
        }
    }
    return false;
}

void detectIpv4(std::string_view line, SpanSink& sink) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!isDigit(line[i]) || (i > 0 && (isAlnum(line[i - 1]) || line[i - 1] == '.') &&
                                  !afterPercentEscape(line, i))) {
            continue;
        }
        std::size_t len = 0;
        if (!parseIpv4(line.substr(i), &len)) {
            while (i < line.size() && (isDigit(line[i]) || line[i] == '.')) {
                ++i;
            }
            continue;
        }
        const std::size_t e = i + len;
        // 1.2.3.4.5 is a version, not an address; so is "1.2.3.4-SNAPSHOT" when followed by a dot.
        if (e < line.size() &&
            (isAlnum(line[e]) || (line[e] == '.' && e + 1 < line.size() && isDigit(line[e + 1])))) {
            i = e;
            continue;
        }
        const std::string_view ip = line.substr(i, len);
        // "Server version number: 9.0.82.0" is a version that happens to parse as an address.
        const std::size_t from = i > 40 ? i - 40 : 0;
        if (!isKeptIpv4(ip) && !containsIgnoringCase(line.substr(from, i - from), "version")) {
            sink.add(i, e, ValueKind::Ipv4, Certainty::Pattern, "pattern.ipv4");
        }
        i = e;
    }
}

void detectIpv6(std::string_view line, SpanSink& sink) {
    std::size_t i = 0;
    while ((i = line.find(':', i)) != std::string_view::npos) {
        std::size_t b = i;
        while (b > 0 && (isHex(line[b - 1]) || line[b - 1] == ':' || line[b - 1] == '.')) {
            --b;
        }
        std::size_t e = i;
        while (e < line.size() && (isHex(line[e]) || line[e] == ':' || line[e] == '.')) {
            ++e;
        }
        if ((b > 0 && (isAlnum(line[b - 1]) || line[b - 1] == '_')) ||
            (e < line.size() && (isAlnum(line[e]) || line[e] == '_'))) {
            i = e + 1;
            continue;
        }
        std::size_t len = 0;
        while (e > b && line[e - 1] == '.') {
            --e;
        }
        if (parseIpv6(line.substr(b, e - b), &len) && len == e - b) {
            if (!isKeptIpv6(line.substr(b, len))) {
                sink.add(b, e, ValueKind::Ipv6, Certainty::Pattern, "pattern.ipv6");
            }
        }
        i = e + 1;
    }
}

void detectMacs(std::string_view line, SpanSink& sink) {
    for (std::size_t i = 0; i + 17 <= line.size(); ++i) {
        if (!isHex(line[i]) || (i > 0 && (isAlnum(line[i - 1]) || line[i - 1] == ':'))) {
            continue;
        }
        const char sep = line[i + 2];
        if (sep != ':' && sep != '-') {
            continue;
        }
        bool ok = true;
        for (int g = 0; g < 6 && ok; ++g) {
            const std::size_t p = i + static_cast<std::size_t>(g) * 3;
            ok = isHex(line[p]) && isHex(line[p + 1]) && (g == 5 || line[p + 2] == sep);
        }
        if (ok && (i + 17 == line.size() || !(isAlnum(line[i + 17]) || line[i + 17] == sep))) {
            sink.add(i, i + 17, ValueKind::Mac, Certainty::Pattern, "pattern.mac");
            i += 16;
        }
    }
}

void detectHosts(std::string_view line, std::string_view lower, SpanSink& sink) {
    std::size_t i = 0;
    const std::size_t n = lower.size();
    while (i < n) {
        if (!isAlnum(lower[i]) ||
            (i > 0 && (isHostChar(lower[i - 1]) || lower[i - 1] == '$' || lower[i - 1] == '_'))) {
            ++i;
            continue;
        }
        const std::size_t e = hostEnd(lower, i);
        const std::string_view host = lower.substr(i, e - i);
        // Followed by "(" it is a method call, by "$" an inner class, by "=" a key name.
        const bool codeLike =
            e < n && (lower[e] == '(' || lower[e] == '$' || lower[e] == '=' || lower[e] == '_');
        if (!codeLike && looksLikeHostName(host) && !isPublicProductDomain(host) &&
            !Pseudonymizer::looksLikePseudonym(host)) {
            sink.add(i, e, ValueKind::Host, Certainty::Pattern, "pattern.host");
            sink.learn(ValueKind::Host, line.substr(i, e - i));
        }
        i = e > i ? e : i + 1;
    }
}

// scheme://user:password@host: the user is a person, the password a secret.
void detectUrlUserInfo(std::string_view line, SpanSink& sink) {
    std::size_t i = 0;
    while ((i = chars::find(line, "://", i)) != std::string_view::npos) {
        const std::size_t b = i + 3;
        std::size_t e = b;
        while (e < line.size() && line[e] != '@' && line[e] != '/' && !isSpace(line[e]) &&
               line[e] != '"' && line[e] != '\'') {
            ++e;
        }
        if (e < line.size() && line[e] == '@') {
            const std::size_t colon = line.find(':', b);
            if (colon != std::string_view::npos && colon < e) {
                sink.add(b, colon, ValueKind::User, Certainty::Structure, "url.user");
                sink.learn(ValueKind::User, line.substr(b, colon - b));
                sink.add(colon + 1, e, ValueKind::Secret, Certainty::Structure, "url.password",
                         "password");
            } else {
                sink.add(b, e, ValueKind::User, Certainty::Structure, "url.user");
            }
        }
        i = b;
    }
}

bool isBase64Char(char c) {
    return isAlnum(c) || c == '+' || c == '/' || c == '=';
}
bool isTokenChar(char c) {
    return isAlnum(c) || c == '_' || c == '-';
}

std::size_t tokenEnd(std::string_view s, std::size_t b) {
    std::size_t e = b;
    while (e < s.size() && isTokenChar(s[e])) {
        ++e;
    }
    return e;
}

void detectPrefixedTokens(std::string_view line, SpanSink& sink) {
    struct Prefix {
        std::string_view text;
        std::size_t minLength;
        const char* label;
    };
    static constexpr std::array<Prefix, 10> prefixes = {
        Prefix{"ghp_", 20, "token"},        Prefix{"gho_", 20, "token"},
        Prefix{"github_pat_", 30, "token"}, Prefix{"glpat-", 20, "token"},
        Prefix{"xoxb-", 20, "token"},       Prefix{"xoxp-", 20, "token"},
        Prefix{"AKIA", 20, "cloud-key"},    Prefix{"ASIA", 20, "cloud-key"},
        Prefix{"ATATT", 30, "token"},       Prefix{"eyJ", 20, "jwt"}};
    // One pass: only word starts whose first byte begins some prefix are compared.
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if ((c != 'g' && c != 'x' && c != 'A' && c != 'e') || (i > 0 && isTokenChar(line[i - 1]))) {
            continue;
        }
        for (const Prefix& p : prefixes) {
            if (p.text[0] != c || !startsWith(line, i, p.text)) {
                continue;
            }
            std::size_t e = tokenEnd(line, i);
            // A JWT is three dot-separated parts.
            while (p.text == "eyJ" && e < line.size() && line[e] == '.') {
                e = tokenEnd(line, e + 1);
            }
            if (e - i >= p.minLength) {
                sink.add(i, e, ValueKind::Secret, Certainty::Pattern, "pattern.token", p.label);
                i = e;
            }
            break;
        }
    }
}

// Long base64 runs with mixed case and digits: personal access tokens, license lines, keys.
// Hex digests (one case only) and paths (mostly slashes) do not qualify.
void detectBase64Blobs(std::string_view line, SpanSink& sink) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        if (!isBase64Char(line[i]) || (i > 0 && (isTokenChar(line[i - 1]) || line[i - 1] == '.'))) {
            ++i;
            continue;
        }
        std::size_t e = i;
        int upper = 0, lowerCount = 0, digits = 0, slashes = 0;
        while (e < n && isBase64Char(line[e])) {
            const char c = line[e];
            upper += isUpper(c);
            lowerCount += isLower(c);
            digits += isDigit(c);
            slashes += c == '/';
            ++e;
        }
        const std::size_t len = e - i;
        const bool boundary = e == n || !(isTokenChar(line[e]) || line[e] == '.');
        if (boundary && len >= 40 && upper >= 4 && lowerCount >= 4 && digits >= 2 &&
            slashes * 8 < static_cast<int>(len) && line[i] != '/') {
            sink.add(i, e, ValueKind::Secret, Certainty::Pattern, "pattern.blob", "token");
        }
        i = e;
    }
}

// CN=Jana Novak,OU=Staff,DC=nwl,DC=internal: every attribute value is replaced, the attribute
// names and the structure stay so support can still read the directory layout.
void detectDistinguishedNames(std::string_view line, std::string_view lower, SpanSink& sink) {
    static constexpr std::array<std::string_view, 6> attrs = {
        "cn=", "ou=", "dc=", "uid=", "o=", "l="};
    std::size_t i = 0;
    const std::size_t n = lower.size();
    while (i < n) {
        bool matched = false;
        const char c = lower[i];
        if ((c != 'c' && c != 'o' && c != 'd' && c != 'u' && c != 'l') ||
            (i > 0 && isAlnum(lower[i - 1]))) {
            ++i;
            continue;
        }
        for (std::string_view a : attrs) {
            if (startsWith(lower, i, a)) {
                const std::size_t b = i + a.size();
                std::size_t e = b;
                while (e < n && line[e] != ',' && line[e] != ')' && line[e] != '"' &&
                       line[e] != '\'' && line[e] != '<' && line[e] != ';' && line[e] != '|') {
                    e += (line[e] == '\\' && e + 1 < n) ? 2 : 1;
                }
                // A DN needs a second component; "o=1" alone in a log is not a DN.
                const bool partOfDn = (e < n && line[e] == ',') || (i > 0 && lower[i - 1] == ',');
                std::size_t ve = e;
                while (ve > b && isSpace(line[ve - 1])) {
                    --ve;
                }
                if (partOfDn && ve > b) {
                    sink.add(b, ve, ValueKind::Dn, Certainty::Context, "dn.value");
                    sink.learn(ValueKind::Dn, line.substr(b, ve - b));
                }
                i = e;
                matched = true;
                break;
            }
        }
        if (!matched) {
            ++i;
        }
    }
}

} // namespace

bool isPublicProductDomain(std::string_view host) {
    for (std::string_view d : kPublicDomains) {
        if (host == d) {
            return true;
        }
        // Subdomains of public domains are public, except customer sites on atlassian.net.
        if (endsWith(host, d) && host.size() > d.size() &&
            host[host.size() - d.size() - 1] == '.') {
            return d != "atlassian.net";
        }
    }
    return false;
}

bool looksLikeHostName(std::string_view host) {
    const auto firstDot = host.find('.');
    if (firstDot == std::string_view::npos || host.size() > 253) {
        return false;
    }
    const std::string_view tld = lastLabel(host);
    if (!contains(kTlds, tld)) {
        return false;
    }
    const std::string_view first = host.substr(0, firstDot);
    // Abbreviated logger names ("c.a.jira.web") start with one-letter labels.
    if (contains(kPackageRoots, first) || first.size() == 1) {
        return false;
    }
    // Every label must start with a letter or digit and the TLD must be letters only.
    std::size_t start = 0;
    while (start < host.size()) {
        const auto dot = host.find('.', start);
        const std::size_t end = dot == std::string_view::npos ? host.size() : dot;
        if (end == start || !isAlnum(host[start])) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

void detectPatterns(std::string_view line, std::string_view lower, SpanSink& sink,
                    bool learningOnly) {
    if (line.find('@') != std::string_view::npos) {
        detectEmails(line, lower, sink);
    }
    if (chars::find(lower, "%40") != std::string_view::npos) {
        detectEncodedEmails(line, lower, sink);
    }
    if (chars::find(line, "://") != std::string_view::npos) {
        detectUrlUserInfo(line, sink);
    }
    detectHosts(line, lower, sink);
    if (!learningOnly) { // these shapes are replaced where they are found, never learned
        detectIpv4(line, sink);
        if (line.find(':') != std::string_view::npos) {
            detectIpv6(line, sink);
            detectMacs(line, sink);
        } else if (line.find('-') != std::string_view::npos) {
            detectMacs(line, sink);
        }
        detectPrefixedTokens(line, sink);
        detectBase64Blobs(line, sink);
    }
    if (line.find('=') != std::string_view::npos) {
        detectDistinguishedNames(line, lower, sink);
    }
}

} // namespace supportzip::core::scrub
