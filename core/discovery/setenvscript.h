// SPDX-License-Identifier: GPL-3.0-or-later
// The home folder a product's bin/setenv.sh or bin/setenv.bat points the JVM at.
#pragma once

#include "discovery/installation.h"

#include <QString>

namespace supportzip::core::discovery {

// Reads the script the way it runs, one assignment after the other (sh "NAME=value",
// "export NAME=value"; cmd "set NAME=value", set "NAME=value"), expanding $NAME, ${NAME} and
// %NAME% from earlier assignments. The home is the last value the script gives JIRA_HOME /
// CONFLUENCE_HOME or a -Djira.home= / -Dconfluence.home= option in any variable
// (CATALINA_OPTS, JVM_SUPPORT_RECOMMENDED_ARGS, JIRA_HOME_MINUSD, ...). A value that still
// depends on the environment ($JIRA_HOME, %JIRA_HOME% unset in the script) is not a home.
// Returned as written, unquoted; empty when the script sets none.
QString homeFromSetenv(const QString& script, Product product);

// The value of -Dname= in a JVM option string: quoted ("C:\Program Files\x") or up to the next
// option (" -", " %", " $"), so an unquoted value with blanks is kept whole. Empty when absent.
QString systemPropertyInOptions(const QString& options, const QString& name);

} // namespace supportzip::core::discovery
