// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliveryoptions.h"

namespace supportzip::core::delivery {

QByteArray Credentials::authorizationHeader() const {
    if (scheme == Scheme::Bearer) {
        return QByteArrayLiteral("Bearer ") + token;
    }
    const QByteArray pair = user.toUtf8() + ':' + token;
    return QByteArrayLiteral("Basic ") + pair.toBase64();
}

} // namespace supportzip::core::delivery
