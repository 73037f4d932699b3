// SPDX-License-Identifier: GPL-3.0-or-later
// Finds installations: from given install/home folders, from JIRA_HOME/CONFLUENCE_HOME and from
// the default locations. Reads only small configuration files; never credentials.
#pragma once

#include "common/error.h"
#include "discovery/installation.h"

#include <QList>

namespace supportzip::core::discovery {

// Describes the installation at the given folders (either may be empty: the home is found from
// the install dir's pointer file, and a home alone is enough). Errors: NotFound when neither
// folder holds a Jira or Confluence installation, with the places looked at.
Expected<Installation> describeInstallation(const QString& installDir, const QString& homeDir);

// Every installation found from the environment and the default locations on this machine.
QList<Installation> detectInstallations();

} // namespace supportzip::core::discovery
