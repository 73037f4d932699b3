// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/keyvaluedetector.h"
#include "scrub/substringsearch.h"

#include "scrub/charclass.h"

#include <array>

namespace supportzip::core::scrub {
namespace {

using namespace chars;

struct SecretWord {
    std::string_view word;
    const char* label;
};

// Substrings of key names whose values are secrets, with the label shown in [REDACTED:label].
constexpr std::array kSecretWords = {
    SecretWord{"password", "password"},
    SecretWord{"passwd", "password"},
    SecretWord{"passphrase", "password"},
    SecretWord{"keypass", "password"},
    SecretWord{"storepass", "password"},
    SecretWord{"secret", "secret"},
    SecretWord{"token", "token"},
    SecretWord{"credential", "credential"},
    SecretWord{"apikey", "token"},
    SecretWord{"api_key", "token"},
    SecretWord{"api-key", "token"},
    SecretWord{"accesskey", "token"},
    SecretWord{"access_key", "token"},
    SecretWord{"private.key", "private-key"},
    SecretWord{"privatekey", "private-key"},
    SecretWord{"private_key", "private-key"},
    SecretWord{"license", "license"},
    SecretWord{"licence", "license"},
    SecretWord{"jsessionid", "session"},
    SecretWord{"sessionid", "session"},
    SecretWord{"rememberme", "session"},
    SecretWord{"xsrf", "session"},
    SecretWord{"authorization", "authorization"},
    SecretWord{"signature", "signature"},
    SecretWord{"securitycredential", "password"},
    SecretWord{"credentials", "credential"},
    SecretWord{"server.id", "server-id"},
    SecretWord{"server-id", "server-id"},
    SecretWord{"serverid", "server-id"},
};

// Names that contain a secret word but whose value is a setting, not the secret itself.
constexpr std::array<std::string_view, 14> kNotSecretSuffixes = {
    ".enabled", "enabled", "classname", ".class",  "file", "path",   "dir",
    "length",   "policy",  "timeout",   "pattern", "type", "expiry", "provider"};

constexpr std::array<std::string_view, 12> kUserSuffixes = {
    "username",  "user.name",         "user",           "userid",    "user_id",     "login",
    "principal", "securityprincipal", "connectionname", "proxyuser", "os_username", "userdn"};
constexpr std::array<std::string_view, 7> kHostSuffixes = {
    "host", "hostname", "proxyname", "proxyhost", "servername", "server.name", "bindaddress"};
constexpr std::array<std::string_view, 5> kPersonNameSuffixes = {
    "displayname", "display_name", "fullname", "full_name", "realname"};
// Free text that names the organisation or carries what admins typed (announcement banner).
constexpr std::array<std::string_view, 6> kTextSuffixes = {
    "organisation", "organization", "alertheader", "announcement", "company", "banner"};
constexpr std::array<std::string_view, 4> kNodeSuffixes = {"node.id", "node.name", "nodeid",
                                                           "nodename"};

bool endsWithAny(std::string_view name, auto const& list) {
    for (std::string_view s : list) {
        if (endsWith(name, s)) {
            return true;
        }
    }
    return false;
}

bool isPlaceholderValue(std::string_view v) {
    return v.empty() || v == "true" || v == "false" || v == "null" || v == "none" || v == "-" ||
           v == "\"\"" || v == "changeme" || v == "********" || v.substr(0, 9) == "[REDACTED" ||
           chars::find(v, "Sanitized by Support Utility") != std::string_view::npos;
}

bool isValueDelimiter(char c) {
    return isSpace(c) || c == '&' || c == ';' || c == ',' || c == '"' || c == '\'' || c == '<' ||
           c == '>' || c == ')' || c == ']' || c == '}' || c == '|';
}

struct ValueRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool open = false; // an XML element value that does not close on this line
};

bool startsLine(std::string_view line, std::size_t pos) {
    std::size_t first = 0;
    while (first < line.size() && isSpace(line[first])) {
        ++first;
    }
    return first == pos;
}

// Finds the value that follows a key name ending at `pos`; returns false if none. A secret of a
// key that starts its line (properties, ini) runs to the end of the line: such values may hold
// blanks and punctuation ("my pass phrase", "Tr0ub4dor&3").
bool findValue(std::string_view line, std::size_t nameBegin, std::size_t pos, bool secret,
               ValueRange* out) {
    const std::size_t n = line.size();
    if (pos < n && (line[pos] == '"' || line[pos] == '\'')) {
        ++pos; // closing quote of a JSON member name or an XML name="..." attribute
    }
    std::size_t p = pos;
    while (p < n && isSpace(line[p])) {
        ++p;
    }
    if (startsWith(line, p, "value=")) { // <Parameter name="password" value="..."/>
        p += 5;
    }
    bool elementValue = false;
    if (p < n && (line[p] == '=' || line[p] == ':')) {
        ++p;
        if (p < n && line[p] == '>') {
            ++p;
        }
    } else if (p < n && line[p] == '>' && nameBegin > 0 &&
               (line[nameBegin - 1] == '<' || line[nameBegin - 1] == '"' ||
                line[nameBegin - 1] == '\'')) {
        elementValue = true; // <password>v</password>, <property name="x.password">v</property>
        ++p;
    } else if (p > pos && p < n) {
        // "application.password   secret": whitespace separator, only at the start of a line
        if (!startsLine(line, nameBegin)) {
            return false;
        }
    } else {
        return false;
    }
    if (elementValue) {
        const std::size_t close = line.find('<', p);
        out->begin = p;
        out->end = close == std::string_view::npos ? n : close;
        out->open = close == std::string_view::npos;
        return true;
    }
    while (p < n && isSpace(line[p])) {
        ++p;
    }
    if (p < n && (line[p] == '"' || line[p] == '\'')) {
        const char q = line[p++];
        std::size_t e = p;
        while (e < n && line[e] != q) {
            e += (line[e] == '\\' && e + 1 < n) ? 2 : 1;
        }
        out->begin = p;
        out->end = std::min(e, n);
        return true;
    }
    std::size_t e = p;
    if (secret && startsLine(line, nameBegin)) {
        e = n;
    }
    while (e < n && !isValueDelimiter(line[e])) {
        ++e;
    }
    out->begin = p;
    out->end = e;
    return true;
}

// An Authorization value keeps its scheme ("Basic", "Bearer") so support sees which was used.
std::size_t skipAuthScheme(std::string_view line, std::size_t begin, std::size_t end) {
    for (std::string_view scheme :
         {"Basic ", "Bearer ", "Digest ", "Negotiate ", "NTLM ", "token ", "basic ", "bearer "}) {
        if (startsWith(line, begin, scheme) && begin + scheme.size() < end) {
            return begin + scheme.size();
        }
    }
    return begin;
}

std::size_t valueEndForHeader(std::string_view line, std::size_t begin) {
    std::size_t e = begin;
    while (e < line.size() && line[e] != '"' && line[e] != '\'' && line[e] != '<') {
        ++e;
    }
    return e;
}

// Cookie and Set-Cookie headers: every cookie value is a session secret.
void redactCookieValues(std::string_view line, std::size_t begin, std::size_t end, SpanSink& sink) {
    std::size_t p = begin;
    while (p < end) {
        const std::size_t eq = line.find('=', p);
        if (eq == std::string_view::npos || eq >= end) {
            return;
        }
        std::size_t e = eq + 1;
        while (e < end && line[e] != ';' && !isSpace(line[e])) {
            ++e;
        }
        sink.add(eq + 1, e, ValueKind::Secret, Certainty::Structure, "kv.cookie", "cookie");
        p = e + 1;
        while (p < end && (isSpace(line[p]) || line[p] == ';')) {
            ++p;
        }
    }
}

// A host value worth replacing: a name, not localhost, a wildcard or a numeric address.
bool isNamedHost(std::string_view v) {
    if (v == "localhost" || v == "*" || chars::find(v, "localhost.") == 0) {
        return false;
    }
    bool letter = false;
    for (char c : v) {
        if (!isKeyChar(c)) {
            return false;
        }
        letter = letter || isAlpha(c);
    }
    return letter && v.find(':') == std::string_view::npos;
}

void handleKey(std::string_view line, std::string_view lower, std::size_t nameBegin,
               std::size_t nameEnd, SpanSink& sink, KeyValueState& state) {
    std::string_view name = lower.substr(nameBegin, nameEnd - nameBegin);
    if (name.substr(0, 2) == "-d") {
        name.remove_prefix(2);
    }
    ValueKind kind;
    const char* label = "";
    if (!classifyKeyName(name, &kind, &label)) {
        return;
    }
    ValueRange v;
    if (!findValue(line, nameBegin, nameEnd, kind == ValueKind::Secret, &v)) {
        return;
    }
    if (name == "cookie" || name == "set-cookie") {
        redactCookieValues(line, v.begin, valueEndForHeader(line, v.begin), sink);
        return;
    }
    if (name == "authorization" || name == "proxy-authorization") {
        v.end = valueEndForHeader(line, v.begin);
        v.begin = skipAuthScheme(line, v.begin, v.end);
    }
    // Trim surrounding blanks: the span is the value itself.
    while (v.begin < v.end && isSpace(line[v.begin])) {
        ++v.begin;
    }
    while (v.end > v.begin && isSpace(line[v.end - 1])) {
        --v.end;
    }
    const std::string_view value = line.substr(v.begin, v.end - v.begin);
    if (kind == ValueKind::Secret) {
        if (v.open) {
            state.inMultilineSecret = true;
        }
        if (!isPlaceholderValue(value)) {
            sink.add(v.begin, v.end, kind, Certainty::Structure, "kv.secret", label);
        }
        return;
    }
    if (isPlaceholderValue(value) || chars::find(value, "://") != std::string_view::npos ||
        value.find('$') != std::string_view::npos) {
        return; // URLs and ${placeholders} are left to the URL and pattern detectors
    }
    if (kind == ValueKind::Host && !isNamedHost(value)) {
        return; // localhost, wildcards and addresses: kept, or left to the address patterns
    }
    sink.add(v.begin, v.end, kind, Certainty::Structure, "kv.identity");
    sink.learn(kind, value);
}

// Cheap test before classification: the token is followed by a separator (or, for the
// whitespace-separated properties form, starts the line).
bool looksLikeKey(std::string_view lower, std::size_t begin, std::size_t end) {
    const char next = lower[end];
    if (next == '=' || next == ':' || next == '"' || next == '\'' || next == '>') {
        return true;
    }
    if (!isSpace(next)) {
        return false;
    }
    std::size_t p = end;
    while (p < lower.size() && isSpace(lower[p])) {
        ++p;
    }
    if (p < lower.size() && (lower[p] == '=' || lower[p] == ':')) {
        return true;
    }
    std::size_t first = 0;
    while (first < begin && isSpace(lower[first])) {
        ++first;
    }
    if (first != begin) {
        return false;
    }
    // "key value" at the start of a line is the blank-separated properties form; a plain word
    // there is more often prose ("login by jnovak failed"), so it counts only for a dotted
    // property name or a secret word (redacting some prose beats leaking a password).
    const std::string_view key = lower.substr(begin, end - begin);
    if (key.find_first_of("._-") != std::string_view::npos) {
        return true;
    }
    ValueKind kind = ValueKind::Secret;
    const char* label = "";
    return classifyKeyName(key, &kind, &label) && kind == ValueKind::Secret;
}

} // namespace

bool classifyKeyName(std::string_view name, ValueKind* kind, const char** label) {
    if (name == "cookie" || name == "set-cookie") {
        *kind = ValueKind::Secret;
        *label = "cookie";
        return true;
    }
    if (!endsWithAny(name, kNotSecretSuffixes)) {
        for (const SecretWord& w : kSecretWords) {
            if (chars::contains(name, w.word)) {
                *kind = ValueKind::Secret;
                *label = w.label;
                return true;
            }
        }
    }
    if (endsWithAny(name, kPersonNameSuffixes)) {
        *kind = ValueKind::PersonName;
        return true;
    }
    if (endsWithAny(name, kTextSuffixes)) {
        *kind = ValueKind::Text;
        return true;
    }
    if (endsWithAny(name, kNodeSuffixes)) {
        *kind = ValueKind::Node;
        return true;
    }
    if (endsWithAny(name, kUserSuffixes)) {
        *kind = ValueKind::User;
        return true;
    }
    if (endsWithAny(name, kHostSuffixes)) {
        *kind = ValueKind::Host;
        return true;
    }
    return false;
}

namespace {

// The string value of a JSON member "member": "..." found at or after from; false if none.
bool jsonStringMember(std::string_view line, std::string_view lower, std::string_view member,
                      std::size_t from, std::size_t* begin, std::size_t* end) {
    const std::size_t at = chars::find(lower, member, from);
    if (at == std::string_view::npos) {
        return false;
    }
    std::size_t p = at + member.size();
    while (p < line.size() && isSpace(line[p])) {
        ++p;
    }
    if (p >= line.size() || line[p] != ':') {
        return false;
    }
    ++p;
    while (p < line.size() && isSpace(line[p])) {
        ++p;
    }
    if (p >= line.size() || line[p] != '"') {
        return false;
    }
    std::size_t e = ++p;
    while (e < line.size() && line[e] != '"') {
        e += (line[e] == '\\' && e + 1 < line.size()) ? 2 : 1;
    }
    *begin = p;
    *end = std::min(e, line.size());
    return true;
}

// HAR-style {"name": X, "value": V}: the name says what the value is.
void detectNameValuePairs(std::string_view line, std::string_view lower, SpanSink& sink,
                          KeyValueState& state) {
    std::size_t nb = 0, ne = 0, vb = 0, ve = 0;
    if (jsonStringMember(line, lower, "\"name\"", 0, &nb, &ne)) {
        ValueKind kind;
        const char* label = "";
        std::string name(lower.substr(nb, ne - nb));
        state.pendingValue = classifyKeyName(name, &kind, &label);
        state.pendingKind = kind;
        state.pendingLabel = label;
    }
    if (!state.pendingValue || !jsonStringMember(line, lower, "\"value\"", 0, &vb, &ve)) {
        if (line.find('}') != std::string_view::npos) {
            state.pendingValue = false; // the object closed without a value
        }
        return;
    }
    state.pendingValue = false;
    if (ve <= vb) {
        return;
    }
    if (state.pendingKind == ValueKind::Secret) {
        sink.add(vb, ve, ValueKind::Secret, Certainty::Structure, "kv.name-value",
                 state.pendingLabel);
    } else {
        sink.add(vb, ve, state.pendingKind, Certainty::Structure, "kv.name-value");
        sink.learn(state.pendingKind, line.substr(vb, ve - vb));
    }
}

} // namespace

void detectKeyValues(std::string_view line, std::string_view lower, SpanSink& sink,
                     KeyValueState& state) {
    if (state.pendingValue || lower.find("\"name\"") != std::string_view::npos) {
        detectNameValuePairs(line, lower, sink, state);
    }
    std::size_t start = 0;
    if (state.inMultilineSecret) {
        // Continuation of a wrapped XML value: everything up to its closing tag is secret.
        const std::size_t close = line.find('<');
        const std::size_t end = close == std::string_view::npos ? line.size() : close;
        sink.add(0, end, ValueKind::Secret, Certainty::Structure, "kv.multiline", "license");
        if (close == std::string_view::npos) {
            return;
        }
        state.inMultilineSecret = false;
        start = close;
    }
    // Visit every key-name token once; a token is a run of key characters that contains a
    // letter and is followed by a separator. Classification decides the rest.
    const std::size_t n = lower.size();
    std::size_t i = start;
    while (i < n) {
        if (!isKeyChar(lower[i]) ||
            !isAlpha(lower[i] == '-' && i + 1 < n ? lower[i + 1] : lower[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < n && isKeyChar(lower[e])) {
            ++e;
        }
        if (e < n && e - i >= 3 && looksLikeKey(lower, i, e)) {
            handleKey(line, lower, i, e, sink, state);
        }
        i = e;
    }
}

} // namespace supportzip::core::scrub
