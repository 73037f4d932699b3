// SPDX-License-Identifier: GPL-3.0-or-later
// What a successful delivery leaves behind: enough for the local ledger to answer "where did
// this bundle go, when, and what did the server call it". Holds no credential: the endpoint is
// shown without user info or query (a pre-signed URL's query is its signature).
#pragma once

#include <QDateTime>
#include <QString>

namespace supportzip::core::delivery {

struct DeliveryReceipt {
    enum class Kind { JsmRequest, PresignedPut };
    Kind kind = Kind::JsmRequest;
    QString endpoint;   // JSM base URL, or the PUT URL without its query
    QString requestKey; // JSM request (ticket) key; empty for a PUT
    QDateTime sentAt;   // UTC, when the server confirmed
    QString serviceDeskId;
    QString temporaryAttachmentId; // JSM: the id attachTemporaryFile returned
    QString attachmentId;          // JSM: the attachment's id; PUT: the ETag, if any
    QString fileName;              // as the server stores it
    qint64 bytesSent = 0;          // the bundle's size (the file part, not multipart framing)
    QString bundleSha256;          // hex, of the bundle file as sent
};

QString deliveryKindName(DeliveryReceipt::Kind kind);

} // namespace supportzip::core::delivery
