// SPDX-License-Identifier: GPL-3.0-or-later
// A marked span in a displayed line, and the colour each finding category is shown in.
#pragma once

#include "scrub/category.h"

#include <QColor>
#include <QList>
#include <QMetaType>

namespace supportzip::ui {

struct Highlight {
    int start = 0;  // in characters of the displayed line
    int length = 0; // in characters
    core::scrub::Category category = core::scrub::Category::Secret;
};

using Highlights = QList<Highlight>;

// Translucent, so the text stays readable on a light or a dark palette.
QColor categoryColor(core::scrub::Category category);

} // namespace supportzip::ui

Q_DECLARE_METATYPE(supportzip::ui::Highlights)
