// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/logcontextdetector.h"
#include "scrub/substringsearch.h"

#include "scrub/charclass.h"
#include "scrub/contextvalues.h"
#include "scrub/mailcontextdetector.h"
#include "scrub/querycontextdetector.h"

#include <array>
#include <string>

namespace supportzip::core::scrub {
namespace {

using namespace chars;
using namespace context;

constexpr std::array<std::string_view, 36> kGenericUsers = {"anonymous",
                                                            "admin",
                                                            "administrator",
                                                            "root",
                                                            "system",
                                                            "sysadmin",
                                                            "jira",
                                                            "confluence",
                                                            "atlassian",
                                                            "bamboo",
                                                            "bitbucket",
                                                            "crowd",
                                                            "tomcat",
                                                            "postgres",
                                                            "mysql",
                                                            "oracle",
                                                            "sa",
                                                            "user",
                                                            "users",
                                                            "guest",
                                                            "test",
                                                            "default",
                                                            "service",
                                                            "servicerunner",
                                                            "null",
                                                            "none",
                                                            "unknown",
                                                            "localhost",
                                                            "nobody",
                                                            "daemon",
                                                            "www-data",
                                                            "jira-software-users",
                                                            "jira-administrators",
                                                            "confluence-users",
                                                            "confluence-administrators",
                                                            "-"};

constexpr std::array<std::string_view, 48> kNotProjectKeys = {
    "UTF", "ISO", "SHA",  "CVE", "HTTP", "HTTPS", "TLS", "SSL", "RFC", "JDK",  "JVM",  "JRE",
    "GC",  "API", "REST", "XML", "JSON", "URL",   "URI", "SQL", "UTC", "GMT",  "CET",  "CEST",
    "PST", "EST", "ID",   "OK",  "AM",   "PM",    "NPE", "OOM", "AWS", "LDAP", "SMTP", "IMAP",
    "POP", "DB",  "IO",   "UI",  "CPU",  "RAM",   "OS",  "MD",  "AES", "RSA",  "IPV",  "WIN"};

constexpr std::array<std::string_view, 6> kLevels = {"TRACE", "DEBUG", "INFO",
                                                     "WARN",  "ERROR", "FATAL"};

bool isRequestId(std::string_view t) {
    // 480x1412x2: minute of day x request counter x concurrency.
    int parts = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        const std::size_t s = i;
        while (i < t.size() && isDigit(t[i])) {
            ++i;
        }
        if (i == s) {
            return false;
        }
        ++parts;
        if (i < t.size()) {
            if (t[i] != 'x') {
                return false;
            }
            ++i;
        }
    }
    return parts == 3;
}

// The user column sits before the request id in application and security logs, and after it
// (followed by "[date") in access logs.
void detectRequestIdColumns(std::string_view line, SpanSink& sink) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n) {
        while (i < n && line[i] == ' ') {
            ++i;
        }
        std::size_t e = i;
        while (e < n && line[e] != ' ') {
            ++e;
        }
        const std::string_view tok = line.substr(i, e - i);
        if (tok.size() >= 5 && isDigit(tok[0]) && isRequestId(tok)) {
            // Access logs: "IP REQID USER [date": the user follows the request id.
            const std::size_t a = e + 1;
            std::size_t ae = a;
            while (ae < n && line[ae] != ' ') {
                ++ae;
            }
            if (a < n && ae + 1 < n && line[ae + 1] == '[') {
                addUser(line, a, ae, sink, "access.user-column");
                return;
            }
            // Application and security logs: "... USER REQID ASESSIONID IP URL".
            if (i >= 2 && line[i - 1] == ' ' && line[i - 2] != ' ') {
                std::size_t b = i - 1;
                while (b > 0 && line[b - 1] != ' ') {
                    --b;
                }
                const std::string_view prev = line.substr(b, i - 1 - b);
                const bool addressLike =
                    !prev.empty() && (isDigit(prev[0]) || prev.find(':') != std::string_view::npos);
                if (!inList(kLevels, prev) && !addressLike) {
                    addUser(line, b, i - 1, sink, "log.user-column");
                }
            }
            return;
        }
        i = e;
    }
}

// Confluence access log: "[03/Oct/2023:10:15:22 +0000] jnovak http-nio-8090-exec-7 ..."
void detectConfluenceAccessUser(std::string_view line, SpanSink& sink) {
    if (line.size() < 30 || line[0] != '[' || !isDigit(line[1]) || line[3] != '/') {
        return;
    }
    const std::size_t close = chars::find(line, "] ");
    if (close == std::string_view::npos || close > 40) {
        return;
    }
    const std::size_t b = close + 2;
    std::size_t e = b;
    while (e < line.size() && line[e] != ' ') {
        ++e;
    }
    addUser(line, b, e, sink, "access.confluence-user");
}

// "The user 'jnovak' has PASSED", "login : 'x' tried", "expired for user 'pkrause'".
void detectQuotedUsers(std::string_view line, std::string_view lower, SpanSink& sink) {
    for (std::string_view marker : {std::string_view("user '"), std::string_view("login : '"),
                                    std::string_view("user \""), std::string_view("username '")}) {
        std::size_t i = 0;
        while ((i = chars::find(lower, marker, i)) != std::string_view::npos) {
            const std::size_t b = i + marker.size();
            const char q = marker.back();
            const std::size_t e = line.find(q, b);
            if (e == std::string_view::npos) {
                break;
            }
            addUser(line, b, e, sink, "log.quoted-user");
            i = e;
        }
    }
}

// Free text that Atlassian messages quote: "issue OPS-1 (Summary)", "repository 'name'".
void detectQuotedContent(std::string_view line, std::string_view lower, SpanSink& sink) {
    std::size_t i = 0;
    while ((i = chars::find(lower, "repository '", i)) != std::string_view::npos) {
        const std::size_t b = i + 12;
        const std::size_t e = textValueEnd(line, b, '\'');
        addText(line, b, e, sink, "log.quoted-content");
        i = e;
    }
    i = 0;
    while ((i = chars::find(lower, "issue ", i)) != std::string_view::npos) {
        std::size_t k = i + 6;
        while (k < line.size() &&
               (isUpper(line[k]) || isDigit(line[k]) || line[k] == '_' || line[k] == '-')) {
            ++k;
        }
        if (k > i + 6 && startsWith(line, k, " (")) {
            const std::size_t close = line.rfind(')');
            if (close != std::string_view::npos && close > k + 2) {
                addText(line, k + 2, close, sink, "log.issue-summary");
            }
        }
        i = k;
    }
}

// Cluster messages: "Node jira-node-b2 (10.0.0.1:40001) joined", "with peers conf-node-1, ...".
void detectNodeNames(std::string_view line, std::string_view lower, SpanSink& sink) {
    for (std::string_view marker : {std::string_view("node "), std::string_view("peers "),
                                    std::string_view("node: "), std::string_view("peer ")}) {
        std::size_t i = 0;
        while ((i = chars::find(lower, marker, i)) != std::string_view::npos) {
            const bool wordStart = i == 0 || !isAlnum(lower[i - 1]);
            std::size_t b = i + marker.size();
            i = b;
            while (wordStart && b < line.size()) {
                std::size_t e = b;
                bool letter = false;
                bool digitOrDash = false;
                while (e < line.size() && (isAlnum(line[e]) || line[e] == '-' || line[e] == '_')) {
                    letter = letter || isAlpha(line[e]);
                    digitOrDash = digitOrDash || isDigit(line[e]) || line[e] == '-';
                    ++e;
                }
                if (!(letter && digitOrDash && e - b >= 3)) {
                    break;
                }
                sink.add(b, e, ValueKind::Node, Certainty::Context, "cluster.node");
                sink.learn(ValueKind::Node, line.substr(b, e - b));
                if (!startsWith(line, e, ", ")) {
                    break;
                }
                b = e + 2;
            }
        }
    }
}

bool isKeyChars(std::string_view v) {
    if (v.size() < 2 || !isUpper(v[0])) {
        return false;
    }
    for (char c : v) {
        if (!isUpper(c) && !isDigit(c) && c != '_') {
            return false;
        }
    }
    return true;
}

// Learns the project key of "KEY-123" starting at b; returns the key length or 0.
std::size_t learnIssueKeyAt(std::string_view line, std::size_t b, SpanSink& sink) {
    std::size_t e = b;
    while (e < line.size() && (isUpper(line[e]) || isDigit(line[e]) || line[e] == '_')) {
        ++e;
    }
    if (e + 1 < line.size() && line[e] == '-' && isDigit(line[e + 1]) &&
        isKeyChars(line.substr(b, e - b)) &&
        !isGenericValue(ValueKind::ProjectKey, line.substr(b, e - b))) {
        sink.learn(ValueKind::ProjectKey, line.substr(b, e - b));
        return e - b;
    }
    return 0;
}

// Content paths: /browse/KEY-1, /projects/KEY, /display/KEY/Page+Title, /spaces/KEY/,
// /rest/api/2/issue/KEY-1, personal spaces /display/~user/, attachment file names.
void detectContentPaths(std::string_view line, SpanSink& sink) {
    for (std::string_view marker :
         {std::string_view("/browse/"), std::string_view("/issue/"), std::string_view("/portal/"),
          std::string_view("issue "), std::string_view("(")}) {
        std::size_t i = 0;
        while ((i = chars::find(line, marker, i)) != std::string_view::npos) {
            std::size_t b = i + marker.size();
            if (marker == "/portal/") { // /portal/3/SD-5012
                while (b < line.size() && isDigit(line[b])) {
                    ++b;
                }
                if (b < line.size() && line[b] == '/') {
                    ++b;
                }
            }
            learnIssueKeyAt(line, b, sink);
            i = b;
        }
    }
    for (std::string_view marker :
         {std::string_view("/projects/"), std::string_view("/display/"),
          std::string_view("/spaces/"), std::string_view("spaceKey="), std::string_view("pid=")}) {
        std::size_t i = 0;
        while ((i = chars::find(line, marker, i)) != std::string_view::npos) {
            const std::size_t b = i + marker.size();
            std::size_t e = b;
            while (e < line.size() && line[e] != '/' && line[e] != '?' && line[e] != '&' &&
                   !isSpace(line[e]) && line[e] != '"' && line[e] != ';' && line[e] != ']') {
                ++e;
            }
            const std::string_view key = line.substr(b, e - b);
            if (key.size() > 1 && key[0] == '~') {
                addUser(line, b + 1, e, sink, "path.personal-space");
            } else if (isKeyChars(key) && !isGenericValue(ValueKind::ProjectKey, key)) {
                sink.learn(ValueKind::ProjectKey, key);
            }
            // The page title segment after /display/KEY/ is content.
            if (marker == "/display/" && e < line.size() && line[e] == '/') {
                const std::size_t tb = e + 1;
                const std::size_t te = bareValueEnd(line, tb);
                if (te > tb) {
                    sink.add(tb, te, ValueKind::Text, Certainty::Context, "path.page-title");
                }
            }
            i = e;
        }
    }
    std::size_t i = 0;
    while ((i = chars::find(line, "/secure/attachment/", i)) != std::string_view::npos) {
        std::size_t b = i + 19;
        while (b < line.size() && isDigit(line[b])) {
            ++b;
        }
        if (b < line.size() && line[b] == '/') {
            const std::size_t e = bareValueEnd(line, b + 1);
            sink.add(b + 1, e, ValueKind::Text, Certainty::Context, "path.attachment-name");
        }
        i = b;
    }
}

// JIRAUSER10100 user keys; C:\Users\name\, /home/name/ and file:/C:/Users/name/ paths.
void detectUserKeysAndHomes(std::string_view line, std::string_view lower, SpanSink& sink) {
    std::size_t i = 0;
    while ((i = chars::find(line, "JIRAUSER", i)) != std::string_view::npos) {
        std::size_t e = i + 8;
        while (e < line.size() && isDigit(line[e])) {
            ++e;
        }
        if (e > i + 8 && wordEndsAt(line, e)) {
            sink.add(i, e, ValueKind::User, Certainty::Context, "user-key");
            sink.learn(ValueKind::User, line.substr(i, e - i));
        }
        i = e;
    }
    for (std::string_view marker :
         {std::string_view("\\users\\"), std::string_view("/users/"), std::string_view("/home/")}) {
        i = 0;
        while ((i = chars::find(lower, marker, i)) != std::string_view::npos) {
            const std::size_t b = i + marker.size();
            std::size_t e = b;
            while (e < line.size() && line[e] != '\\' && line[e] != '/' && !isSpace(line[e]) &&
                   line[e] != '"' && line[e] != '\'' && line[e] != ';' && line[e] != ':') {
                ++e;
            }
            const bool windowsOrHome = marker != "/users/" || (i >= 2 && line[i - 1] == ':');
            const std::string_view v = lower.substr(b, e - b);
            if (windowsOrHome && e > b && !isGenericValue(ValueKind::User, v) && v != "public" &&
                v != "default") {
                addUser(line, b, e, sink, "path.user-home");
            }
            i = e;
        }
    }
}

} // namespace

bool isGenericValue(ValueKind kind, std::string_view value) {
    if (kind == ValueKind::ProjectKey) {
        return inList(kNotProjectKeys, value) || !isKeyChars(value);
    }
    std::string lower;
    lower.reserve(value.size());
    for (char c : value) {
        lower.push_back(toLower(c));
    }
    return inList(kGenericUsers, lower);
}

void detectLogContext(std::string_view line, std::string_view lower, SpanSink& sink) {
    detectRequestIdColumns(line, sink);
    detectConfluenceAccessUser(line, sink);
    if (chars::find(lower, "user") != std::string_view::npos ||
        chars::find(lower, "login") != std::string_view::npos) {
        detectQuotedUsers(line, lower, sink);
    }
    detectMailContext(line, lower, sink);
    detectQuotedContent(line, lower, sink);
    if (chars::find(lower, "node") != std::string_view::npos ||
        chars::find(lower, "peer") != std::string_view::npos) {
        detectNodeNames(line, lower, sink);
    }
    detectQueryClauses(line, lower, sink);
    detectContentPaths(line, sink);
    detectUserKeysAndHomes(line, lower, sink);
}

} // namespace supportzip::core::scrub
