// SPDX-License-Identifier: GPL-3.0-or-later
// When and how long to wait before trying a failed HTTP call again. Pure functions: the waiting
// itself happens in HttpClient, so tests check the arithmetic without sleeping.
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace supportzip::core::delivery {

struct HttpResponse;

struct RetryPolicy {
    int maxAttempts = 4; // the first try included
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maxDelay{30000};
    // A server asking for a longer pause than this gets a failure ("try again later") instead.
    std::chrono::milliseconds maxRetryAfter{120000};
    // Real waits are delay * timeScale; reported delays are unscaled. Tests use a tiny scale.
    double timeScale = 1.0;

    // Delay before retry number `retry` (1 = the first retry): initialDelay * 2^(retry-1), capped
    // at maxDelay, or the server's Retry-After when it gave one.
    std::chrono::milliseconds
    delayBefore(int retry, std::optional<std::chrono::milliseconds> retryAfter) const;
};

// HTTP 429, 5xx except 501, a reset or closed connection, a refused connection, a temporary
// network failure. Never a timeout, a TLS or proxy failure, or a cancel.
bool isTransient(const HttpResponse& response);

// Retry-After as seconds ("120") or an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray& value,
                                                         const QDateTime& nowUtc);

} // namespace supportzip::core::delivery
