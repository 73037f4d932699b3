// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/putupload.h"

#include "delivery/endpointpolicy.h"
#include "delivery/httpclient.h"

#include <QFile>
#include <QFileInfo>

namespace supportzip::core::delivery {

Expected<void> putBundle(HttpClient& http, const QUrl& url, const QString& bundlePath,
                         DeliveryReceipt& receipt) {
    const qint64 size = QFileInfo(bundlePath).size();
    QNetworkRequest request = http.request(url);
    request.setHeader(QNetworkRequest::ContentLengthHeader, size);
    HttpCall call;
    call.start = [request, bundlePath](QNetworkAccessManager& nam) -> Expected<QNetworkReply*> {
        auto file = std::make_unique<QFile>(bundlePath);
        if (!file->open(QIODevice::ReadOnly)) {
            return makeError(ErrorCode::ReadFailed,
                             QStringLiteral("cannot read the bundle: %1").arg(file->errorString()),
                             bundlePath);
        }
        // A random-access device of known size: Qt reads it in chunks as the socket drains.
        QNetworkReply* reply = nam.put(request, file.get());
        file.release()->setParent(reply);
        return reply;
    };
    call.context.kind = CallKind::PresignedPut;
    call.context.endpoint = displayUrl(url);
    call.context.bundleSize = size;
    call.stage = TransferProgress::Stage::Upload;
    call.uploadSize = size;
    auto response = http.send(call);
    if (!response) {
        return tl::unexpected(response.error());
    }
    receipt.attachmentId = QString::fromLatin1(response->etag).remove(u'"');
    receipt.fileName = QFileInfo(bundlePath).fileName();
    return {};
}

} // namespace supportzip::core::delivery
