// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/jsmclient.h"

#include "delivery/endpointpolicy.h"
#include "delivery/httpclient.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace supportzip::core::delivery {
namespace {

QJsonObject jsonObject(const QByteArray& body) {
    return QJsonDocument::fromJson(body).object();
}

// JSON ids come as strings on Cloud and sometimes as numbers on older Data Center versions.
QString idText(const QJsonValue& v) {
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

Error unexpectedAnswer(const QString& what) {
    return {ErrorCode::MalformedInput,
            QStringLiteral("the portal's answer to %1 has no id; is the URL a Jira Service "
                           "Management site?")
                .arg(what),
            {}};
}

// The file name goes into a quoted header parameter: keep it printable and quote-free.
QString safeFileName(const QString& path) {
    QString name = QFileInfo(path).fileName();
    static const QRegularExpression unsafe(QStringLiteral("[\\x00-\\x1f\\x7f\"\\\\]"));
    name.replace(unsafe, QStringLiteral("_"));
    return name;
}

Expected<QNetworkReply*> startMultipartUpload(QNetworkAccessManager& nam,
                                              const QNetworkRequest& request,
                                              const QString& bundlePath) {
    auto file = std::make_unique<QFile>(bundlePath);
    if (!file->open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ReadFailed,
                         QStringLiteral("cannot read the bundle: %1").arg(file->errorString()),
                         bundlePath);
    }
    auto multipart = std::make_unique<QHttpMultiPart>(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/zip"));
    part.setHeader(
        QNetworkRequest::ContentDispositionHeader,
        QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(safeFileName(bundlePath)));
    // Streamed from the file in small reads by Qt: the bundle is never held in memory.
    part.setBodyDevice(file.get());
    file.release()->setParent(multipart.get());
    multipart->append(part);
    QNetworkReply* reply = nam.post(request, multipart.get());
    multipart.release()->setParent(reply);
    return reply;
}

} // namespace

JsmClient::JsmClient(HttpClient& http, JsmDestination destination)
    : m_http(http)
    , m_destination(std::move(destination)) {
}

bool JsmClient::isValidRequestKey(const QString& key) {
    static const QRegularExpression re(QStringLiteral("^([A-Za-z][A-Za-z0-9_]*-[0-9]+|[0-9]+)$"));
    return re.match(key).hasMatch();
}

QUrl JsmClient::apiUrl(const QString& path) const {
    QUrl url = m_destination.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + QStringLiteral("/rest/servicedeskapi/") + path);
    return url;
}

QNetworkRequest JsmClient::apiRequest(const QString& path) const {
    QNetworkRequest r = m_http.request(apiUrl(path));
    r.setRawHeader("Authorization", m_destination.credentials.authorizationHeader());
    r.setRawHeader("Accept", "application/json");
    return r;
}

CallContext JsmClient::context(CallKind kind, qint64 size) const {
    CallContext c;
    c.kind = kind;
    c.endpoint = displayUrl(m_destination.baseUrl);
    c.requestKey = m_destination.requestKey;
    c.bundleSize = size;
    c.secret = m_destination.credentials.token;
    return c;
}

Expected<QString> JsmClient::lookupServiceDesk() {
    const QNetworkRequest request =
        apiRequest(QStringLiteral("request/") + m_destination.requestKey);
    HttpCall call;
    call.start = [request](QNetworkAccessManager& nam) -> Expected<QNetworkReply*> {
        return nam.get(request);
    };
    call.context = context(CallKind::LookupRequest);
    call.stage = TransferProgress::Stage::Lookup;
    auto response = m_http.send(call);
    if (!response) {
        return tl::unexpected(response.error());
    }
    const QString id = idText(jsonObject(response->body).value(QStringLiteral("serviceDeskId")));
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (!digits.match(id).hasMatch()) {
        return tl::unexpected(unexpectedAnswer(QStringLiteral("the request lookup")));
    }
    return id;
}

Expected<QString> JsmClient::uploadTemporaryFile(const QString& serviceDeskId,
                                                 const QString& bundlePath) {
    QNetworkRequest request =
        apiRequest(QStringLiteral("servicedesk/%1/attachTemporaryFile").arg(serviceDeskId));
    request.setRawHeader("X-Atlassian-Token", "no-check");
    request.setRawHeader("X-ExperimentalApi", "opt-in");
    const qint64 size = QFileInfo(bundlePath).size();
    HttpCall call;
    call.start = [request, bundlePath](QNetworkAccessManager& nam) {
        return startMultipartUpload(nam, request, bundlePath);
    };
    call.context = context(CallKind::UploadTemporary, size);
    call.stage = TransferProgress::Stage::Upload;
    call.uploadSize = size;
    auto response = m_http.send(call);
    if (!response) {
        return tl::unexpected(response.error());
    }
    const QJsonArray files =
        jsonObject(response->body).value(QStringLiteral("temporaryAttachments")).toArray();
    const QString id =
        files.isEmpty()
            ? QString()
            : idText(files.first().toObject().value(QStringLiteral("temporaryAttachmentId")));
    if (id.isEmpty()) {
        return tl::unexpected(unexpectedAnswer(QStringLiteral("the upload")));
    }
    return id;
}

Expected<void> JsmClient::attach(const QString& temporaryId, const QString& comment,
                                 DeliveryReceipt& receipt) {
    QNetworkRequest request =
        apiRequest(QStringLiteral("request/%1/attachment").arg(m_destination.requestKey));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{
                          {QStringLiteral("temporaryAttachmentIds"), QJsonArray{temporaryId}},
                          {QStringLiteral("public"), true},
                          {QStringLiteral("additionalComment"),
                           QJsonObject{{QStringLiteral("body"), comment}}},
                      })
            .toJson(QJsonDocument::Compact);
    HttpCall call;
    call.start = [request, body](QNetworkAccessManager& nam) -> Expected<QNetworkReply*> {
        return nam.post(request, body);
    };
    call.context = context(CallKind::AttachToRequest);
    call.stage = TransferProgress::Stage::Attach;
    auto response = m_http.send(call);
    if (!response) {
        return tl::unexpected(response.error());
    }
    // {"attachments": {"values": [{"filename": ..., "_links": {"self": ".../attachment/10001"}}]}}
    const QJsonArray values = jsonObject(response->body)
                                  .value(QStringLiteral("attachments"))
                                  .toObject()
                                  .value(QStringLiteral("values"))
                                  .toArray();
    const QJsonObject first = values.isEmpty() ? QJsonObject() : values.first().toObject();
    receipt.fileName = first.value(QStringLiteral("filename")).toString();
    receipt.attachmentId = idText(first.value(QStringLiteral("id")));
    if (receipt.attachmentId.isEmpty()) {
        const QString self = first.value(QStringLiteral("_links"))
                                 .toObject()
                                 .value(QStringLiteral("self"))
                                 .toString();
        receipt.attachmentId = self.section(u'/', -1);
    }
    return {};
}

} // namespace supportzip::core::delivery
