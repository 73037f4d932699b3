// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/httpclient.h"

#include "delivery/networksetup.h"
#include "logging/logging.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

namespace supportzip::core::delivery {
namespace {

auto log() {
    return logging::logger("supportzip.core.delivery");
}

bool isSuccess(const HttpResponse& r) {
    return r.status >= 200 && r.status < 300 && r.error == QNetworkReply::NoError && !r.timedOut &&
           !r.cancelled;
}

QString failureReason(const HttpResponse& r) {
    return r.status != 0 ? QStringLiteral("HTTP %1").arg(r.status)
                         : QStringLiteral("network error %1").arg(static_cast<int>(r.error));
}

} // namespace

Expected<std::unique_ptr<HttpClient>> HttpClient::create(const TransferOptions& options,
                                                         const CancelToken* cancel,
                                                         TransferProgressCallback progress) {
    auto tls = tlsConfiguration(options.caFile);
    if (!tls) {
        return tl::unexpected(tls.error());
    }
    return std::unique_ptr<HttpClient>(
        new HttpClient(options, cancel, std::move(progress), std::move(*tls)));
}

HttpClient::HttpClient(const TransferOptions& options, const CancelToken* cancel,
                       TransferProgressCallback progress, QSslConfiguration tls)
    : m_options(options)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
    , m_tls(std::move(tls))
    , m_nam(makeNetworkAccessManager()) {
}

HttpClient::~HttpClient() = default;

QNetworkRequest HttpClient::request(const QUrl& url) const {
    QNetworkRequest r(url);
    r.setSslConfiguration(m_tls);
    // Never follow a redirect: it could carry the credentials or the bundle to another host.
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    r.setRawHeader("User-Agent", QByteArrayLiteral("supportzip/" SUPPORTZIP_VERSION));
    return r;
}

Expected<HttpResponse> HttpClient::send(const HttpCall& call) {
    CallContext context = call.context;
    context.inactivityTimeout = m_options.inactivityTimeout;
    const int attempts = std::max(1, m_options.retry.maxAttempts);
    for (int attempt = 1;; ++attempt) {
        RateMeter rate;
        rate.start();
        const UploadCallback onUpload = [&](qint64 sent, qint64) {
            if (call.uploadSize > 0) {
                // The multipart framing is not the bundle: report the bundle's bytes only.
                report({call.stage,
                        std::min(sent, call.uploadSize),
                        call.uploadSize,
                        rate.bytesPerSecond(sent),
                        attempt,
                        {},
                        {}});
            }
        };
        report({call.stage, 0, call.uploadSize, 0, attempt, {}, {}});
        auto response =
            runTransfer(*m_nam, call.start, {m_options.inactivityTimeout, m_cancel}, onUpload);
        if (!response) {
            return tl::unexpected(response.error());
        }
        if (isSuccess(*response)) {
            return response;
        }
        if (attempt >= attempts || !isTransient(*response)) {
            return tl::unexpected(describeFailure(*response, context));
        }
        if (!waitBeforeRetry(call, attempt + 1, *response)) {
            if (m_cancel != nullptr && m_cancel->isCancelled()) {
                return makeError(ErrorCode::Cancelled, QStringLiteral("sending was cancelled"));
            }
            return tl::unexpected(describeFailure(*response, context));
        }
    }
}

// Returns false when the failure is to be reported instead (cancelled while waiting, or the
// server asks for a longer pause than the policy allows).
bool HttpClient::waitBeforeRetry(const HttpCall& call, int nextAttempt,
                                 const HttpResponse& failed) {
    const auto& policy = m_options.retry;
    const auto retryAfter = parseRetryAfter(failed.retryAfter, QDateTime::currentDateTimeUtc());
    if (retryAfter && *retryAfter > policy.maxRetryAfter) {
        return false;
    }
    const auto delay = policy.delayBefore(nextAttempt - 1, retryAfter);
    log()->warn("{} failed ({}); attempt {} in {} ms", stageName(call.stage).toStdString(),
                failureReason(failed).toStdString(), nextAttempt, delay.count());
    report({TransferProgress::Stage::Waiting, 0, call.uploadSize, 0, nextAttempt, delay,
            failureReason(failed)});
    QEventLoop loop;
    QTimer done;
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_cancel != nullptr && m_cancel->isCancelled()) {
            loop.quit();
        }
    });
    done.start(std::chrono::milliseconds(
        static_cast<qint64>(static_cast<double>(delay.count()) * policy.timeScale)));
    poll.start(std::chrono::milliseconds(50));
    loop.exec();
    return m_cancel == nullptr || !m_cancel->isCancelled();
}

void HttpClient::report(TransferProgress p) const {
    if (m_progress) {
        m_progress(p);
    }
}

} // namespace supportzip::core::delivery
