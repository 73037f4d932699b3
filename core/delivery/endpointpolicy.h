// SPDX-License-Identifier: GPL-3.0-or-later
// Which URLs a bundle may be sent to: HTTPS always; plain http:// only to this machine's own
// loopback (that is how the tests run a fake server). Credentials never travel in a URL.
#pragma once

#include "common/error.h"

#include <QString>
#include <QUrl>

namespace supportzip::core::delivery {

// 127.0.0.0/8, ::1 and "localhost" (with or without a trailing dot).
bool isLoopbackHost(const QString& host);

// Errors (InvalidArgument): not a URL, no host, a scheme other than https (or http to loopback),
// user info in the URL. `allowQuery` is for pre-signed URLs, whose query is the signature.
Expected<QUrl> checkEndpoint(const QString& text, bool allowQuery);

// The URL as it may appear in messages, logs and receipts: no user info, no query, no fragment.
QString displayUrl(const QUrl& url);

} // namespace supportzip::core::delivery
