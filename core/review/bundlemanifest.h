// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a bundle's manifest.json back into a Manifest, for review and inspect. Lenient: a field
// that is missing or of the wrong type stays empty (verification is what judges the manifest).
#pragma once

#include "bundle/bundlereader.h"
#include "bundle/manifest.h"
#include "common/error.h"

#include <QJsonObject>

namespace supportzip::core::review {

bundle::Manifest manifestFromJson(const QJsonObject& json);

// Errors: NotFound (no manifest.json: not a supportzip bundle), MalformedInput (not JSON).
Expected<bundle::Manifest> readManifest(const bundle::BundleReader& reader);

} // namespace supportzip::core::review
