// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/unmask.h"

#include <QRegularExpression>

#include <algorithm>

namespace supportzip::core::vault {
namespace {

struct Match {
    qsizetype start;
    qsizetype length;
    const QString* pseudonym;
};

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}

bool isWholeToken(const QString& text, qsizetype start, qsizetype length) {
    const qsizetype end = start + length;
    return (start == 0 || !isWordChar(text[start - 1])) &&
           (end == text.size() || !isWordChar(text[end]));
}

QList<Match> findKnown(const QString& reply, const QHash<QString, QString>& mapping) {
    QList<Match> matches;
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it) {
        const QString& key = it.key();
        for (qsizetype at = reply.indexOf(key); at >= 0 && !key.isEmpty();
             at = reply.indexOf(key, at + 1)) {
            if (isWholeToken(reply, at, key.size())) {
                matches.append({at, key.size(), &key});
            }
        }
    }
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    QList<Match> chosen; // leftmost, then longest, never overlapping
    for (const Match& m : matches) {
        if (chosen.isEmpty() || m.start >= chosen.last().start + chosen.last().length) {
            chosen.append(m);
        }
    }
    return chosen;
}

const QRegularExpression& pseudonymShape() {
    static const QRegularExpression re(QStringLiteral(
        R"(\b(?:user|host|node|dn|text|term|Person)-[0-9a-f]{6,64}(?:\.example\.invalid|@example\.invalid)?\b)"));
    return re;
}

void appendUnknown(const QString& plain, qsizetype offset, UnmaskResult& result) {
    for (auto it = pseudonymShape().globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        result.unknown.append({static_cast<int>(offset + m.capturedStart()),
                               static_cast<int>(m.capturedLength()), m.captured()});
    }
}

} // namespace

UnmaskResult unmaskText(const QString& reply, const QHash<QString, QString>& mapping) {
    UnmaskResult result;
    qsizetype from = 0;
    for (const Match& m : findKnown(reply, mapping)) {
        const QString plain = reply.mid(from, m.start - from);
        appendUnknown(plain, result.text.size(), result);
        result.text += plain;
        const QString& original = mapping[*m.pseudonym];
        result.replaced.append({static_cast<int>(result.text.size()),
                                static_cast<int>(original.size()), *m.pseudonym});
        result.text += original;
        from = m.start + m.length;
    }
    const QString rest = reply.mid(from);
    appendUnknown(rest, result.text.size(), result);
    result.text += rest;
    return result;
}

} // namespace supportzip::core::vault
