// SPDX-License-Identifier: GPL-3.0-or-later
// One HTTP exchange, run to completion in a local event loop on the calling thread: the thread
// must not be running another event loop that expects to keep control (the CLI's main thread
// before exec(), a QThreadPool worker, a test function). No retries here (see HttpClient).
#pragma once

#include "common/error.h"
#include "common/progress.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QStringList>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace supportzip::core::delivery {

struct HttpResponse {
    int status = 0;  // 0: no HTTP response arrived
    QByteArray body; // at most kMaxResponseBody bytes: error texts and small JSON only
    QByteArray retryAfter;
    QByteArray etag;
    QByteArray location; // of a 3xx answer (never followed)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;     // Qt's description of a network error (may name the URL)
    QStringList sslErrors; // Qt's descriptions of certificate problems
    bool timedOut = false;
    bool cancelled = false;
    qint64 bytesUploaded = 0;
};

inline constexpr qint64 kMaxResponseBody = 1 << 20;

// Starts the request on `nam` and returns its reply (the body device, if any, parented to the
// reply), or an error when the body cannot be opened. Called once per attempt.
using RequestStarter = std::function<Expected<QNetworkReply*>(QNetworkAccessManager& nam)>;
// Upload progress of the current attempt: bytes sent, bytes in all (may be -1 when unknown).
using UploadCallback = std::function<void(qint64 sent, qint64 total)>;

struct TransferLimits {
    std::chrono::milliseconds inactivityTimeout{60000}; // no byte sent or received for this long
    const CancelToken* cancel = nullptr;                // polled every 50 ms and after progress
};

// Errors only from the starter; every network outcome is described in the response.
Expected<HttpResponse> runTransfer(QNetworkAccessManager& nam, const RequestStarter& start,
                                   const TransferLimits& limits, const UploadCallback& onUpload);

} // namespace supportzip::core::delivery
