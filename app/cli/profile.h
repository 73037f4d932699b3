// SPDX-License-Identifier: GPL-3.0-or-later
// --profile FILE: any command's options from a YAML file, so the same collection is repeatable
// from cron or on every cluster node. Each key is an option's long name without "--":
//   home: /var/atlassian/application-data/jira
//   since: 7d
//   exclude: [tomcat-access-logs, gc-logs]
//   thread-dumps: 0
//   dry-run: true
// Lists repeat the option; true sets a flag, false leaves it out. Options on the command line
// come after the profile's, so for a single-valued option the command line wins, and lists add up.
#pragma once

#include "common/error.h"

#include <QStringList>

namespace supportzip::cli {

// The profile as command-line arguments ("--since", "7d", ...). Errors: NotFound,
// MalformedInput (YAML, with line and column), InvalidArgument (a nested mapping, or a
// profile naming another profile).
core::Expected<QStringList> profileArguments(const QString& path);

} // namespace supportzip::cli
