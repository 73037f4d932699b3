// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/highlight.h"

namespace supportzip::ui {

QColor categoryColor(core::scrub::Category category) {
    using core::scrub::Category;
    constexpr int alpha = 110;
    switch (category) {
    case Category::Secret:
        return QColor(220, 50, 47, alpha); // red: something was removed
    case Category::Person:
        return QColor(38, 139, 210, alpha); // blue
    case Category::Network:
        return QColor(42, 161, 152, alpha); // teal
    case Category::Custom:
        return QColor(211, 54, 130, alpha); // magenta
    case Category::Keys:
        return QColor(181, 137, 0, alpha); // amber
    case Category::Content:
        return QColor(108, 113, 196, alpha); // violet
    }
    return QColor(128, 128, 128, alpha);
}

} // namespace supportzip::ui
