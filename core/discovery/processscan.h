// SPDX-License-Identifier: GPL-3.0-or-later
// Running Jira and Confluence JVMs, found from their command lines: -Dcatalina.home (install
// dir), -Djira.home / -Dconfluence.home (home dir). Linux reads /proc; elsewhere nothing is found.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace supportzip::core::discovery {

struct RunningInstance {
    qint64 pid = 0;
    QString installDir;
    QString homeDir;
};

// Parses one JVM command line (arguments already split); returns false when it is not Jira or
// Confluence.
bool parseJvmCommandLine(const QStringList& arguments, RunningInstance* out);

// Every running instance; procRoot is "/proc" except in tests.
QList<RunningInstance> runningInstances(const QString& procRoot = QStringLiteral("/proc"));

} // namespace supportzip::core::discovery
