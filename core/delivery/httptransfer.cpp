// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/httptransfer.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace supportzip::core::delivery {
namespace {

// Watches one reply: restarts the inactivity timer on every byte, polls the cancel token,
// collects a capped body. Lives on the stack of runTransfer.
class ReplyWatch {
public:
    ReplyWatch(QNetworkReply* reply, const TransferLimits& limits, const UploadCallback& onUpload)
        : m_reply(reply)
        , m_limits(limits)
        , m_onUpload(onUpload) {
        m_idle.setSingleShot(true);
        m_idle.setInterval(limits.inactivityTimeout);
        m_poll.setInterval(std::chrono::milliseconds(50));
        QObject::connect(&m_idle, &QTimer::timeout, reply, [this] { stop(true); });
        QObject::connect(&m_poll, &QTimer::timeout, reply, [this] { pollCancel(); });
        QObject::connect(reply, &QNetworkReply::uploadProgress, reply,
                         [this](qint64 sent, qint64 total) { uploaded(sent, total); });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] { readSome(); });
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] { m_idle.start(); });
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [this](const QList<QSslError>& errors) {
                             for (const QSslError& e : errors) {
                                 m_response.sslErrors << e.errorString();
                             }
                         });
        m_idle.start();
        m_poll.start();
    }

    HttpResponse& response() { return m_response; }

    void finish() {
        m_idle.stop();
        m_poll.stop();
        readSome();
        auto& r = m_response;
        r.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = m_reply->error();
        r.errorText = r.error == QNetworkReply::NoError ? QString() : m_reply->errorString();
        r.retryAfter = m_reply->rawHeader("Retry-After");
        r.etag = m_reply->rawHeader("ETag");
        r.location = m_reply->rawHeader("Location");
    }

private:
    void uploaded(qint64 sent, qint64 total) {
        m_idle.start();
        m_response.bytesUploaded = sent;
        if (m_onUpload && sent > 0) {
            m_onUpload(sent, total);
        }
        pollCancel();
    }

    void readSome() {
        if (!m_reply->isOpen()) {
            return; // aborted
        }
        m_idle.start();
        const qint64 room = kMaxResponseBody - m_response.body.size();
        if (room > 0) {
            m_response.body += m_reply->read(room);
        }
        m_reply->readAll(); // beyond the cap: drained and dropped, never held
    }

    void pollCancel() {
        if (m_limits.cancel != nullptr && m_limits.cancel->isCancelled()) {
            stop(false);
        }
    }

    void stop(bool timedOut) {
        if (m_reply->isFinished()) {
            return;
        }
        (timedOut ? m_response.timedOut : m_response.cancelled) = true;
        m_reply->abort();
    }

    QNetworkReply* m_reply;
    TransferLimits m_limits;
    const UploadCallback& m_onUpload;
    QTimer m_idle;
    QTimer m_poll;
    HttpResponse m_response;
};

} // namespace

Expected<HttpResponse> runTransfer(QNetworkAccessManager& nam, const RequestStarter& start,
                                   const TransferLimits& limits, const UploadCallback& onUpload) {
    if (limits.cancel != nullptr && limits.cancel->isCancelled()) {
        HttpResponse cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    auto started = start(nam);
    if (!started) {
        return tl::unexpected(started.error());
    }
    std::unique_ptr<QNetworkReply> reply(*started);
    QEventLoop loop;
    ReplyWatch watch(reply.get(), limits, onUpload);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    watch.finish();
    return std::move(watch.response());
}

} // namespace supportzip::core::delivery
