// SPDX-License-Identifier: GPL-3.0-or-later
// The generated members of a bundle besides the scrubbed files: README.txt and system facts.
#pragma once

#include "bundle/manifest.h"
#include "discovery/installation.h"

#include <QString>

namespace supportzip::core::pipeline {

QString bundleReadme(const bundle::Manifest& manifest);
// OS, CPU, memory, disk space of the installation's folders, time zone. Never the host name.
QString systemFacts(const discovery::Installation& installation);

} // namespace supportzip::core::pipeline
