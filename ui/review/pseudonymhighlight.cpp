// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/pseudonymhighlight.h"

#include "scrub/pseudonymizer.h"

#include <QRegularExpression>

namespace supportzip::ui {
namespace {

using core::scrub::Category;

const QRegularExpression& shapes() {
    static const QRegularExpression re(QStringLiteral(
        R"((?<redacted>\[REDACTED:[^\]\s]{1,64}\]))"
        R"(|(?<![\w.-])(?<prefixed>(?:user|Person|dn|node|text|term|host)-[0-9a-f]{6,64})"
        R"((?<suffix>@example\.invalid|\.example\.invalid)?)(?![\w-]))"
        R"(|(?<![\w.:])(?<ipv4>2(?:4\d|5[0-5])(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?![\w.]\d|\w))"
        R"(|(?<![\w:])(?<ipv6>fd[0-9a-f]{2}:[0-9a-f:]*:[0-9a-f]{1,4})(?![\w:]))"
        R"(|(?<![\w:])(?<mac>02:00(?::[0-9a-f]{2}){4})(?![\w:]))"));
    return re;
}

Category prefixedCategory(QStringView token) {
    if (token.startsWith(u"host-") || token.startsWith(u"node-")) {
        return Category::Network;
    }
    if (token.startsWith(u"text-")) {
        return Category::Content;
    }
    return token.startsWith(u"term-") ? Category::Custom : Category::Person;
}

} // namespace

Highlights pseudonymHighlights(const QString& text) {
    Highlights out;
    for (auto it = shapes().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        Category category = Category::Network;
        if (m.capturedLength(u"redacted") > 0) {
            category = Category::Secret;
        } else if (m.capturedLength(u"prefixed") > 0) {
            const QByteArray token = m.captured().toUtf8();
            if (!core::scrub::Pseudonymizer::looksLikePseudonym(
                    std::string_view(token.constData(), static_cast<std::size_t>(token.size())))) {
                continue;
            }
            category = prefixedCategory(m.capturedView());
        }
        out.append(
            {static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), category});
    }
    return out;
}

LogFileModel::LineTransform pseudonymTransform() {
    return [](qint64, const QByteArray& raw, Highlights* highlights) {
        QString text = QString::fromUtf8(raw);
        *highlights = pseudonymHighlights(text);
        return text;
    };
}

} // namespace supportzip::ui
