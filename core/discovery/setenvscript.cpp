// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/setenvscript.h"

#include "discovery/windowspaths.h"

#include <QHash>
#include <QRegularExpression>

namespace supportzip::core::discovery {
namespace {

bool isComment(const QString& line) {
    static const QRegularExpression re(QStringLiteral(R"(^(?:#|::|rem(?:\s|$)|@?echo\s))"),
                                       QRegularExpression::CaseInsensitiveOption);
    return line.isEmpty() || re.match(line).hasMatch();
}

QString expandShellVariables(const QString& text, const QHash<QString, QString>& vars) {
    static const QRegularExpression ref(
        QStringLiteral(R"(\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*)))"));
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        out += text.mid(last, m.capturedStart() - last);
        out += vars.contains(name) ? vars.value(name) : m.captured(0);
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

// Still refers to the environment: not something the script itself decides.
bool unresolved(const QString& value) {
    static const QRegularExpression ref(QStringLiteral(R"(%[A-Za-z_]\w*%|\$\{?[A-Za-z_])"));
    return ref.match(value).hasMatch();
}

struct Assignment {
    QString name;
    QString value;
};

// One "set NAME=value" (anywhere on the line, e.g. after an "if"), or a shell assignment.
bool parseAssignment(const QString& line, const QHash<QString, QString>& vars, Assignment* out) {
    static const QRegularExpression batch(
        QStringLiteral(R"re((?:^|\s)set\s+(?:"([A-Za-z_]\w*)=(.*)"|([A-Za-z_]\w*)=(.*))$)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression shell(QStringLiteral(R"(^(?:export\s+)?([A-Za-z_]\w*)=(.*)$)"));
    if (const auto m = batch.match(line); m.hasMatch()) {
        const bool quoted = !m.captured(1).isEmpty();
        out->name = quoted ? m.captured(1) : m.captured(3);
        out->value = expandWindowsVariables(quoted ? m.captured(2) : m.captured(4), vars).trimmed();
        return true;
    }
    if (const auto m = shell.match(line); m.hasMatch()) {
        out->name = m.captured(1);
        out->value = expandShellVariables(unquote(m.captured(2)), vars);
        return true;
    }
    return false;
}

} // namespace

QString systemPropertyInOptions(const QString& options, const QString& name) {
    const QString key = QStringLiteral("-D") + name + u'=';
    const qsizetype at = options.indexOf(key);
    if (at < 0 || (at > 0 && !options.at(at - 1).isSpace() && options.at(at - 1) != u'"' &&
                   options.at(at - 1) != u'\'')) {
        return {};
    }
    const QString rest = options.mid(at + key.size());
    if (rest.startsWith(u'"') || rest.startsWith(u'\'')) {
        const qsizetype close = rest.indexOf(rest.front(), 1);
        return close < 0 ? rest.mid(1) : rest.mid(1, close - 1);
    }
    static const QRegularExpression end(QStringLiteral(R"(\s+[-%$]|["']?\s*$)"));
    const auto m = end.match(rest);
    return (m.hasMatch() ? rest.left(m.capturedStart()) : rest).trimmed();
}

QString homeFromSetenv(const QString& script, Product product) {
    const QString variable =
        product == Product::Jira ? QStringLiteral("JIRA_HOME") : QStringLiteral("CONFLUENCE_HOME");
    const QString property =
        product == Product::Jira ? QStringLiteral("jira.home") : QStringLiteral("confluence.home");
    QHash<QString, QString> vars;
    QString home;
    for (QString line : script.split(u'\n')) {
        line = line.trimmed();
        Assignment a;
        if (isComment(line) || !parseAssignment(line, vars, &a)) {
            continue;
        }
        vars.insert(a.name, a.value);
        const QString candidate = a.name.compare(variable, Qt::CaseInsensitive) == 0
                                      ? unquote(a.value)
                                      : unquote(systemPropertyInOptions(a.value, property));
        if (!candidate.isEmpty() && !unresolved(candidate)) {
            home = candidate;
        }
    }
    return home;
}

} // namespace supportzip::core::discovery
