// SPDX-License-Identifier: GPL-3.0-or-later
// Line by line through one bundle member, streamed: the member is never held whole, a line longer
// than kMaxLineBytes is cut (the rest is skipped, the numbering stays right).
#pragma once

#include "bundle/bundlereader.h"
#include "common/error.h"
#include "common/progress.h"

#include <QByteArrayView>

#include <functional>

namespace supportzip::core::review {

inline constexpr qint64 kMaxLineBytes = 64 * 1024;

// lineNumber is 1-based; line has no '\n' (a trailing '\r' is removed). Return false to stop.
using LineSink = std::function<bool(qint64 lineNumber, QByteArrayView line)>;

Expected<void> forEachLine(const bundle::BundleReader& reader, const QString& member,
                           const LineSink& sink, const CancelToken* cancel = nullptr);

} // namespace supportzip::core::review
