// SPDX-License-Identifier: GPL-3.0-or-later
// Options and the run shared by every command that writes a bundle (collect, scrub); they
// include the send options (sendoptions.h), so one command can collect, write and deliver.
#pragma once

#include "command.h"
#include "pipeline/collectjob.h"

namespace supportzip::cli {

void addBundleOptions(QCommandLineParser& parser);
// Fills the request from the options; returns an ExitCode on a usage error, -1 when all is well.
int fillBundleRequest(CommandContext& context, const QCommandLineParser& parser,
                      core::pipeline::CollectRequest& request);
// Runs the job with progress on a terminal and Ctrl-C handling; prints the bundle path and the
// one-line summary, then sends the bundle when a send option was given. Returns an ExitCode.
int runCollection(CommandContext& context, const QCommandLineParser& parser,
                  const core::pipeline::CollectRequest& request);

} // namespace supportzip::cli
