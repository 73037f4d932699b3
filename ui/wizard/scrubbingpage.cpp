// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/scrubbingpage.h"

#include "wizard/categorytexts.h"
#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"
#include "wizard/wizardsettings.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace supportzip::ui {
namespace {
QStringList lines(const QPlainTextEdit* edit) {
    QStringList out;
    for (const QString& line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            out << line.trimmed();
        }
    }
    return out;
}
} // namespace

ScrubbingPage::ScrubbingPage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("scrubbingPage"));
    setTitle(tr("How data is scrubbed"));
    setSubTitle(tr("Everything below happens on this machine. Pseudonyms can be mapped back "
                   "only here, with supportzip unmask."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildCategories());
    auto* lists = new QHBoxLayout;
    const auto listBox = [&](const QString& title, const QString& hint, const char* name) {
        auto* group = new QGroupBox(title, this);
        auto* v = new QVBoxLayout(group);
        auto* edit = new QPlainTextEdit(group);
        edit->setObjectName(QLatin1StringView(name));
        edit->setAccessibleName(title);
        edit->setPlaceholderText(hint);
        edit->setTabChangesFocus(true);
        v->addWidget(edit);
        lists->addWidget(group);
        connect(edit, &QPlainTextEdit::textChanged, this, &ScrubbingPage::listsEdited);
        return edit;
    };
    m_terms = listBox(tr("Your terms (one per line)"),
                      tr("Company, customer or product names to replace everywhere"), "termsEdit");
    m_keep =
        listBox(tr("Never touch (one per line)"),
                tr("Values support must see as they are, e.g. a public host name"), "keepEdit");
    layout->addLayout(lists);
    auto* test = new QGroupBox(tr("Try a line"), this);
    auto* tv = new QVBoxLayout(test);
    m_testLine = new QLineEdit(test);
    m_testLine->setObjectName(QStringLiteral("testLineEdit"));
    m_testLine->setAccessibleName(tr("Test line"));
    m_testLine->setPlaceholderText(tr("Paste a log line to see what the bundle would hold"));
    m_testResult = new QLabel(test);
    m_testResult->setObjectName(QStringLiteral("testLineResult"));
    m_testResult->setAccessibleName(tr("Scrubbed test line"));
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_testResult->setWordWrap(true);
    auto* note = new QLabel(tr("Values learned from the files themselves (user names in user "
                               "fields, project keys) are replaced too: the preview shows them."),
                            test);
    note->setWordWrap(true);
    tv->addWidget(m_testLine);
    tv->addWidget(m_testResult);
    tv->addWidget(note);
    layout->addWidget(test);
    QList<QWidget*> chain;
    for (auto* combo : findChildren<QComboBox*>()) {
        chain.append(combo); // in category order, as they were made
    }
    setTabChain(chain + QList<QWidget*>{m_terms, m_keep, m_testLine});
    connect(m_testLine, &QLineEdit::textChanged, this, &ScrubbingPage::updateTestResult);
    connect(controller, &WizardController::rulesChanged, this, [this] {
        // Remembered per user as they change, also when the preview page adds a value.
        WizardSettings::setTerms(m_controller->request().terms);
        WizardSettings::setKeep(m_controller->request().keep);
        // "Scrub/keep everywhere" on the preview page adds lines here too.
        if (m_editing) {
            updateTestResult();
            return;
        }
        if (lines(m_terms) != m_controller->request().terms) {
            m_terms->setPlainText(m_controller->request().terms.join(u'\n'));
        }
        if (lines(m_keep) != m_controller->request().keep) {
            m_keep->setPlainText(m_controller->request().keep.join(u'\n'));
        }
        updateTestResult();
    });
}

QWidget* ScrubbingPage::buildCategories() {
    auto* box = new QGroupBox(tr("Categories"), this);
    auto* grid = new QGridLayout(box);
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        const auto category = static_cast<core::scrub::Category>(i);
        auto* name = new QLabel(QStringLiteral("<b>%1</b>").arg(categoryTitle(category)), box);
        auto* combo = new QComboBox(box);
        const auto id = core::scrub::categoryName(category);
        combo->setObjectName(QStringLiteral("action-") + QLatin1StringView(id.data(), id.size()));
        combo->setAccessibleName(tr("Action for %1").arg(categoryTitle(category)));
        name->setBuddy(combo);
        for (auto action : {core::scrub::Action::Redact, core::scrub::Action::Pseudonymize,
                            core::scrub::Action::Keep}) {
            combo->addItem(actionTitle(action), static_cast<int>(action));
        }
        combo->setCurrentIndex(combo->findData(static_cast<int>(m_controller->action(category))));
        combo->setEnabled(category != core::scrub::Category::Secret); // always removed
        auto* why = new QLabel(categoryExplanation(category), box);
        why->setWordWrap(true);
        const int row = static_cast<int>(i);
        grid->addWidget(name, row, 0);
        grid->addWidget(combo, row, 1);
        grid->addWidget(why, row, 2);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, category, combo] {
            m_controller->setAction(category,
                                    static_cast<core::scrub::Action>(combo->currentData().toInt()));
        });
    }
    grid->setColumnStretch(2, 1);
    return box;
}

void ScrubbingPage::initializePage() {
    if (m_controller->request().terms.isEmpty() && m_controller->request().keep.isEmpty()) {
        m_terms->setPlainText(WizardSettings::terms().join(u'\n'));
        m_keep->setPlainText(WizardSettings::keep().join(u'\n'));
    }
    updateTestResult();
}

void ScrubbingPage::listsEdited() {
    m_editing = true;
    m_controller->setTerms(lines(m_terms));
    m_controller->setKeep(lines(m_keep));
    m_editing = false;
}

void ScrubbingPage::updateTestResult() {
    m_testResult->setText(m_testLine->text().isEmpty()
                              ? tr("(the scrubbed line appears here)")
                              : m_controller->scrubTestLine(m_testLine->text()));
}

} // namespace supportzip::ui
