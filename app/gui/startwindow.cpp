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
    return std::make_unique<ui::MainWindow>(logFile);
}

} // namespace supportzip::gui
