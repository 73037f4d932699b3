// SPDX-License-Identifier: GPL-3.0-or-later
// Where an installation's version comes from. The web application inside the install dir is
// what actually runs; the installer's response file and the home are written at other times
// (install, last successful upgrade) and are only fallbacks.
#pragma once

#include <QString>

namespace supportzip::core::discovery {

struct VersionInfo {
    QString productName; // only the installer names the edition ("Jira Software")
    QString version;     // "8.5.4"
    QString buildNumber; // "9012"
    QString source;      // the file it was read from, relative to its folder, for --json
};

// "# install4j response file for Jira Software 9.12.2" in <install>/.install4j/response.varfile.
VersionInfo installerVersion(const QString& installDir);

// Confluence's web application in <install>/confluence, strongest first:
// META-INF/maven/com.atlassian.confluence/confluence-webapp/pom.properties (version=),
// WEB-INF/classes/com/atlassian/confluence/default.properties (version.number, build.number),
// the WEB-INF/lib/confluence-X.Y.Z.jar file name. The build number only comes from
// default.properties.
VersionInfo confluenceWebappVersion(const QString& installDir);

// Jira's web application: the WEB-INF/lib/jira-api-X.Y.Z.jar file name.
VersionInfo jiraWebappVersion(const QString& installDir);

// Build number of the home: <buildNumber> in confluence.cfg.xml.
VersionInfo confluenceHomeVersion(const QString& homeDir);

// The version to report: the web application's, then the installer's, then the home's, field
// by field. The install dir wins a conflict with the home: the home's build number is updated
// only when upgrade tasks finish (so it lags behind a running or failed upgrade) and a home can
// be a copy from another server; the web application's files are what the JVM runs.
VersionInfo resolveVersion(const VersionInfo& webapp, const VersionInfo& installer,
                           const VersionInfo& home);

} // namespace supportzip::core::discovery
