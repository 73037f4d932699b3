// SPDX-License-Identifier: GPL-3.0-or-later
// Finds installations: from given install/home folders, from JIRA_HOME/CONFLUENCE_HOME, from
// running JVMs and from the default locations on Linux and Windows. Reads only small
// configuration files; never credentials.
#pragma once

#include "common/error.h"
#include "discovery/installation.h"

#include <QHash>
#include <QList>

namespace supportzip::core::discovery {

struct DiscoveryOptions {
    // Windows path prefixes ("C:", "//fs01/jira-shared") and the local folders standing for
    // them: a Windows disk mounted on Linux, a copy of a server's folders, a test folder.
    // Paths in configuration files under a mapped prefix resolve below its folder; on Windows an
    // unmapped path is used as it is, elsewhere it cannot be resolved.
    QHash<QString, QString> windowsMounts;
    // Search /opt/atlassian/... and /var/atlassian/application-data/... (off: only mounts).
#ifdef Q_OS_WIN
    bool linuxDefaults = false;
#else
    bool linuxDefaults = true;
#endif
    bool environment = true;                    // JIRA_HOME / CONFLUENCE_HOME
    QString procRoot = QStringLiteral("/proc"); // running JVMs; empty: not looked for
};

// A path as a configuration file or command line spells it, as a local path: Windows paths
// normalized (quotes, backslashes, drive letter) and mapped through windowsMounts. Empty when a
// Windows path has no mapping on a non-Windows system.
QString localPath(const QString& configured, const DiscoveryOptions& options);

// Describes the installation at the given folders (either may be empty: the home is found from
// the install dir's setenv script or pointer file, and a home alone is enough). Errors:
// NotFound when neither folder holds a Jira or Confluence installation, with the places looked
// at.
Expected<Installation> describeInstallation(const QString& installDir, const QString& homeDir,
                                            const DiscoveryOptions& options = {});

// Every installation found from running JVMs, the environment and the default locations.
QList<Installation> detectInstallations(const DiscoveryOptions& options = {});

// The default install and home folders of a product on one Windows drive ("C:"), as Windows
// paths, most common first.
QStringList windowsDefaultInstallDirs(Product product, const QString& drive);
QStringList windowsDefaultHomeDirs(Product product, const QString& drive);

} // namespace supportzip::core::discovery
