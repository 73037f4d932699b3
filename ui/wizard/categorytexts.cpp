// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/categorytexts.h"

#include <QCoreApplication>
#include <QStringList>

namespace supportzip::ui {
namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("supportzip::ui::CategoryTexts", text);
}
} // namespace

QString categoryTitle(core::scrub::Category category) {
    using core::scrub::Category;
    switch (category) {
    case Category::Secret:
        return tr("Secrets");
    case Category::Person:
        return tr("People");
    case Category::Network:
        return tr("Network");
    case Category::Custom:
        return tr("Your terms");
    case Category::Keys:
        return tr("Project and issue keys");
    case Category::Content:
        return tr("Content");
    }
    return {};
}

QString categoryExplanation(core::scrub::Category category) {
    using core::scrub::Category;
    switch (category) {
    case Category::Secret:
        return tr("Passwords, license keys, tokens, cookies and session ids. Always removed: "
                  "nothing derived from them leaves this machine.");
    case Category::Person:
        return tr("User names, display names, e-mail addresses and LDAP names. Pseudonyms keep "
                  "one person recognizable across files without saying who it is.");
    case Category::Network:
        return tr("IP and MAC addresses, host names and base URLs. Pseudonyms keep addresses "
                  "of one subnet together, so support can still follow the traffic.");
    case Category::Custom:
        return tr("Words you add below, such as your company or customer names.");
    case Category::Keys:
        return tr("Project, issue and space keys such as PAY-123. Pseudonyms keep the shape "
                  "(PRJ7-123), so support can tell issues apart.");
    case Category::Content:
        return tr("Issue and page titles, mail subjects and search terms.");
    }
    return {};
}

QString actionTitle(core::scrub::Action action) {
    using core::scrub::Action;
    switch (action) {
    case Action::Redact:
        return tr("Remove");
    case Action::Pseudonymize:
        return tr("Replace with a pseudonym");
    case Action::Keep:
        return tr("Keep as is");
    }
    return {};
}

QString countsText(const core::scrub::CategoryCounts& counts) {
    QStringList parts;
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        parts << QStringLiteral("%1 %2").arg(counts[i]).arg(
            categoryTitle(static_cast<core::scrub::Category>(i)).toLower());
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace supportzip::ui
