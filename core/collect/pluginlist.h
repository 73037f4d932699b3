// SPDX-License-Identifier: GPL-3.0-or-later
// The list of user-installed apps (plugins): key, name, version and vendor, read from the
// atlassian-plugin.xml inside each jar of installed-plugins/. Support needs the list; the jars
// themselves are never collected.
#pragma once

#include "discovery/installation.h"

#include <QList>
#include <QString>

namespace supportzip::core::collect {

struct PluginInfo {
    QString file; // jar file name
    QString key;
    QString name;
    QString version;
    QString vendor;
    QString problem; // why the jar could not be read, else empty
};

// Jars in <home>/plugins/installed-plugins and, on Data Center, the shared home's.
QList<PluginInfo> installedPlugins(const discovery::Installation& installation);
// A plain-text table for the bundle (application-properties/installed-plugins.txt).
QString pluginListText(const QList<PluginInfo>& plugins);

// Reads one jar (exposed for tests).
PluginInfo readPluginJar(const QString& jarPath);

} // namespace supportzip::core::collect
