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

bool excludedByNoProxy(const QString& host, const QString& noProxy) {
    const QString h = host.toLower();
    for (QString entry : noProxy.split(u',', Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == QStringLiteral("*")) {
            return true;
        }
        if (entry.startsWith(QStringLiteral("*."))) {
            entry.remove(0, 1);
        }
        if (entry.startsWith(u'.')) {
            entry.remove(0, 1);
        }
        if (!entry.isEmpty() && (h == entry || h.endsWith(u'.' + entry))) {
            return true;
        }
    }
    return false;
}

QList<QNetworkProxy> proxyFor(const QUrl& url) {
    // libproxy (behind Qt's system configuration) reads NO_PROXY too, but matches "example.com"
    // against that host only; admins expect curl's rule, where it covers subdomains as well.
    QString noProxy = qEnvironmentVariable("NO_PROXY");
    if (noProxy.isEmpty()) {
        noProxy = qEnvironmentVariable("no_proxy");
    }
    if (isLoopbackHost(url.host()) || excludedByNoProxy(url.host(), noProxy)) {
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    }
    auto proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    return proxies.isEmpty() ? QList<QNetworkProxy>{QNetworkProxy(QNetworkProxy::NoProxy)}
                             : proxies;
}

} // namespace supportzip::core::delivery
