// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bundlemanifest.h"

#include <QJsonDocument>

namespace supportzip::core::review {
namespace {

constexpr qint64 kMaxManifestBytes = 256LL << 20;

} // namespace

Expected<bundle::Manifest> readManifest(const bundle::BundleReader& reader) {
    const QString name = QStringLiteral("manifest.json");
    if (!reader.contains(name)) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the bundle has no manifest.json: it was not written by "
                                        "supportzip, or it was damaged"));
    }
    auto bytes = reader.read(name, kMaxManifestBytes);
    if (!bytes) {
        return tl::unexpected(bytes.error());
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (!doc.isObject()) {
        return makeError(
            ErrorCode::MalformedInput,
            QStringLiteral("manifest.json is not valid JSON: %1").arg(error.errorString()));
    }
    return bundle::Manifest::fromJson(doc.object());
}

} // namespace supportzip::core::review
