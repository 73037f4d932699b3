// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's documented exit codes (README "Exit codes").
#pragma once

namespace supportzip::cli {

enum ExitCode : int {
    Success = 0,
    Failure = 1,            // the command could not do its job; the message says why
    Usage = 2,              // wrong options or arguments
    VerificationFailed = 3, // a bundle failed verification
    Cancelled = 4,          // interrupted (Ctrl-C); nothing was left behind
    NothingFound = 5,       // detect found no installation; ledger: empty, or subject never sent
};

} // namespace supportzip::cli
