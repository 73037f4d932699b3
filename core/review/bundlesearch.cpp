// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bundlesearch.h"

#include "bundle/bundlereader.h"
#include "review/memberlines.h"

namespace supportzip::core::review {
namespace {

// A line of a log can be 64 KiB; the result list shows the part around the match.
SearchHit makeHit(const QString& member, qint64 line, const QString& text, qsizetype column,
                  qsizetype length) {
    qsizetype from = 0;
    if (text.size() > kMaxHitText) {
        from = std::clamp<qsizetype>(column - kMaxHitText / 4, 0, text.size() - kMaxHitText);
    }
    return {member, line, static_cast<int>(column - from), static_cast<int>(length),
            text.mid(from, kMaxHitText)};
}

} // namespace

SearchQuery occurrencesOf(const QString& token) {
    SearchQuery q;
    q.text = token;
    q.caseSensitive = true;
    q.wholeToken = true;
    return q;
}

Expected<QRegularExpression> compileQuery(const SearchQuery& query) {
    if (query.text.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("nothing to search for"));
    }
    QString pattern = query.regex ? query.text : QRegularExpression::escape(query.text);
    if (query.wholeToken) {
        // Dots and colons join the parts of host names and addresses, so "240.1.2.3" is not found
        // inside "240.1.2.34" and "host-1a2b3c" not inside "host-1a2b3c.example.invalid".
        pattern =
            QStringLiteral("(?<![\\w.:@-])(?:") + pattern + QStringLiteral(")(?![\\w@-]|[.:]\\w)");
    }
    QRegularExpression re(pattern, query.caseSensitive ? QRegularExpression::NoPatternOption
                                                       : QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("invalid regular expression: %1").arg(re.errorString()));
    }
    re.optimize();
    return re;
}

Expected<SearchResult> searchBundle(const QString& bundlePath, const SearchQuery& query,
                                    const CancelToken* cancel, const Secret& password) {
    auto re = compileQuery(query);
    if (!re) {
        return tl::unexpected(re.error());
    }
    auto reader = bundle::BundleReader::open(bundlePath, password);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    SearchResult result;
    const auto sink = [&](const QString& member, qint64 number, QByteArrayView raw) {
        const QString line = QString::fromUtf8(raw);
        for (auto it = re->globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (result.hits.size() >= query.maxHits) {
                result.truncated = true;
                return false;
            }
            result.hits.append(
                makeHit(member, number, line, m.capturedStart(), m.capturedLength()));
        }
        return true;
    };
    for (const bundle::BundleMember& m : (*reader)->members()) {
        auto done = forEachLine(
            **reader, m.name,
            [&](qint64 number, QByteArrayView raw) { return sink(m.name, number, raw); }, cancel);
        if (!done && done.error().code == ErrorCode::Cancelled) {
            return tl::unexpected(done.error());
        }
        ++result.membersSearched;
        if (result.truncated) {
            break;
        }
    }
    return result;
}

} // namespace supportzip::core::review
