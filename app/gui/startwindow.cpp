// SPDX-License-Identifier: GPL-3.0-or-later
#include "startwindow.h"

#include "mainwindow.h"
#include "review/reviewwindow.h"
#include "unmask/unmaskwindow.h"

namespace supportzip::gui {

std::unique_ptr<QWidget> createStartWindow(const QStringList& arguments, const QString& logFile) {
    const QStringList args = arguments.mid(1);
    if (args.contains(QStringLiteral("--unmask"))) {
        return std::make_unique<ui::UnmaskWindow>();
    }
    for (const QString& a : args) {
        if (a.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive)) {
            auto review = std::make_unique<ui::ReviewWindow>();
            review->openBundle(a);
            return review;
        }
    }
    if (args.contains(QStringLiteral("--review"))) {
        return std::make_unique<ui::ReviewWindow>();
    }
    // The wizard's source: an installation or log folder, or with --collect a support zip (a
    // .zip alone is a bundle to review).
    QString source;
    if (const auto i = args.indexOf(QStringLiteral("--collect")); i >= 0 && i + 1 < args.size()) {
        source = args.at(i + 1);
    } else if (!args.isEmpty() && !args.first().startsWith(u'-')) {
        source = args.first();
    }
    return std::make_unique<ui::MainWindow>(logFile, source);
}

} // namespace supportzip::gui
