// SPDX-License-Identifier: GPL-3.0-or-later
// What the sending code reports after a bundle reached its recipient, for the local ledger
// (Ledger::recordDelivery). Filled by core/deliver; read back with the bundle's ledger record.
#pragma once

#include <QDateTime>
#include <QString>

namespace supportzip::core::ledger {

struct DeliveryReceipt {
    // Where it went: a Jira Service Management base URL or an upload URL. The ledger stores it
    // without query and user info, because a pre-signed URL's query is a credential.
    QString endpoint;
    QString requestKey;   // the ticket it was attached to (SUP-123), if any
    QDateTime time;       // when the upload completed (UTC)
    QString attachmentId; // the recipient's id for the upload, if it returned one
    qint64 bytes = 0;     // bytes sent
};

} // namespace supportzip::core::ledger
