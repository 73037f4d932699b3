// SPDX-License-Identifier: GPL-3.0-or-later
// Search every member of a bundle for a text or a regular expression, streamed member by member,
// one hit per match with its member, line and the line's text. Also how a pseudonym is followed
// through the bundle: occurrencesOf() matches it as a whole token only.
// Thread-agnostic and synchronous: the GUI runs it on a worker thread, the CLI may call it
// directly. It opens its own reader, so it never shares a libzip handle with another thread.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace supportzip::core::review {

struct SearchQuery {
    QString text;
    bool regex = false;
    bool caseSensitive = false;
    bool wholeToken = false; // not part of a longer word, host name or address
    int maxHits = 20000;     // bounded memory whatever the bundle holds
};

struct SearchHit {
    QString member;
    qint64 line = 0; // 1-based
    int column = 0;  // of the match in `text`, in characters
    int length = 0;
    QString text; // the line (cut to kMaxHitText characters around the match)
};

struct SearchResult {
    QList<SearchHit> hits;
    bool truncated = false; // maxHits reached; more matches exist
    int membersSearched = 0;
};

inline constexpr int kMaxHitText = 400;

// The query for every occurrence of one token (a pseudonym, an address).
SearchQuery occurrencesOf(const QString& token);

// Errors: InvalidArgument (empty text, invalid regular expression, with the reason).
Expected<QRegularExpression> compileQuery(const SearchQuery& query);

// Errors: those of opening the bundle (NotFound, HostileInput, MalformedInput), InvalidArgument
// (the query), Cancelled.
Expected<SearchResult> searchBundle(const QString& bundlePath, const SearchQuery& query,
                                    const CancelToken* cancel = nullptr,
                                    const Secret& password = {});

} // namespace supportzip::core::review
