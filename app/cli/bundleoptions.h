// SPDX-License-Identifier: GPL-3.0-or-later
// Options and the run shared by every command that writes a bundle (collect, scrub); they
// include the send options (sendoptions.h), so one command can collect, write and deliver.
#pragma once

#include "command.h"
#include "pipeline/collectjob.h"

namespace supportzip::cli {

// --install and --home: the installation a collect or a preview reads.
void addInstallationOptions(QCommandLineParser& parser);
void addBundleOptions(QCommandLineParser& parser);
// The options that shape the plan (time window, sizes, exclusions, rules, Windows paths): the
// part of the bundle options a preview takes too.
void addPlanOptions(QCommandLineParser& parser);
int fillPlanRequest(CommandContext& context, const QCommandLineParser& parser,
                    core::pipeline::CollectRequest& request);
// --map-windows-path PREFIX=DIR: where a Windows drive or share (C:, //fs01/share) is found on
// this machine, for installations copied or mounted from a Windows server.
void addWindowsPathOption(QCommandLineParser& parser);
int fillWindowsPaths(CommandContext& context, const QCommandLineParser& parser,
                     core::discovery::DiscoveryOptions& options);
// Fills the request from the options; returns an ExitCode on a usage error, -1 when all is well.
int fillBundleRequest(CommandContext& context, const QCommandLineParser& parser,
                      core::pipeline::CollectRequest& request);
// The preview pass without writing: one line per file with its findings, and the totals.
int runDryRun(CommandContext& context, const core::pipeline::CollectRequest& request);
// Runs the job with progress on a terminal and Ctrl-C handling; prints the bundle path and the
// one-line summary, then sends the bundle when a send option was given. Returns an ExitCode.
int runCollection(CommandContext& context, const QCommandLineParser& parser,
                  const core::pipeline::CollectRequest& request);

} // namespace supportzip::cli
