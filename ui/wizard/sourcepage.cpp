// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/sourcepage.h"

#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"
#include "wizard/wizardsettings.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace supportzip::ui {

SourcePage::SourcePage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("sourcePage"));
    setTitle(tr("What do you want to collect?"));
    setSubTitle(tr("Pick an installation found on this machine, or open an existing support zip "
                   "or a folder of logs. You can also drop one here."));
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("installationList"));
    m_list->setAccessibleName(tr("Installations found"));
    m_list->setHeaderLabels(
        {tr("Product"), tr("Version"), tr("Running"), tr("Install folder"), tr("Home folder")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list);
    m_status = new QLabel(tr("Looking for installations…"), this);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    auto* zip = new QPushButton(tr("Open support &zip…"), this);
    zip->setObjectName(QStringLiteral("openZipButton"));
    auto* folder = new QPushButton(tr("Open &folder…"), this);
    folder->setObjectName(QStringLiteral("openFolderButton"));
    buttons->addWidget(zip);
    buttons->addWidget(folder);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_chosen = new QLabel(this);
    m_chosen->setObjectName(QStringLiteral("chosenSource"));
    m_chosen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_chosen);
    nameAfterText({zip, folder});
    setTabChain({m_list, zip, folder});

    connect(zip, &QPushButton::clicked, this, &SourcePage::openZip);
    connect(folder, &QPushButton::clicked, this, &SourcePage::openFolder);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
        if (row >= 0 && row < m_installations.size()) {
            m_controller->chooseInstallation(m_installations[row]);
        }
    });
    connect(controller, &WizardController::installationsFound, this, &SourcePage::setInstallations);
    connect(controller, &WizardController::sourceChanged, this, &SourcePage::showChosen);
}

void SourcePage::setInstallations(const QList<core::discovery::Installation>& installations) {
    m_installations = installations;
    m_list->clear();
    for (const auto& inst : installations) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, inst.productName + (inst.dataCenter ? tr(" (Data Center)") : QString()));
        item->setText(1, inst.version);
        item->setText(2, inst.pid > 0 ? tr("running") : tr("stopped"));
        item->setText(3, inst.installDir);
        item->setText(4, inst.homeDir);
    }
    m_status->setText(installations.isEmpty()
                          ? tr("No installation found on this machine. Open a support zip or a "
                               "folder, or start supportzip-gui with the installation folder.")
                          : tr("%n installation(s) found. Select one to collect its diagnostics.",
                               nullptr, static_cast<int>(installations.size())));
}

bool SourcePage::isComplete() const {
    return m_controller->hasSource();
}

void SourcePage::openZip() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a support zip"), WizardSettings::lastOpenDir(), tr("Zip files (*.zip)"));
    if (!path.isEmpty()) {
        WizardSettings::setLastOpenDir(QFileInfo(path).absolutePath());
        m_controller->chooseSourcePath(path);
    }
}

void SourcePage::openFolder() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of logs"),
                                                           WizardSettings::lastOpenDir());
    if (!path.isEmpty()) {
        WizardSettings::setLastOpenDir(path);
        m_controller->chooseSourcePath(path);
    }
}

void SourcePage::showChosen() {
    m_chosen->setText(tr("Selected: %1").arg(m_controller->sourceDescription()));
    Q_EMIT completeChanged();
}

void SourcePage::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void SourcePage::dropEvent(QDropEvent* event) {
    m_controller->chooseSourcePath(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

} // namespace supportzip::ui
