// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/querycontextdetector.h"
#include "scrub/substringsearch.h"

#include "scrub/charclass.h"
#include "scrub/contextvalues.h"
#include "scrub/logcontextdetector.h"

#include <array>

namespace supportzip::core::scrub {
namespace {

using namespace chars;
using namespace context;

// One JQL/CQL value at b (quoted, %22-quoted or bare); adds and learns it. Returns its end.
std::size_t queryValue(std::string_view line, std::string_view lower, std::size_t b, ValueKind kind,
                       SpanSink& sink) {
    std::size_t e;
    if (b < line.size() && (line[b] == '"' || line[b] == '\'')) {
        e = quotedValueEnd(line, b + 1, line[b]);
        ++b;
    } else if (startsWith(lower, b, "%22")) {
        b += 3;
        const std::size_t c = chars::find(lower, "%22", b);
        e = c == std::string_view::npos ? bareValueEnd(line, b) : c;
    } else {
        e = bareValueEnd(line, b);
        const std::size_t plus = line.substr(b, e - b).find('+'); // form-encoded blank
        if (plus != std::string_view::npos) {
            e = b + plus;
        }
    }
    const std::string_view v = line.substr(b, e - b);
    if (e > b && !isGenericValue(kind, v)) {
        if (kind == ValueKind::ProjectKey) {
            sink.learn(ValueKind::ProjectKey, v);
        } else {
            sink.add(b, e, kind, Certainty::Context, "query.value");
            sink.learn(kind, v);
        }
    }
    return e;
}

} // namespace

// JQL/CQL clauses: user fields, text searches and project/space keys, plain or URL-encoded.
void detectQueryClauses(std::string_view line, std::string_view lower, SpanSink& sink) {
    struct Field {
        std::string_view name;
        ValueKind kind;
    };
    static constexpr std::array<Field, 12> fields = {
        Field{"assignee", ValueKind::User},      Field{"reporter", ValueKind::User},
        Field{"creator", ValueKind::User},       Field{"watcher", ValueKind::User},
        Field{"voter", ValueKind::User},         Field{"summary", ValueKind::Text},
        Field{"text", ValueKind::Text},          Field{"description", ValueKind::Text},
        Field{"comment", ValueKind::Text},       Field{"title", ValueKind::Text},
        Field{"project", ValueKind::ProjectKey}, Field{"space", ValueKind::ProjectKey}};
    static constexpr std::array<std::string_view, 15> operators = {
        " = ",  " ~ ",   " != ", " in ", "%20%3d%20", "%20in%20", "%20%7e%20", "+%3d+",
        "+in+", "+%7e+", "+~+",  "%3d",  "%7e",       "=",        "~"};
    // One pass over the line: at each word start, only the fields with that first letter are
    // compared (a find() per field made this the scrubber's hottest function).
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const char first = lower[i];
        if (first < 'a' || first > 'w' || !wordStartsAt(lower, i)) {
            continue;
        }
        for (const Field& f : fields) {
            if (f.name[0] != first || !startsWith(lower, i, f.name)) {
                continue;
            }
            const std::size_t p = i + f.name.size();
            if (p < lower.size() && isAlnum(lower[p])) {
                break;
            }
            std::size_t opEnd = std::string_view::npos;
            for (std::string_view op : operators) {
                if (startsWith(lower, p, op)) {
                    opEnd = p + op.size();
                    break;
                }
            }
            if (opEnd == std::string_view::npos) {
                break;
            }
            // One value, or a list: "assignee in (jnovak, pkrause)", "in%20(a%2Cb)".
            std::size_t b = opEnd;
            bool list = false;
            for (std::string_view open : {std::string_view("("), std::string_view("%28")}) {
                if (startsWith(lower, b, open)) {
                    b += open.size();
                    list = true;
                }
            }
            std::size_t e = b;
            while (true) {
                while (b < line.size() && (line[b] == ' ' || line[b] == '+')) {
                    ++b;
                }
                if (startsWith(lower, b, "%20")) {
                    b += 3;
                    continue;
                }
                e = queryValue(line, lower, b, f.kind, sink);
                if (!list) {
                    break;
                }
                std::size_t next = e;
                if (next < line.size() && (line[next] == '"' || line[next] == '\'')) {
                    ++next;
                } else if (startsWith(lower, next, "%22")) {
                    next += 3;
                }
                while (next < line.size() && (line[next] == ' ' || line[next] == '+')) {
                    ++next;
                }
                if (next < line.size() && line[next] == ',') {
                    b = next + 1;
                } else if (startsWith(lower, next, "%2c")) {
                    b = next + 3;
                } else {
                    break;
                }
            }
            i = std::max(i, e > 0 ? e - 1 : 0);
            break;
        }
    }
}

} // namespace supportzip::core::scrub
