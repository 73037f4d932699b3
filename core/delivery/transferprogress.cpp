// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/transferprogress.h"

#include "delivery/deliveryreceipt.h"

namespace supportzip::core::delivery {

QString stageName(TransferProgress::Stage stage) {
    switch (stage) {
    case TransferProgress::Stage::Verify:
        return QStringLiteral("verify");
    case TransferProgress::Stage::Lookup:
        return QStringLiteral("lookup");
    case TransferProgress::Stage::Upload:
        return QStringLiteral("upload");
    case TransferProgress::Stage::Attach:
        return QStringLiteral("attach");
    case TransferProgress::Stage::Waiting:
        return QStringLiteral("waiting");
    }
    return {};
}

QString deliveryKindName(DeliveryReceipt::Kind kind) {
    return kind == DeliveryReceipt::Kind::JsmRequest ? QStringLiteral("jsm")
                                                     : QStringLiteral("put");
}

void RateMeter::start() {
    m_timer.start();
}

double RateMeter::bytesPerSecond(qint64 bytes) const {
    const qint64 ms = m_timer.isValid() ? m_timer.elapsed() : 0;
    return ms > 0 ? static_cast<double>(bytes) * 1000.0 / static_cast<double>(ms) : 0.0;
}

} // namespace supportzip::core::delivery
