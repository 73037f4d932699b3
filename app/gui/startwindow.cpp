// SPDX-License-Identifier: GPL-3.0-or-later
#include "startwindow.h"

#include "bundle/bundlereader.h"
#include "mainwindow.h"
#include "review/reviewwindow.h"
#include "unmask/unmaskwindow.h"

namespace supportzip::gui {

std::unique_ptr<QWidget> createStartWindow(const QStringList& arguments, const QString& logFile) {
    const QStringList args = arguments.mid(1);
    if (args.contains(QStringLiteral("--unmask"))) {
        return std::make_unique<ui::UnmaskWindow>();
    }
    // The wizard's source: an installation or log folder, or a support zip; a supportzip
    // bundle (it has a manifest) is opened for review instead.
    QString source;
    if (const auto i = args.indexOf(QStringLiteral("--collect")); i >= 0 && i + 1 < args.size()) {
        source = args.at(i + 1);
    } else if (!args.isEmpty() && !args.first().startsWith(u'-')) {
        const QString& a = args.first();
        if (a.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive) &&
            core::bundle::isSupportzipBundle(a)) {
            auto review = std::make_unique<ui::ReviewWindow>();
            review->openBundle(a);
            return review;
        }
        source = a;
    }
    if (args.contains(QStringLiteral("--review"))) {
        return std::make_unique<ui::ReviewWindow>();
    }
    return std::make_unique<ui::MainWindow>(logFile, source);
}

} // namespace supportzip::gui
