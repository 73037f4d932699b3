// SPDX-License-Identifier: GPL-3.0-or-later
// --out, --consent, --recipient, --ticket, --delete-by: shared by every command that writes a
// bundle that leaves the machine (collect, scrub, merge).
#pragma once

#include "bundle/manifest.h"
#include "command.h"

namespace supportzip::cli {

void addConsentOptions(QCommandLineParser& parser);
// Fills the consent from the options; returns an ExitCode on a usage error, -1 when all is well.
int fillConsent(CommandContext& context, const QCommandLineParser& parser,
                core::bundle::Consent& consent);

} // namespace supportzip::cli
