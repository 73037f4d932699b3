// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/endpointpolicy.h"

#include <QHostAddress>

namespace supportzip::core::delivery {

bool isLoopbackHost(const QString& host) {
    QString h = host.toLower();
    if (h.endsWith(u'.')) {
        h.chop(1);
    }
    if (h == QStringLiteral("localhost")) {
        return true;
    }
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

Expected<QUrl> checkEndpoint(const QString& text, bool allowQuery) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("not a valid URL (expected https://host/...)"));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("http") && !isLoopbackHost(url.host())) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("refusing plain http:// to %1: bundles and credentials "
                                        "are only sent over https://")
                             .arg(url.host()));
    }
    if (scheme != QStringLiteral("https") && scheme != QStringLiteral("http")) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("unsupported URL scheme '%1' (use https://)").arg(scheme));
    }
    if (!url.userInfo().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the URL must not contain a user name or password; use "
                                        "--user and --token-file"));
    }
    if (!allowQuery && (url.hasQuery() || url.hasFragment())) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the portal's base URL must not have a query or fragment "
                                        "(e.g. https://example.atlassian.net)"));
    }
    return url;
}

QString displayUrl(const QUrl& url) {
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

} // namespace supportzip::core::delivery
