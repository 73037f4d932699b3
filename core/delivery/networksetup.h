// SPDX-License-Identifier: GPL-3.0-or-later
// How supportzip reaches the network: TLS trust (system CAs plus an optional PEM file) and the
// proxy (HTTPS_PROXY / NO_PROXY from the environment, else the system configuration).
#pragma once

#include "common/error.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslConfiguration>

#include <memory>

namespace supportzip::core::delivery {

// Peer verification on, TLS 1.2 or newer, the system CAs plus every certificate in caFile.
// Errors: ReadFailed (cannot read caFile), MalformedInput (no PEM certificate in it).
Expected<QSslConfiguration> tlsConfiguration(const QString& caFile);

// A manager with the proxy policy below and no disk cache; owned by the caller's thread.
std::unique_ptr<QNetworkAccessManager> makeNetworkAccessManager();

// The proxy for a URL: none for loopback hosts or hosts NO_PROXY/no_proxy names (curl's rule:
// "example.com" and ".example.com" cover the domain and its subdomains, "*" covers all);
// otherwise what the system configuration says (QNetworkProxyFactory::systemProxyForQuery; on
// Linux Qt 6.4 asks libproxy, which reads HTTPS_PROXY/https_proxy, then HTTP_PROXY/http_proxy,
// and the desktop's proxy settings).
QList<QNetworkProxy> proxyFor(const QUrl& url);

// Whether a comma-separated NO_PROXY list covers host (see proxyFor).
bool excludedByNoProxy(const QString& host, const QString& noProxy);

} // namespace supportzip::core::delivery
