// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard use of every wizard page: Tab visits the interactive widgets in the order the page
// reads (and Shift+Tab walks it back), and every widget that can take focus has a name a
// screen reader can say.
#include "wizard/buildpage.h"
#include "wizard/collectwizard.h"
#include "wizard/consentpage.h"
#include "wizard/contentspage.h"
#include "wizard/donepage.h"
#include "wizard/previewpage.h"
#include "wizard/scrubbingpage.h"
#include "wizard/sourcepage.h"
#include "wizard/wizardcontroller.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace supportzip;
using namespace Qt::StringLiterals;

using PageFactory = std::function<QWizardPage*(ui::WizardController*)>;
Q_DECLARE_METATYPE(PageFactory)

class TestWizardKeyboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tabVisitsTheWidgetsInOrder_data();
    void tabVisitsTheWidgetsInOrder();
    void everyFocusableWidgetHasAnAccessibleName_data();
    void everyFocusableWidgetHasAnAccessibleName();
    void tabLeavesThePageForTheWizardButtonsOnly();
};

namespace {

template <typename Page> PageFactory make() {
    return [](ui::WizardController* c) -> QWizardPage* {
        return new Page(c);
    };
}

// The named widget a focus widget belongs to (a spin box's inner line edit is the spin box).
QString owner(QWidget* w, QWidget* page) {
    while (w != nullptr && w != page &&
           (w->objectName().isEmpty() || w->objectName().startsWith(u"qt_"))) {
        w = w->parentWidget();
    }
    return w == nullptr || w == page ? QStringLiteral("<outside the page>") : w->objectName();
}

// A widget Tab can reach, apart from the insides of compound widgets (a combo box's list, a
// spin box's line edit), which take their name from the widget around them.
bool isOwnFocusStop(QWidget* w, QWidget* page) {
    if (!(w->focusPolicy() & Qt::TabFocus) || w->objectName().startsWith(u"qt_")) {
        return false;
    }
    for (QWidget* p = w->parentWidget(); p != nullptr && p != page; p = p->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p)) {
            return false;
        }
    }
    return true;
}

void addRows() {
    QTest::addColumn<PageFactory>("factory");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QString>("tick"); // a check box to tick first, enabling more widgets
    QTest::newRow("source") << make<ui::SourcePage>()
                            << QStringList{u"installationList"_s, u"openZipButton"_s,
                                           u"openFolderButton"_s}
                            << QString();
    QTest::newRow("contents") << make<ui::ContentsPage>()
                              << QStringList{u"contentsTree"_s, u"leftOutList"_s, u"sinceCheck"_s,
                                             u"untilCheck"_s,   u"maxFileSize"_s, u"maxTotalSize"_s}
                              << QString();
    QTest::newRow("contents, time window on")
        << make<ui::ContentsPage>()
        << QStringList{u"contentsTree"_s, u"leftOutList"_s, u"sinceCheck"_s,  u"sinceEdit"_s,
                       u"untilCheck"_s,   u"maxFileSize"_s, u"maxTotalSize"_s}
        << u"sinceCheck"_s;
    // Secrets are always redacted: their action is shown, disabled, and skipped.
    QTest::newRow("scrubbing") << make<ui::ScrubbingPage>()
                               << QStringList{u"action-person"_s,  u"action-network"_s,
                                              u"action-custom"_s,  u"action-keys"_s,
                                              u"action-content"_s, u"termsEdit"_s,
                                              u"keepEdit"_s,       u"testLineEdit"_s}
                               << QString();
    QTest::newRow("preview") << make<ui::PreviewPage>()
                             << QStringList{u"previewCancel"_s,   u"previewFiles"_s,
                                            u"previousFinding"_s, u"nextFinding"_s,
                                            u"previewSearch"_s,   u"previewValue"_s,
                                            u"scrubEverywhere"_s, u"keepEverywhere"_s,
                                            u"originalView"_s,    u"sanitizedView"_s}
                             << QString();
    QTest::newRow("consent") << make<ui::ConsentPage>()
                             << QStringList{u"recipientEdit"_s, u"ticketEdit"_s,
                                            u"nameEdit"_s,      u"emailEdit"_s,
                                            u"deleteByEdit"_s,  u"outputDirEdit"_s,
                                            u"encryptBox"_s,    u"consentCheck"_s}
                             << QString();
    QTest::newRow("build") << make<ui::BuildPage>() << QStringList{u"buildCancel"_s} << QString();
    QTest::newRow("done") << make<ui::DonePage>()
                          << QStringList{u"doneDetails"_s, u"sendToTicket"_s, u"showInFolder"_s,
                                         u"copySummary"_s}
                          << QString();
}

} // namespace

// Presses Tab (or Shift+Tab) until focus leaves the current widget: a date edit takes Tab to
// step through its own sections (day, month, year) first, as every Qt date edit does.
static QString tabAway(QWidget* page, bool backward) {
    const QString from = owner(QApplication::focusWidget(), page);
    for (int i = 0; i < 8; ++i) {
        QTest::keyClick(QApplication::focusWidget(), backward ? Qt::Key_Backtab : Qt::Key_Tab,
                        backward ? Qt::ShiftModifier : Qt::NoModifier);
        const QString now = owner(QApplication::focusWidget(), page);
        if (now != from || !qobject_cast<QDateTimeEdit*>(page->findChild<QWidget*>(from))) {
            return now;
        }
    }
    return from;
}

void TestWizardKeyboard::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestWizardKeyboard::tabVisitsTheWidgetsInOrder_data() {
    addRows();
}

void TestWizardKeyboard::tabVisitsTheWidgetsInOrder() {
    QFETCH(PageFactory, factory);
    QFETCH(QStringList, order);
    QFETCH(QString, tick);
    ui::WizardController controller;
    std::unique_ptr<QWizardPage> page(factory(&controller));
    page->resize(1000, 700);
    page->show();
    QVERIFY(QTest::qWaitForWindowActive(page.get()));
    if (!tick.isEmpty()) {
        page->findChild<QCheckBox*>(tick)->setChecked(true);
    }
    auto* first = page->findChild<QWidget*>(order.first());
    QVERIFY(first != nullptr);
    first->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(owner(QApplication::focusWidget(), page.get()), order.first());
    // Forward through the page and round to the first widget again (the page is the window).
    QStringList visited;
    for (qsizetype i = 0; i < order.size(); ++i) {
        visited << tabAway(page.get(), false);
    }
    QCOMPARE(visited, order.mid(1) + QStringList{order.first()});
    // And back.
    QStringList back;
    for (qsizetype i = 0; i < order.size(); ++i) {
        back << tabAway(page.get(), true);
    }
    QStringList reversed(order.rbegin(), order.rend());
    QCOMPARE(back, reversed);
}

void TestWizardKeyboard::everyFocusableWidgetHasAnAccessibleName_data() {
    addRows();
}

void TestWizardKeyboard::everyFocusableWidgetHasAnAccessibleName() {
    QFETCH(PageFactory, factory);
    QFETCH(QStringList, order);
    QFETCH(QString, tick);
    ui::WizardController controller;
    std::unique_ptr<QWizardPage> page(factory(&controller));
    if (!tick.isEmpty()) {
        page->findChild<QCheckBox*>(tick)->setChecked(true);
    }
    QStringList reachable;
    // Hidden and disabled ones too: they take focus once shown or enabled.
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (!isOwnFocusStop(w, page.get())) {
            continue;
        }
        QVERIFY2(!w->accessibleName().trimmed().isEmpty(),
                 qPrintable(w->objectName() + u" ("_s +
                            QLatin1StringView(w->metaObject()->className()) +
                            u") has no accessible name"_s));
        if (w->isEnabled() && w->isVisibleTo(page.get())) {
            reachable << w->objectName();
        }
    }
    // No focus stop is missing from the intended order (nor is one in it unreachable).
    reachable.sort();
    order.sort();
    QCOMPARE(reachable, order);
}

// In the wizard itself: after the page's last widget come the wizard's own buttons, never a
// widget of a page that is not shown, and then the page again.
void TestWizardKeyboard::tabLeavesThePageForTheWizardButtonsOnly() {
    ui::WizardController controller;
    ui::CollectWizard wizard(&controller);
    wizard.resize(1000, 700);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QWizardPage* page = wizard.currentPage();
    QTemporaryDir logs; // a source chosen: Next is enabled, so Tab can reach it
    controller.chooseSourcePath(logs.path());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    auto* last = page->findChild<QWidget*>(u"openFolderButton"_s);
    last->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), last);
    QTest::keyClick(last, Qt::Key_Tab);
    QList<QAbstractButton*> wizardButtons;
    for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                       QWizard::FinishButton, QWizard::CancelButton, QWizard::HelpButton}) {
        wizardButtons << wizard.button(which);
    }
    const auto isWizardButton = [&](QWidget* w) {
        return wizardButtons.contains(qobject_cast<QAbstractButton*>(w));
    };
    QCOMPARE(QApplication::focusWidget(), wizard.button(QWizard::NextButton));
    for (int i = 0; i < 6 && isWizardButton(QApplication::focusWidget()); ++i) {
        QVERIFY(!QApplication::focusWidget()->accessibleName().isEmpty() ||
                !static_cast<QAbstractButton*>(QApplication::focusWidget())->text().isEmpty());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(owner(QApplication::focusWidget(), page), u"installationList"_s);
}

QTEST_MAIN(TestWizardKeyboard)
#include "tst_wizardkeyboard.moc"
