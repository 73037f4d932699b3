// SPDX-License-Identifier: GPL-3.0-or-later
// Turns a failed HTTP exchange into an Error the user can act on, with a distinct code for each
// case the CLI maps to an exit code. Server texts are quoted only briefly, cleaned of control
// characters and of the token; URLs are shown without their query (a signature).
#pragma once

#include "common/error.h"
#include "delivery/httptransfer.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace supportzip::core::delivery {

enum class CallKind {
    LookupRequest,   // JSM GET request
    UploadTemporary, // JSM attachTemporaryFile
    AttachToRequest, // JSM request attachment
    PresignedPut,
};

struct CallContext {
    CallKind kind = CallKind::LookupRequest;
    QString endpoint;   // display form (no query)
    QString requestKey; // JSM only
    qint64 bundleSize = 0;
    std::chrono::milliseconds inactivityTimeout{0};
    QByteArray secret; // removed from any server text that is quoted
};

// The proxy refused, closed, needs authentication or cannot be reached.
bool isProxyFailure(const HttpResponse& response);

// The JSM answer that means "this service desk does not take attachments" (it comes as a 4xx
// with an errorMessage / i18n key naming attachments as disabled or not enabled).
bool saysAttachmentsDisabled(const QByteArray& body);

// A short, printable excerpt of the server's own error text (JSON errorMessage(s), S3 <Message>),
// or empty.
QString serverMessage(const QByteArray& body, const QByteArray& secret);

// Precondition: the response is a failure (not a 2xx).
Error describeFailure(const HttpResponse& response, const CallContext& context);

} // namespace supportzip::core::delivery
