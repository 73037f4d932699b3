// SPDX-License-Identifier: GPL-3.0-or-later
// Named spdlog loggers shaped like Qt categories. Sinks are configured once per executable;
// a log line never carries a value that is being scrubbed (log counts, rule ids and the admin's
// own local paths only).
#pragma once

#include <QString>

#include <spdlog/spdlog.h>

#include <memory>

namespace supportzip::core::logging {

enum class Verbosity { Quiet, Normal, Verbose };

// CLI: warnings and errors to stderr (debug with Verbose), and the tool's log to logFile, or
// to <AppDataLocation>/logs/supportzip.log when none is given.
void setupForCli(Verbosity verbosity, const QString& logFile = {});
// GUI: a rotating file in the user's data folder; returns its path for the Help menu.
QString setupForGui();
// Default log folder: <AppDataLocation>/logs.
QString defaultLogDirectory();

// Returns the logger for a category such as "supportzip.core.scrub"; created on first use with
// the sinks configured above (or a null sink before setup, so tests stay quiet).
std::shared_ptr<spdlog::logger> logger(const char* category);

} // namespace supportzip::core::logging
