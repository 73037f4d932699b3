// SPDX-License-Identifier: GPL-3.0-or-later
// One delivery: verify the bundle against its manifest (a bundle that fails is never sent),
// hash it, then attach it to a JSM request or PUT it to a pre-signed URL.
//
// run() is synchronous and runs Qt's networking in a local event loop on the calling thread:
// call it where no other event loop needs the thread meanwhile (the CLI's main thread, a
// QThreadPool worker for the GUI). requestCancel() may be called from any thread, or from the
// progress callback; the transfer is aborted within ~50 ms and run() returns Cancelled.
// The tool opens a connection only to the destination's host (and the configured proxy).
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"
#include "delivery/deliveryoptions.h"
#include "delivery/deliveryreceipt.h"
#include "delivery/transferprogress.h"

namespace supportzip::core::delivery {

struct DeliveryRequest {
    QString bundlePath;
    Destination destination;
    TransferOptions options;
    // An encrypted bundle is verified like any other before it is sent, so it needs its password
    // (PasswordRequired without it): nothing leaves unverified.
    Secret bundlePassword = {};
};

class DeliveryJob final {
public:
    explicit DeliveryJob(DeliveryRequest request);

    // Errors: InvalidArgument (bad URL, plain http to a non-loopback host, bad request key, no
    // token), NotFound (no bundle), VerificationFailed (nothing was sent), PasswordRequired and
    // WrongPassword (an encrypted bundle), Cancelled, and the
    // delivery codes (AuthenticationFailed, AccessDenied, RemoteNotFound, AttachmentsDisabled,
    // TooLarge, NetworkTimeout, TlsFailed, ProxyFailed, NetworkFailed).
    Expected<DeliveryReceipt> run(const TransferProgressCallback& progress = {});
    void requestCancel() { m_cancel.requestCancel(); }

    // Checks what can be checked without the network or the bundle (for early usage errors);
    // the token only when withCredentials (a front end checks the rest before asking for it).
    static Expected<void> checkDestination(const Destination& destination,
                                           bool withCredentials = true);

private:
    Expected<DeliveryReceipt> verifyAndHash(const TransferProgressCallback& progress);

    DeliveryRequest m_request;
    CancelToken m_cancel;
};

} // namespace supportzip::core::delivery
