// SPDX-License-Identifier: GPL-3.0-or-later
// What a delivery needs besides the bundle: where to, as whom, and how patiently.
#pragma once

#include "delivery/retrypolicy.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>
#include <variant>

namespace supportzip::core::delivery {

// The token is held as bytes and only ever turned into an Authorization header; it has no
// toString and must never be put into a message, a log line or a receipt.
struct Credentials {
    enum class Scheme {
        Basic, // Jira Cloud: e-mail + API token
        Bearer // Jira Data Center: personal access token
    };
    Scheme scheme = Scheme::Basic;
    QString user; // e-mail (Basic only)
    QByteArray token;

    QByteArray authorizationHeader() const;
};

// Attach to an existing Jira Service Management customer request.
struct JsmDestination {
    QUrl baseUrl;       // https://example.atlassian.net or https://host/jira (context path kept)
    QString requestKey; // "SUP-123" (or the numeric issue id)
    Credentials credentials;
    QString comment; // empty: a default that names the file, its size and SHA-256
};

// HTTP PUT to a pre-signed URL (S3 style): the URL is the credential, nothing else is sent.
struct PutDestination {
    QUrl url;
};

using Destination = std::variant<JsmDestination, PutDestination>;

struct TransferOptions {
    QString caFile; // PEM file of extra CA certificates (private CAs); empty: system CAs only
    std::chrono::milliseconds inactivityTimeout{std::chrono::seconds(60)};
    RetryPolicy retry;
};

} // namespace supportzip::core::delivery
