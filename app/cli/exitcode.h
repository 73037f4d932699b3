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
    // send (and collect/scrub with a send option): the bundle was written but not delivered.
    SendFailed = 10,         // network failure after retries, or another HTTP error
    SendAuthFailed = 11,     // HTTP 401: check the e-mail and token (or --bearer)
    SendAccessDenied = 12,   // HTTP 403: the account may not attach to this request
    SendNotFound = 13,       // HTTP 404: no such request, or the account cannot see it
    SendAttachmentsOff = 14, // attachments are disabled on the service desk
    SendTooLarge = 15,       // HTTP 413: larger than the portal accepts
    SendTimeout = 16,        // no progress for --timeout seconds
    SendTlsFailed = 17,      // certificate not trusted (see --ca-file) or handshake failed
    SendProxyFailed = 18,    // the proxy refused or could not be reached
};

} // namespace supportzip::cli
