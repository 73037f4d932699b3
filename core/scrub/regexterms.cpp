// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/regexterms.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <vector>

namespace supportzip::core::scrub {

// All patterns are compiled into one alternation, so a line is scanned once however many the
// admin gave. Match data is per thread: the compiled code is shared read-only.
struct RegexTerms::Compiled {
    pcre2_code* code = nullptr;
    ~Compiled() { pcre2_code_free(code); }
};

RegexTerms::~RegexTerms() = default;

Expected<std::shared_ptr<const RegexTerms>> RegexTerms::compile(const QStringList& patterns) {
    std::shared_ptr<RegexTerms> terms(new RegexTerms);
    if (patterns.isEmpty()) {
        return std::shared_ptr<const RegexTerms>(terms);
    }
    // Each pattern is checked alone first, so an error names the pattern at fault.
    std::string alternation;
    for (const QString& p : patterns) {
        const QByteArray utf8 = p.toUtf8();
        int code = 0;
        PCRE2_SIZE offset = 0;
        pcre2_code* alone = pcre2_compile(
            reinterpret_cast<PCRE2_SPTR>(utf8.constData()), static_cast<PCRE2_SIZE>(utf8.size()),
            PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &offset, nullptr);
        if (alone == nullptr) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(code, message, sizeof(message));
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the term pattern \"%1\" is not a valid regular "
                                            "expression at position %2: %3")
                                 .arg(p)
                                 .arg(offset)
                                 .arg(QString::fromUtf8(reinterpret_cast<const char*>(message))));
        }
        pcre2_code_free(alone);
        if (!alternation.empty()) {
            alternation += '|';
        }
        alternation += "(?:" + utf8.toStdString() + ')';
    }
    int code = 0;
    PCRE2_SIZE offset = 0;
    terms->m_compiled = std::make_unique<Compiled>();
    terms->m_compiled->code = pcre2_compile(
        reinterpret_cast<PCRE2_SPTR>(alternation.data()), alternation.size(),
        PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &offset, nullptr);
    if (terms->m_compiled->code == nullptr) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the term patterns cannot be combined (error %1)").arg(code));
    }
    // Without JIT support (some platforms) PCRE2 interprets: slower, same results.
    pcre2_jit_compile(terms->m_compiled->code, PCRE2_JIT_COMPLETE);
    terms->m_count = static_cast<int>(patterns.size());
    return std::shared_ptr<const RegexTerms>(terms);
}

void RegexTerms::match(std::string_view line, SpanSink& sink) const {
    if (!m_compiled || line.empty()) {
        return;
    }
    struct MatchData {
        pcre2_match_data* data = nullptr;
        ~MatchData() { pcre2_match_data_free(data); }
    };
    thread_local MatchData matchData;
    if (matchData.data == nullptr) {
        matchData.data = pcre2_match_data_create(1, nullptr);
    }
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(line.data());
    PCRE2_SIZE start = 0;
    while (start < line.size()) {
        const int rc =
            pcre2_match(m_compiled->code, subject, line.size(), start, 0, matchData.data, nullptr);
        if (rc < 0) {
            return; // no (further) match, or a resource limit: the literal terms still apply
        }
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(matchData.data);
        if (ovector[1] > ovector[0]) {
            sink.add(ovector[0], ovector[1], ValueKind::Term, Certainty::Structure, "custom.regex");
            start = ovector[1];
        } else {
            start = ovector[1] + 1; // an empty match replaces nothing; move on
        }
    }
}

} // namespace supportzip::core::scrub
