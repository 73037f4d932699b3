// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/httperrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace supportzip::core::delivery {
namespace {

constexpr qsizetype kMaxQuoted = 300;

QString what(const CallContext& c) {
    switch (c.kind) {
    case CallKind::LookupRequest:
        return QStringLiteral("looking up request %1").arg(c.requestKey);
    case CallKind::UploadTemporary:
        return QStringLiteral("uploading the bundle");
    case CallKind::AttachToRequest:
        return QStringLiteral("attaching the bundle to %1").arg(c.requestKey);
    case CallKind::PresignedPut:
        return QStringLiteral("uploading the bundle");
    }
    return {};
}

QString withServerText(QString message, const HttpResponse& r, const CallContext& c) {
    const QString quoted = serverMessage(r.body, c.secret);
    return quoted.isEmpty() ? message : message + QStringLiteral(" (server: \"%1\")").arg(quoted);
}

// Qt's error texts may quote the URL; a pre-signed URL's query is its signature.
QString withoutQueries(QString text) {
    static const QRegularExpression query(QStringLiteral("\\?[^\\s]*"));
    text.replace(query, QString());
    return text.isEmpty() ? QStringLiteral("network error") : text;
}

Error transportFailure(const HttpResponse& r, const CallContext& c) {
    if (r.timedOut) {
        return {ErrorCode::NetworkTimeout,
                QStringLiteral("no progress for %1 s while %2 at %3; check the network or proxy, "
                               "or allow more time with --timeout")
                    .arg(c.inactivityTimeout.count() / 1000.0)
                    .arg(what(c), c.endpoint),
                {}};
    }
    if (!r.sslErrors.isEmpty() || r.error == QNetworkReply::SslHandshakeFailedError) {
        const QString details = r.sslErrors.isEmpty() ? QStringLiteral("TLS handshake failed")
                                                      : r.sslErrors.join(QStringLiteral("; "));
        return {ErrorCode::TlsFailed,
                QStringLiteral("no trusted HTTPS connection to %1: %2. If the server (or a "
                               "TLS-inspecting proxy) uses a private CA, pass it with --ca-file")
                    .arg(c.endpoint, details),
                {}};
    }
    if (isProxyFailure(r)) {
        return {
            ErrorCode::ProxyFailed,
            QStringLiteral("the proxy failed while %1 (%2); check HTTPS_PROXY / NO_PROXY or "
                           "the system proxy settings")
                .arg(what(c), r.error == QNetworkReply::ProxyAuthenticationRequiredError
                                  ? QStringLiteral("it requires authentication")
                                  : QStringLiteral("it refused, closed or could not be reached")),
            {}};
    }
    QString reason;
    switch (r.error) {
    case QNetworkReply::HostNotFoundError:
        reason = QStringLiteral("host not found (check the URL and DNS)");
        break;
    case QNetworkReply::ConnectionRefusedError:
        reason = QStringLiteral("connection refused");
        break;
    case QNetworkReply::RemoteHostClosedError:
        reason = QStringLiteral("the server closed the connection");
        break;
    default:
        reason = withoutQueries(r.errorText);
    }
    return {ErrorCode::NetworkFailed,
            QStringLiteral("%1 at %2 failed: %3").arg(what(c), c.endpoint, reason),
            {}};
}

Error httpFailure(const HttpResponse& r, const CallContext& c) {
    const bool jsm = c.kind != CallKind::PresignedPut;
    if (jsm && r.status >= 400 && r.status < 500 && saysAttachmentsDisabled(r.body)) {
        return {ErrorCode::AttachmentsDisabled,
                withServerText(QStringLiteral("the service desk of %1 does not accept "
                                              "attachments; ask the vendor for another way "
                                              "(for example an upload URL for --put-url)")
                                   .arg(c.requestKey),
                               r, c),
                {}};
    }
    switch (r.status) {
    case 401:
        return {ErrorCode::AuthenticationFailed,
                jsm ? QStringLiteral("authentication failed at %1: check --user and the token "
                                     "(Cloud: e-mail + API token; Data Center: a personal access "
                                     "token with --bearer)")
                          .arg(c.endpoint)
                    : QStringLiteral("the upload URL was not accepted (HTTP 401); ask for a new "
                                     "one"),
                {}};
    case 403:
        return {ErrorCode::AccessDenied,
                withServerText(jsm ? QStringLiteral("the account may not attach files to %1 "
                                                    "(HTTP 403 while %2)")
                                         .arg(c.requestKey, what(c))
                                   : QStringLiteral("the upload URL was refused (HTTP 403): it "
                                                    "may have expired; ask for a new one"),
                               r, c),
                {}};
    case 404:
        return {ErrorCode::RemoteNotFound,
                c.kind == CallKind::LookupRequest
                    ? QStringLiteral("request %1 was not found at %2, or the account cannot see "
                                     "it; check --request and --jsm")
                          .arg(c.requestKey, c.endpoint)
                    : withServerText(QStringLiteral("%1 failed: not found (HTTP 404) at %2")
                                         .arg(what(c), c.endpoint),
                                     r, c),
                {}};
    case 413:
        return {ErrorCode::TooLarge,
                QStringLiteral("the bundle (%1 MB) is larger than %2 accepts (HTTP 413); make it "
                               "smaller with --max-total-size or --since, or ask for an upload "
                               "URL (--put-url)")
                    .arg(static_cast<double>(c.bundleSize) / (1024.0 * 1024.0), 0, 'f', 1)
                    .arg(c.endpoint),
                {}};
    default:
        break;
    }
    if (r.status >= 300 && r.status < 400) {
        const QUrl target(QString::fromLatin1(r.location));
        return {ErrorCode::NetworkFailed,
                QStringLiteral("%1 redirected to %2; redirects are not followed with your "
                               "credentials or bundle: use the final address")
                    .arg(c.endpoint, target.host().isEmpty() ? QStringLiteral("another address")
                                                             : target.host()),
                {}};
    }
    return {
        ErrorCode::NetworkFailed,
        withServerText(
            QStringLiteral("%1 failed: %2 answered HTTP %3").arg(what(c), c.endpoint).arg(r.status),
            r, c),
        {}};
}

} // namespace

bool isProxyFailure(const HttpResponse& r) {
    // Some proxy failures (a CONNECT answered 403 or 502) reach the reply only as an unknown
    // network error with the socket's text, "Proxy denied connection".
    return (r.error >= QNetworkReply::ProxyConnectionRefusedError &&
            r.error <= QNetworkReply::UnknownProxyError) ||
           (r.status == 0 && r.errorText.contains(QStringLiteral("proxy"), Qt::CaseInsensitive));
}

bool saysAttachmentsDisabled(const QByteArray& body) {
    const QString text = QString::fromUtf8(body.left(kMaxResponseBody)).toLower();
    static const QRegularExpression disabled(
        QStringLiteral("attachments?[^\"]{0,60}(disabled|not enabled|turned off)|"
                       "attachment[a-z._-]{0,40}\\.disabled"));
    return disabled.match(text).hasMatch();
}

QString serverMessage(const QByteArray& body, const QByteArray& secret) {
    QString text;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.contains(QStringLiteral("errorMessage"))) {
        text = o.value(QStringLiteral("errorMessage")).toString();
    } else if (o.contains(QStringLiteral("errorMessages"))) {
        QStringList parts;
        for (const QJsonValue& v : o.value(QStringLiteral("errorMessages")).toArray()) {
            parts << v.toString();
        }
        text = parts.join(QStringLiteral("; "));
    } else {
        static const QRegularExpression s3(QStringLiteral("<Message>([^<]*)</Message>"));
        text = s3.match(QString::fromUtf8(body)).captured(1);
    }
    if (!secret.isEmpty()) {
        text.replace(QString::fromUtf8(secret), QStringLiteral("[token]"));
    }
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]+"));
    text.replace(control, QStringLiteral(" "));
    return text.size() > kMaxQuoted ? text.left(kMaxQuoted) + QStringLiteral("...")
                                    : text.trimmed();
}

Error describeFailure(const HttpResponse& response, const CallContext& context) {
    if (response.cancelled) {
        return {ErrorCode::Cancelled, QStringLiteral("sending was cancelled"), {}};
    }
    return response.status == 0 ? transportFailure(response, context)
                                : httpFailure(response, context);
}

} // namespace supportzip::core::delivery
