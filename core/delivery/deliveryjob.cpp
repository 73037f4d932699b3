// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/deliveryjob.h"
#include "common/sha256.h"

#include "bundle/verifier.h"
#include "delivery/endpointpolicy.h"
#include "delivery/httpclient.h"
#include "delivery/jsmclient.h"
#include "delivery/putupload.h"
#include "logging/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace supportzip::core::delivery {
namespace {

auto log() {
    return logging::logger("supportzip.core.delivery");
}

Expected<QString> sha256Of(const QString& path, const CancelToken& cancel) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ReadFailed, file.errorString(), path);
    }
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (qint64 n = 0; (n = file.read(buffer.data(), buffer.size())) > 0;) {
        if (cancel.isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("sending was cancelled"));
        }
        hash.addData(QByteArrayView(buffer.constData(), n));
    }
    return hash.hexResult();
}

QString defaultComment(const DeliveryReceipt& r) {
    return QStringLiteral("Support bundle %1 (%2 bytes, SHA-256 %3), sanitized and sent with "
                          "supportzip. Check it with: supportzip verify %1")
        .arg(QFileInfo(r.fileName).fileName())
        .arg(r.bytesSent)
        .arg(r.bundleSha256);
}

Expected<void> sendToJsm(HttpClient& http, const JsmDestination& target, const QString& bundle,
                         DeliveryReceipt& receipt) {
    JsmClient client(http, target);
    auto serviceDesk = client.lookupServiceDesk();
    if (!serviceDesk) {
        return tl::unexpected(serviceDesk.error());
    }
    receipt.serviceDeskId = *serviceDesk;
    auto temporaryId = client.uploadTemporaryFile(*serviceDesk, bundle);
    if (!temporaryId) {
        return tl::unexpected(temporaryId.error());
    }
    receipt.temporaryAttachmentId = *temporaryId;
    return client.attach(
        *temporaryId, target.comment.isEmpty() ? defaultComment(receipt) : target.comment, receipt);
}

} // namespace

DeliveryJob::DeliveryJob(DeliveryRequest request)
    : m_request(std::move(request)) {
}

Expected<void> DeliveryJob::checkDestination(const Destination& destination, bool withCredentials) {
    if (const auto* put = std::get_if<PutDestination>(&destination)) {
        auto url = checkEndpoint(put->url.toString(QUrl::FullyEncoded), true);
        return url ? Expected<void>() : tl::unexpected(url.error());
    }
    const auto& jsm = std::get<JsmDestination>(destination);
    if (auto url = checkEndpoint(jsm.baseUrl.toString(QUrl::FullyEncoded), false); !url) {
        return tl::unexpected(url.error());
    }
    if (!JsmClient::isValidRequestKey(jsm.requestKey)) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a request key looks like SUP-123"));
    }
    if (!withCredentials) {
        return {};
    }
    if (jsm.credentials.token.isEmpty() ||
        (jsm.credentials.scheme == Credentials::Scheme::Basic && jsm.credentials.user.isEmpty())) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the portal needs --user EMAIL and a token (or --bearer "
                                        "and a personal access token)"));
    }
    return {};
}

Expected<DeliveryReceipt> DeliveryJob::verifyAndHash(const TransferProgressCallback& progress) {
    const QString& path = m_request.bundlePath;
    if (!QFileInfo(path).isFile()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("no such bundle"), path);
    }
    if (progress) {
        progress({TransferProgress::Stage::Verify, 0, QFileInfo(path).size(), 0, 1, {}, {}});
    }
    auto report = bundle::verifyBundle(path, &m_cancel, m_request.bundlePassword);
    if (!report) {
        return tl::unexpected(report.error());
    }
    if (!report->intact()) {
        return makeError(ErrorCode::VerificationFailed,
                         QStringLiteral("the bundle does not match its manifest (%1 problems, "
                                        "e.g. %2: %3); it was not sent. See 'supportzip verify'")
                             .arg(report->issues.size())
                             .arg(report->issues.first().member, report->issues.first().problem),
                         path);
    }
    auto sha = sha256Of(path, m_cancel);
    if (!sha) {
        return tl::unexpected(sha.error());
    }
    DeliveryReceipt receipt;
    receipt.bundleSha256 = *sha;
    receipt.bytesSent = QFileInfo(path).size();
    receipt.fileName = QFileInfo(path).fileName();
    return receipt;
}

Expected<DeliveryReceipt> DeliveryJob::run(const TransferProgressCallback& progress) {
    if (auto ok = checkDestination(m_request.destination); !ok) {
        return tl::unexpected(ok.error());
    }
    auto receipt = verifyAndHash(progress);
    if (!receipt) {
        return receipt;
    }
    auto http = HttpClient::create(m_request.options, &m_cancel, progress);
    if (!http) {
        return tl::unexpected(http.error());
    }
    Expected<void> sent;
    if (const auto* put = std::get_if<PutDestination>(&m_request.destination)) {
        receipt->kind = DeliveryReceipt::Kind::PresignedPut;
        receipt->endpoint = displayUrl(put->url);
        log()->info("sending a bundle by PUT to {}", receipt->endpoint.toStdString());
        sent = putBundle(**http, put->url, m_request.bundlePath, *receipt);
    } else {
        const auto& jsm = std::get<JsmDestination>(m_request.destination);
        receipt->kind = DeliveryReceipt::Kind::JsmRequest;
        receipt->endpoint = displayUrl(jsm.baseUrl);
        receipt->requestKey = jsm.requestKey;
        log()->info("sending a bundle to request {} at {}", jsm.requestKey.toStdString(),
                    receipt->endpoint.toStdString());
        sent = sendToJsm(**http, jsm, m_request.bundlePath, *receipt);
    }
    if (!sent) {
        log()->warn("sending failed: {}", errorCodeName(sent.error().code).toStdString());
        return tl::unexpected(sent.error());
    }
    receipt->sentAt = QDateTime::currentDateTimeUtc();
    log()->info("sent {} bytes; attachment id {}", receipt->bytesSent,
                receipt->attachmentId.toStdString());
    return receipt;
}

} // namespace supportzip::core::delivery
