// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP PUT of the bundle to a pre-signed URL (S3, GCS, Azure SAS style). The URL's query is the
// credential: no Authorization header, no Content-Type (a signature may cover it), and the URL
// is shown without its query everywhere.
#pragma once

#include "common/error.h"
#include "delivery/deliveryreceipt.h"

#include <QUrl>

namespace supportzip::core::delivery {

class HttpClient;

// Streams the file with its Content-Length; fills attachmentId with the ETag when the server
// sends one. Errors: the delivery codes of describeFailure, ReadFailed, Cancelled.
Expected<void> putBundle(HttpClient& http, const QUrl& url, const QString& bundlePath,
                         DeliveryReceipt& receipt);

} // namespace supportzip::core::delivery
