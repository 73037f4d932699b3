// SPDX-License-Identifier: GPL-3.0-or-later
// The three Jira Service Management REST calls that attach a file to a customer request:
// GET request/{key} (its service desk), POST servicedesk/{id}/attachTemporaryFile (the bytes,
// streamed from the file as multipart field "file"), POST request/{key}/attachment (make the
// temporary file a public attachment with a comment). Same API on Cloud and Data Center.
#pragma once

#include "common/error.h"
#include "delivery/deliveryoptions.h"
#include "delivery/deliveryreceipt.h"
#include "delivery/httperrors.h"

namespace supportzip::core::delivery {

class HttpClient;

class JsmClient final {
public:
    // `http` must outlive the client.
    JsmClient(HttpClient& http, JsmDestination destination);

    // Errors: the delivery codes of describeFailure, MalformedInput (an answer without the
    // expected id), Cancelled.
    Expected<QString> lookupServiceDesk();
    Expected<QString> uploadTemporaryFile(const QString& serviceDeskId, const QString& bundlePath);
    // Fills attachmentId and fileName from the server's answer.
    Expected<void> attach(const QString& temporaryId, const QString& comment,
                          DeliveryReceipt& receipt);

    // "SUP-123" or a numeric issue id: safe to put into a URL path as it is.
    static bool isValidRequestKey(const QString& key);

private:
    QUrl apiUrl(const QString& path) const;
    QNetworkRequest apiRequest(const QString& path) const;
    CallContext context(CallKind kind, qint64 size = 0) const;

    HttpClient& m_http;
    JsmDestination m_destination;
};

} // namespace supportzip::core::delivery
