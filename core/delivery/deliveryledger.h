// SPDX-License-Identifier: GPL-3.0-or-later
// After a delivery: the local ledger records where the bundle went, so the admin can answer
// later to whom it was sent. One call for the CLI and the GUI.
#pragma once

#include "common/error.h"
#include "delivery/deliveryreceipt.h"

namespace supportzip::core::delivery {

// Errors: NotFound when the ledger holds no bundle with the receipt's SHA-256 (written on
// another machine, or before the ledger existed): the delivery happened, so callers warn rather
// than fail. WriteFailed when the ledger cannot be written.
Expected<void> recordDeliveryInLedger(const DeliveryReceipt& receipt, const QString& vaultDir);

} // namespace supportzip::core::delivery
