// SPDX-License-Identifier: GPL-3.0-or-later
// Marks what scrubbing left in a bundle line, by category: pseudonyms (user-1a2b3c,
// Person-…, host-….example.invalid, node-…), made-up addresses (240.0.0.0/4 IPv4, fd00::/8 IPv6,
// 02:00:… MACs) and redactions ([REDACTED:kind]). The review window's line transform.
#pragma once

#include "viewer/highlight.h"
#include "viewer/logfilemodel.h"

#include <QString>

namespace supportzip::ui {

Highlights pseudonymHighlights(const QString& text);

// Shows the line as UTF-8 text with pseudonymHighlights(); safe on any thread.
LogFileModel::LineTransform pseudonymTransform();

} // namespace supportzip::ui
