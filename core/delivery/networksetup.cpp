// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/networksetup.h"

#include "delivery/endpointpolicy.h"

#include <QFile>
#include <QNetworkProxyFactory>
#include <QSslCertificate>

namespace supportzip::core::delivery {
namespace {

class DeliveryProxyFactory final : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override {
        return proxyFor(query.url());
    }
};

} // namespace

Expected<QSslConfiguration> tlsConfiguration(const QString& caFile) {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (caFile.isEmpty()) {
        return tls;
    }
    QFile file(caFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ReadFailed,
                         QStringLiteral("cannot read the CA file: %1").arg(file.errorString()),
                         caFile);
    }
    const auto certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("no PEM certificate in the CA file"), caFile);
    }
    tls.addCaCertificates(certificates);
    return tls;
}

std::unique_ptr<QNetworkAccessManager> makeNetworkAccessManager() {
    auto nam = std::make_unique<QNetworkAccessManager>();
    nam->setProxyFactory(new DeliveryProxyFactory); // the manager takes ownership
    return nam;
}

QList<QNetworkProxy> proxyFor(const QUrl& url) {
    if (isLoopbackHost(url.host())) {
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }
    auto proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return proxies.isEmpty() ? QList<QNetworkProxy>{QNetworkProxy(QNetworkProxy::NoProxy)}
                             : proxies;
}

} // namespace supportzip::core::delivery
