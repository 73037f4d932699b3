// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/retrypolicy.h"

#include "delivery/httperrors.h"
#include "delivery/httptransfer.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace supportzip::core::delivery {

std::chrono::milliseconds
RetryPolicy::delayBefore(int retry, std::optional<std::chrono::milliseconds> retryAfter) const {
    if (retryAfter) {
        return *retryAfter;
    }
    auto delay = initialDelay;
    for (int i = 1; i < retry && delay < maxDelay; ++i) {
        delay *= 2;
    }
    return std::min(delay, maxDelay);
}

bool isTransient(const HttpResponse& r) {
    if (r.cancelled || r.timedOut || isProxyFailure(r)) {
        return false;
    }
    if (r.status != 0) {
        return r.status == 429 || (r.status >= 500 && r.status <= 599 && r.status != 501);
    }
    switch (r.error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray& value,
                                                         const QDateTime& nowUtc) {
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok) {
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(seconds * 1000))
                            : std::nullopt;
    }
    // RFC 9110 IMF-fixdate: "Wed, 21 Oct 2015 07:28:00 GMT" (English names whatever the locale).
    if (!v.endsWith(" GMT")) {
        return std::nullopt;
    }
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v.chopped(4)),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid()) {
        return std::nullopt;
    }
    when.setTimeZone(QTimeZone::utc());
    const qint64 ms = std::max<qint64>(0, nowUtc.msecsTo(when));
    return std::chrono::milliseconds(ms);
}

} // namespace supportzip::core::delivery
