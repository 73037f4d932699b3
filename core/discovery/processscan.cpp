// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/processscan.h"

#include <QDir>
#include <QFile>

namespace supportzip::core::discovery {
namespace {

QString systemProperty(const QStringList& arguments, const QString& name) {
    const QString prefix = QStringLiteral("-D") + name + u'=';
    for (const QString& a : arguments) {
        if (a.startsWith(prefix)) {
            QString v = a.mid(prefix.size());
            if (v.size() >= 2 && v.startsWith(u'"') && v.endsWith(u'"')) {
                v = v.mid(1, v.size() - 2);
            }
            return v;
        }
    }
    return {};
}

} // namespace

bool parseJvmCommandLine(const QStringList& arguments, RunningInstance* out) {
    if (arguments.isEmpty() || !arguments.first().contains(QStringLiteral("java"))) {
        return false;
    }
    const QString jiraHome = systemProperty(arguments, QStringLiteral("jira.home"));
    const QString confluenceHome = systemProperty(arguments, QStringLiteral("confluence.home"));
    const QString catalinaHome = systemProperty(arguments, QStringLiteral("catalina.home"));
    const bool atlassianTomcat =
        catalinaHome.contains(QStringLiteral("jira"), Qt::CaseInsensitive) ||
        catalinaHome.contains(QStringLiteral("confluence"), Qt::CaseInsensitive) ||
        catalinaHome.contains(QStringLiteral("atlassian"), Qt::CaseInsensitive);
    if (jiraHome.isEmpty() && confluenceHome.isEmpty() && !atlassianTomcat) {
        return false;
    }
    out->installDir = catalinaHome;
    out->homeDir = jiraHome.isEmpty() ? confluenceHome : jiraHome;
    return true;
}

QList<RunningInstance> runningInstances(const QString& procRoot) {
    QList<RunningInstance> found;
    const QStringList pids = QDir(procRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        bool numeric = false;
        const qint64 value = pid.toLongLong(&numeric);
        if (!numeric) {
            continue;
        }
        QFile cmdline(procRoot + u'/' + pid + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly)) {
            continue; // another user's process, or it just ended
        }
        const QByteArray raw = cmdline.read(1 << 20);
        QStringList arguments;
        for (const QByteArray& part : raw.split('\0')) {
            if (!part.isEmpty()) {
                arguments << QString::fromUtf8(part);
            }
        }
        RunningInstance instance;
        if (parseJvmCommandLine(arguments, &instance)) {
            instance.pid = value;
            found.append(instance);
        }
    }
    return found;
}

} // namespace supportzip::core::discovery
