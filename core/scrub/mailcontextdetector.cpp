// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/mailcontextdetector.h"
#include "scrub/substringsearch.h"

#include "scrub/charclass.h"
#include "scrub/contextvalues.h"

#include <array>

namespace supportzip::core::scrub {
namespace {

using namespace chars;
using namespace context;

// Mail queue thread names and mail logs: FromName='..' Subject='..' (addresses are left to the
// e-mail pattern); also the "subject '...'" of mail handler messages.
void detectMailFields(std::string_view line, std::string_view lower, SpanSink& sink) {
    struct Field {
        std::string_view name; // lower case
        ValueKind kind;
    };
    static constexpr std::array<Field, 3> fields = {Field{"fromname='", ValueKind::PersonName},
                                                    Field{"subject='", ValueKind::Text},
                                                    Field{"subject '", ValueKind::Text}};
    for (const Field& f : fields) {
        const std::size_t i = chars::find(lower, f.name);
        if (i == std::string_view::npos || (i > 0 && isAlnum(line[i - 1]))) {
            continue;
        }
        std::size_t b = i + f.name.size();
        std::size_t e = textValueEnd(line, b, '\'');
        const std::string_view v = line.substr(b, e - b);
        if (v == "null" || v.empty()) {
            continue;
        }
        if (f.kind == ValueKind::PersonName) {
            // "Jana Novak (Jira)": the product suffix stays.
            const std::size_t paren = v.rfind(" (");
            if (paren != std::string_view::npos) {
                e = b + paren;
            }
            sink.add(b, e, ValueKind::PersonName, Certainty::Context, "mail.from-name");
            sink.learn(ValueKind::PersonName, line.substr(b, e - b));
            continue;
        }
        // Subject: keep "Re:", leading [PRODUCT] tags and (KEY-1) references.
        if (startsWith(lower, b, "re: ") || startsWith(lower, b, "fw: ")) {
            b += 4;
        }
        while (b < e && (line[b] == '[' || line[b] == '(' || line[b] == ' ')) {
            const char close = line[b] == '[' ? ']' : line[b] == '(' ? ')' : ' ';
            const std::size_t c = close == ' ' ? b : line.find(close, b);
            if (c == std::string_view::npos || c >= e) {
                break;
            }
            b = c + 1;
        }
        addText(line, b, e, sink, "mail.subject");
    }
}

// The display name before "<address>": inside quotes ("Jana Novak" <...>, 'Jana Novak <...>'),
// or the capitalized words just before it (recipient Tomas Berg <...>), at most five.
std::size_t nameStartBefore(std::string_view line, std::size_t end) {
    if (end >= 2 && (line[end - 1] == '"' || line[end - 1] == '\'')) {
        const std::size_t open = line.rfind(line[end - 1], end - 2);
        return open == std::string_view::npos || end - open > 80 ? end : open + 1;
    }
    static constexpr std::array<std::string_view, 9> particles = {"van", "von", "de", "der", "da",
                                                                  "di",  "la",  "le", "du"};
    std::size_t start = end;
    for (int words = 0; words < 5 && start > 0; ++words) {
        std::size_t b = start;
        while (b > 0 && line[b - 1] == ' ') {
            --b;
        }
        std::size_t w = b;
        while (w > 0 && (isAlpha(line[w - 1]) || line[w - 1] == '\'' || line[w - 1] == '-' ||
                         line[w - 1] == '.' || static_cast<unsigned char>(line[w - 1]) >= 0x80)) {
            --w;
        }
        // A quote before the first word opens the quoted form ('Tomas Berg <...>'); an
        // apostrophe inside a word (O'Connor) is part of the name.
        while (w < b && (line[w] == '\'' || line[w] == '-' || line[w] == '.')) {
            ++w;
        }
        const std::string_view word = line.substr(w, b - w);
        const bool capitalized =
            !word.empty() && (isUpper(word[0]) || static_cast<unsigned char>(word[0]) >= 0x80);
        if (word.empty() || (!capitalized && !inList(particles, word))) {
            break;
        }
        start = w;
    }
    return start;
}

void detectNamesBeforeAddresses(std::string_view line, SpanSink& sink) {
    std::size_t i = 0;
    while ((i = chars::find(line, " <", i)) != std::string_view::npos) {
        const std::size_t close = line.find('>', i);
        const std::size_t at = line.find('@', i);
        if (close == std::string_view::npos || at == std::string_view::npos || at > close) {
            i += 2;
            continue;
        }
        const bool quoted = i > 0 && (line[i - 1] == '"' || line[i - 1] == '\'');
        const std::size_t b = nameStartBefore(line, i);
        const std::size_t e = quoted ? i - 1 : i;
        const bool letter =
            e > b && (isAlpha(line[b]) || static_cast<unsigned char>(line[b]) >= 0x80);
        if (letter) {
            sink.add(b, e, ValueKind::PersonName, Certainty::Context, "mail.display-name");
            sink.learn(ValueKind::PersonName, line.substr(b, e - b));
        }
        i = close;
    }
}

} // namespace

void detectMailContext(std::string_view line, std::string_view lower, SpanSink& sink) {
    if (chars::find(lower, "subject") != std::string_view::npos ||
        chars::find(lower, "fromname") != std::string_view::npos) {
        detectMailFields(line, lower, sink);
    }
    if (chars::find(line, " <") != std::string_view::npos) {
        detectNamesBeforeAddresses(line, sink);
    }
}

} // namespace supportzip::core::scrub
