// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the findings per category back from a written bundle's manifest.json (through the
// hostile-safe reader, as support would), for comparing with what the preview promised.
#pragma once

#include "bundle/bundlereader.h"
#include "scrub/category.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::testing {

inline bool manifestFindings(const QString& bundlePath, core::scrub::CategoryCounts* out) {
    auto reader = core::bundle::BundleReader::open(bundlePath);
    if (!reader) {
        return false;
    }
    auto json = (*reader)->read(QStringLiteral("manifest.json"), 64 << 20);
    if (!json) {
        return false;
    }
    const QJsonObject findings =
        QJsonDocument::fromJson(*json).object().value(QStringLiteral("findings")).toObject();
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        const auto name = core::scrub::categoryName(static_cast<core::scrub::Category>(i));
        (*out)[i] =
            findings.value(QLatin1StringView(name.data(), static_cast<qsizetype>(name.size())))
                .toInteger(-1);
    }
    return true;
}

} // namespace supportzip::testing
