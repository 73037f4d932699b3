// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/windowspaths.h"

#include <QRegularExpression>

namespace supportzip::core::discovery {

bool isWindowsAbsolutePath(const QString& path) {
    static const QRegularExpression re(QStringLiteral(R"(^(?:[A-Za-z]:[\\/]|[\\/]{2,4}[^\\/]))"));
    return re.match(unquote(path)).hasMatch();
}

QString unquote(const QString& value) {
    QString v = value.trimmed();
    if (v.size() >= 2 && (v.front() == u'"' || v.front() == u'\'') && v.back() == v.front()) {
        v = v.mid(1, v.size() - 2).trimmed();
    }
    return v;
}

QString normalizeWindowsPath(const QString& path) {
    QString v = unquote(path);
    if (!isWindowsAbsolutePath(v)) {
        return v;
    }
    const bool unc = !v.at(0).isLetter();
    v.replace(u'\\', u'/');
    static const QRegularExpression repeated(QStringLiteral("/{2,}"));
    v.replace(repeated, QStringLiteral("/"));
    if (unc) {
        v.prepend(u'/'); // the folding above left one of the two leading slashes
    } else {
        v[0] = v.at(0).toUpper();
    }
    while (v.endsWith(u'/') && v.size() > 3) {
        v.chop(1);
    }
    return v;
}

QString windowsPathPrefix(const QString& normalizedPath) {
    if (normalizedPath.size() >= 2 && normalizedPath.at(0).isLetter() &&
        normalizedPath.at(1) == u':') {
        return normalizedPath.left(2);
    }
    if (normalizedPath.startsWith(QStringLiteral("//"))) {
        const qsizetype server = normalizedPath.indexOf(u'/', 2);
        if (server < 0) {
            return {};
        }
        const qsizetype share = normalizedPath.indexOf(u'/', server + 1);
        return share < 0 ? normalizedPath : normalizedPath.left(share);
    }
    return {};
}

QString expandWindowsVariables(const QString& text, const QHash<QString, QString>& vars) {
    QHash<QString, QString> upper;
    for (auto it = vars.cbegin(); it != vars.cend(); ++it) {
        upper.insert(it.key().toUpper(), it.value());
    }
    static const QRegularExpression ref(QStringLiteral("%([A-Za-z_][A-Za-z0-9_]*)%"));
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).toUpper();
        out += upper.contains(name) ? upper.value(name) : m.captured(0);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace supportzip::core::discovery
