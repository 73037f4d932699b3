// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a bundle's manifest.json back into a Manifest, for review (Manifest::fromJson parses it).
#pragma once

#include "bundle/bundlereader.h"
#include "bundle/manifest.h"
#include "common/error.h"

#include <QJsonObject>

namespace supportzip::core::review {

// Errors: NotFound (no manifest.json: not a supportzip bundle), MalformedInput (not JSON, or
// not the shape of a supportzip manifest).
Expected<bundle::Manifest> readManifest(const bundle::BundleReader& reader);

} // namespace supportzip::core::review
