// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/configtext.h"

#include "discovery/windowspaths.h"

#include <QFile>
#include <QRegularExpression>

namespace supportzip::core::discovery {
namespace {

constexpr qint64 kMaxConfigBytes = 4 * 1024 * 1024;

} // namespace

QString readSmallFile(const QString& path) {
    QFile f(path);
    if (f.size() > kMaxConfigBytes || !f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.read(kMaxConfigBytes));
}

QString unescapePropertyValue(const QString& raw) {
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != u'\\' || i + 1 == raw.size()) {
            out += c;
            continue;
        }
        const QChar next = raw.at(++i);
        if (next == u't') {
            out += u'\t';
        } else if (next == u'n') {
            out += u'\n';
        } else {
            out += next; // "\\", "\:", "\=", "\ " and any other escaped character
        }
    }
    return out;
}

QString propertyValue(const QString& text, const QString& key) {
    const QRegularExpression re(
        QStringLiteral("^[ \\t]*%1(?:[ \\t]*[=:][ \\t]*|[ \\t]+)([^\\r\\n]*?)[ \\t]*\\r?$")
            .arg(QRegularExpression::escape(key)),
        QRegularExpression::MultilineOption);
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return {};
    }
    const QString raw = m.captured(1);
    const QString value = unescapePropertyValue(raw);
    // "C:\\Atlassian\\JIRA" is the correct spelling, but admins write "C:\Atlassian\JIRA" with
    // single backslashes too; unescaping that leaves "C:AtlassianJIRA". Report the folder meant.
    if (isWindowsAbsolutePath(raw) && !isWindowsAbsolutePath(value)) {
        return raw;
    }
    return value;
}

QString xmlElement(const QString& text, const QString& name) {
    const QRegularExpression re(QStringLiteral("<%1>\\s*([^<]*?)\\s*</%1>").arg(name));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString xmlProperty(const QString& text, const QString& name) {
    const QRegularExpression re(QStringLiteral("<property name=\"%1\">\\s*([^<]*?)\\s*</property>")
                                    .arg(QRegularExpression::escape(name)));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace supportzip::core::discovery
