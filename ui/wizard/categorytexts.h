// SPDX-License-Identifier: GPL-3.0-or-later
// Plain-language names and explanations of the finding categories and actions, for the pages.
#pragma once

#include "scrub/category.h"

#include <QString>

namespace supportzip::ui {

QString categoryTitle(core::scrub::Category category);
QString categoryExplanation(core::scrub::Category category);
QString actionTitle(core::scrub::Action action);
// "12 secrets, 340 person, ..." for a summary line.
QString countsText(const core::scrub::CategoryCounts& counts);

} // namespace supportzip::ui
