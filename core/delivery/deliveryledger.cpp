// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliveryledger.h"

#include "ledger/ledger.h"

namespace supportzip::core::delivery {

Expected<void> recordDeliveryInLedger(const DeliveryReceipt& receipt, const QString& vaultDir) {
    ledger::DeliveryReceipt entry;
    entry.endpoint = receipt.endpoint; // already without user info or query
    entry.requestKey = receipt.requestKey;
    entry.time = receipt.sentAt;
    entry.attachmentId =
        receipt.attachmentId.isEmpty() ? receipt.temporaryAttachmentId : receipt.attachmentId;
    entry.bytes = receipt.bytesSent;
    return ledger::Ledger(vaultDir).recordDelivery(receipt.bundleSha256, entry);
}

} // namespace supportzip::core::delivery
