// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's custom terms given as regular expressions ("PRJ-[0-9]{4}", "northwind-\w+"),
// matched case-insensitively on every line, on the bytes (UTF-8, invalid sequences tolerated).
// PCRE2 with its JIT: the detectors never run regexes, so this cost is only paid when the admin
// asks for patterns, and then at PCRE2's speed rather than std::regex's (6 MB/s).
#pragma once

#include "common/error.h"
#include "scrub/span.h"

#include <QStringList>

#include <memory>
#include <string_view>

namespace supportzip::core::scrub {

class RegexTerms final {
public:
    // Errors: InvalidArgument naming the pattern, the position and PCRE2's reason.
    static Expected<std::shared_ptr<const RegexTerms>> compile(const QStringList& patterns);
    ~RegexTerms();
    RegexTerms(const RegexTerms&) = delete;
    RegexTerms& operator=(const RegexTerms&) = delete;

    // Adds a Term span for every non-empty match in the line. Thread-safe.
    void match(std::string_view line, SpanSink& sink) const;
    int size() const { return m_count; }

private:
    RegexTerms() = default;
    struct Compiled;
    std::unique_ptr<Compiled> m_compiled;
    int m_count = 0;
};

} // namespace supportzip::core::scrub
