// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/contextvalues.h"

#include "scrub/charclass.h"

namespace supportzip::core::scrub::context {

using namespace chars;

void addUser(std::string_view line, std::size_t b, std::size_t e, SpanSink& sink,
             const char* rule) {
    const std::string_view v = line.substr(b, e - b);
    if (e <= b || v == "-" || v == "anonymous" || v.substr(0, 9) == "[REDACTED") {
        return;
    }
    sink.add(b, e, ValueKind::User, Certainty::Context, rule);
    sink.learn(ValueKind::User, v);
}

std::size_t quotedValueEnd(std::string_view line, std::size_t b, char q) {
    const std::size_t e = line.find(q, b);
    return e == std::string_view::npos ? line.size() : e;
}

std::size_t textValueEnd(std::string_view line, std::size_t b, char q) {
    std::size_t e = b;
    while ((e = line.find(q, e)) != std::string_view::npos) {
        if (e + 1 >= line.size() || isSpace(line[e + 1]) || line[e + 1] == ',' ||
            line[e + 1] == ')' || line[e + 1] == ']' || line[e + 1] == '>' || line[e + 1] == ';') {
            return e;
        }
        ++e;
    }
    return line.size();
}

void addText(std::string_view line, std::size_t b, std::size_t e, SpanSink& sink,
             const char* rule) {
    while (b < e && isSpace(line[b])) {
        ++b;
    }
    if (e > b) {
        sink.add(b, e, ValueKind::Text, Certainty::Context, rule);
        sink.learn(ValueKind::Text, line.substr(b, e - b));
    }
}

std::size_t bareValueEnd(std::string_view line, std::size_t b) {
    std::size_t e = b;
    while (e < line.size() && !isSpace(line[e]) && line[e] != ')' && line[e] != '&' &&
           line[e] != ',' && line[e] != '"' && line[e] != '\'' && line[e] != '%' &&
           line[e] != ']') {
        ++e;
    }
    return e;
}

} // namespace supportzip::core::scrub::context
