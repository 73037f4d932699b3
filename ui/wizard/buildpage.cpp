// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/buildpage.h"

#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"

#include <QCoreApplication>
#include <QHash>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace supportzip::ui {
namespace {
QString stageText(const QString& stage) {
    static const QHash<QString, const char*> texts{
        {QStringLiteral("discover"), QT_TRANSLATE_NOOP("BuildPage", "Reading the installation")},
        {QStringLiteral("learn"), QT_TRANSLATE_NOOP("BuildPage", "Learning names and values")},
        {QStringLiteral("scrub"), QT_TRANSLATE_NOOP("BuildPage", "Scrubbing files")},
        {QStringLiteral("write"),
         QT_TRANSLATE_NOOP("BuildPage", "Writing and checking the bundle")},
        {QStringLiteral("done"), QT_TRANSLATE_NOOP("BuildPage", "Done")}};
    const char* text = texts.value(stage);
    return text ? QCoreApplication::translate("BuildPage", text) : stage;
}
} // namespace

BuildPage::BuildPage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("buildPage"));
    setTitle(tr("Building the bundle"));
    setSubTitle(tr("The files are scrubbed again exactly as in the preview and written to a "
                   "temporary file, which becomes the bundle only when it is complete."));
    auto* layout = new QVBoxLayout(this);
    m_stage = new QLabel(this);
    m_stage->setObjectName(QStringLiteral("buildStage"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("buildProgress"));
    m_progress->setAccessibleName(tr("Build progress"));
    m_progress->setRange(0, 1000);
    m_item = new QLabel(this);
    m_item->setObjectName(QStringLiteral("buildItem"));
    m_item->setTextFormat(Qt::PlainText);
    m_item->setWordWrap(true);
    m_timeLeft = new QLabel(this);
    m_timeLeft->setObjectName(QStringLiteral("buildTimeLeft"));
    m_cancel = new QPushButton(tr("&Cancel build"), this);
    m_cancel->setObjectName(QStringLiteral("buildCancel"));
    nameAfterText({m_cancel});
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_item);
    layout->addWidget(m_timeLeft);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(m_cancel, &QPushButton::clicked, controller, &WizardController::cancelBuild);
    connect(controller, &WizardController::buildProgress, this, &BuildPage::showProgress);
    connect(controller, &WizardController::buildFinished, this, [this] {
        m_cancel->setEnabled(false);
        m_progress->setValue(1000);
        m_stage->setText(tr("The bundle is ready."));
        Q_EMIT completeChanged();
        wizard()->next();
    });
    connect(controller, &WizardController::buildFailed, this,
            [this](const QString& message, bool cancelled) {
                m_cancel->setEnabled(false);
                m_stage->setText(cancelled
                                     ? tr("Cancelled. Nothing was written; go Back to build "
                                          "again.")
                                     : tr("The bundle could not be built: %1. Go Back, fix it "
                                          "(e.g. choose another folder) and build again.")
                                           .arg(message));
                m_timeLeft->clear();
            });
}

void BuildPage::initializePage() {
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_item->clear();
    m_timeLeft->clear();
    m_currentStage.clear();
    m_controller->startBuild();
}

void BuildPage::cleanupPage() {
    m_controller->cancelBuild();
}

bool BuildPage::isComplete() const {
    return m_controller->summary() != nullptr && !m_controller->isBuilding();
}

void BuildPage::showProgress(const QString& stage, const QString& item, qint64 done, qint64 total) {
    if (stage != m_currentStage) {
        m_currentStage = stage;
        m_stageClock.start();
    }
    m_stage->setText(stageText(stage));
    m_item->setText(item);
    const int permille = total > 0 ? static_cast<int>(1000 * done / total) : 0;
    m_progress->setValue(permille);
    // Time left in this stage, from its rate so far (the scrub stage dominates).
    if (permille > 20 && m_stageClock.isValid()) {
        const qint64 left = m_stageClock.elapsed() * (1000 - permille) / permille / 1000;
        m_timeLeft->setText(
            tr("About %n second(s) left in this stage.", nullptr, static_cast<int>(left) + 1));
    }
}

} // namespace supportzip::ui
