// SPDX-License-Identifier: GPL-3.0-or-later
// The send options (--jsm/--request/--user/--bearer/--token-file/--comment, --put-url, --ca-file,
// --timeout) shared by `send`, `collect` and `scrub`, and the delivery run with progress.
#pragma once

#include "command.h"
#include "common/error.h"
#include "delivery/deliveryjob.h"

#include <optional>

namespace supportzip::cli {

void addSendOptions(QCommandLineParser& parser);

// Whether any destination option was given.
bool sendRequested(const QCommandLineParser& parser);

// Reads the destination, the token (file, or a no-echo prompt on a terminal) and the transfer
// options. Prints a usage message and returns an ExitCode on error, -1 when all is well.
int fillDeliveryRequest(CommandContext& context, const QCommandLineParser& parser,
                        core::delivery::DeliveryRequest& request);

// Verifies and sends with progress on stderr (unless --quiet) and Ctrl-C handling; prints the
// receipt on stdout. Returns an ExitCode.
int runDelivery(CommandContext& context, const QCommandLineParser& parser,
                const core::delivery::DeliveryRequest& request);

// The documented exit code for a failed delivery.
int exitCodeFor(core::ErrorCode code);

} // namespace supportzip::cli
