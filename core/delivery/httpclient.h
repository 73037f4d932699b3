// SPDX-License-Identifier: GPL-3.0-or-later
// The network side of a delivery: one QNetworkAccessManager configured for safety (verified
// TLS with optional extra CAs, the system / environment proxy, no redirects, no cache), and
// send(), which runs a call with retries and returns its successful response or an Error.
// Thread affinity: create, use and destroy on one thread (the one running the job).
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "delivery/deliveryoptions.h"
#include "delivery/httperrors.h"
#include "delivery/httptransfer.h"
#include "delivery/transferprogress.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <memory>

namespace supportzip::core::delivery {

struct HttpCall {
    RequestStarter start; // builds a fresh request (and body) for each attempt
    CallContext context;  // for error messages
    TransferProgress::Stage stage = TransferProgress::Stage::Lookup;
    qint64 uploadSize = 0; // bytes of the bundle in this call (0: no bundle)
};

class HttpClient final {
public:
    // Errors: ReadFailed / MalformedInput when the CA file cannot be read or holds no
    // certificate.
    static Expected<std::unique_ptr<HttpClient>> create(const TransferOptions& options,
                                                        const CancelToken* cancel,
                                                        TransferProgressCallback progress);
    ~HttpClient();
    Q_DISABLE_COPY_MOVE(HttpClient)

    // A request with the TLS configuration and the safe defaults set.
    QNetworkRequest request(const QUrl& url) const;
    QNetworkAccessManager& manager() { return *m_nam; }

    // Runs the call until a 2xx (returned), a permanent failure or the last attempt (an Error
    // from describeFailure), or a cancel (Cancelled).
    Expected<HttpResponse> send(const HttpCall& call);

private:
    HttpClient(const TransferOptions& options, const CancelToken* cancel,
               TransferProgressCallback progress, QSslConfiguration tls);
    bool waitBeforeRetry(const HttpCall& call, int nextAttempt, const HttpResponse& failed);
    void report(TransferProgress p) const;

    TransferOptions m_options;
    const CancelToken* m_cancel;
    TransferProgressCallback m_progress;
    QSslConfiguration m_tls;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace supportzip::core::delivery
