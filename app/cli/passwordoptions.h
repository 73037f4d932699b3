// SPDX-License-Identifier: GPL-3.0-or-later
// --password-file FILE and --password-prompt: the bundle password, for the commands that write an
// encrypted bundle (collect, scrub, merge) and those that read one (verify, inspect, send). Never
// a flag value or an environment variable: other users see both (ps, /proc/PID/environ).
#pragma once

#include "command.h"
#include "common/secret.h"

namespace supportzip::cli {

enum class PasswordUse {
    Write, // encrypt the bundle being written; the prompt asks twice
    Read,  // open an encrypted bundle
};

void addPasswordOptions(QCommandLineParser& parser, PasswordUse use);

// Reads the password the options name into `password` (left empty when neither is given).
// Returns an ExitCode on a usage error or an unusable file, -1 when all is well.
int readPassword(CommandContext& context, const QCommandLineParser& parser, PasswordUse use,
                 core::Secret& password);

// Same, from --input-password-file (merge: the node bundles' password, when it differs).
int readInputPassword(CommandContext& context, const QCommandLineParser& parser,
                      core::Secret& password);

} // namespace supportzip::cli
