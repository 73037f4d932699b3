// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/donepage.h"

#include "send/senddialog.h"
#include "wizard/categorytexts.h"
#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace supportzip::ui {

DonePage::DonePage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("The bundle is ready"));
    setFinalPage(true);
    auto* layout = new QVBoxLayout(this);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("doneDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("Bundle details"));
    m_details->setFocusPolicy(Qt::StrongFocus); // Tab to it, then select the path or hash
    layout->addWidget(m_details);
    auto* buttons = new QHBoxLayout;
    auto* show = new QPushButton(tr("&Show in folder"), this);
    show->setObjectName(QStringLiteral("showInFolder"));
    auto* copy = new QPushButton(tr("&Copy summary"), this);
    copy->setObjectName(QStringLiteral("copySummary"));
    auto* send = new QPushButton(tr("Send to &ticket…"), this);
    send->setObjectName(QStringLiteral("sendToTicket"));
    buttons->addWidget(send);
    buttons->addWidget(show);
    buttons->addWidget(copy);
    buttons->addStretch();
    layout->addLayout(buttons);
    nameAfterText({send, show, copy});
    setTabChain({m_details, send, show, copy});
    layout->addStretch();
    connect(show, &QPushButton::clicked, this, [this] {
        if (const auto* s = m_controller->summary()) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(s->bundlePath).absolutePath()));
        }
    });
    connect(send, &QPushButton::clicked, this, &DonePage::openSendDialog);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(summaryText()); });
}

void DonePage::openSendDialog() {
    const auto* s = m_controller->summary();
    if (s == nullptr) {
        return;
    }
    // Modeless: the upload may take minutes and the admin can read the summary meanwhile.
    auto* dialog = new SendDialog(s->bundlePath, m_controller->request().vaultDir, this);
    dialog->setObjectName(QStringLiteral("sendDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBundlePassword(m_controller->request().password);
    const auto& consent = m_controller->request().consent;
    if (!consent.ticket.isEmpty()) {
        dialog->setRequestKey(consent.ticket);
    }
    dialog->show();
}

QString DonePage::summaryText() const {
    const auto* s = m_controller->summary();
    if (s == nullptr) {
        return {};
    }
    return tr("Support bundle %1\nSize: %2 bytes\nSHA-256: %3\n%4 files; findings replaced: %5\n")
        .arg(QFileInfo(s->bundlePath).fileName())
        .arg(s->bundleSize)
        .arg(s->bundleSha256)
        .arg(s->filesCollected)
        .arg(countsText(s->findings));
}

void DonePage::initializePage() {
    const auto* s = m_controller->summary();
    if (s == nullptr) {
        return;
    }
    m_details->setText(
        tr("<p><b>Bundle:</b> %1<br><b>Size:</b> %2<br><b>SHA-256:</b> <tt>%3</tt></p>"
           "<p>%4 files; findings replaced: %5.</p>%8"
           "<p>The mapping from pseudonyms back to real values stays on this machine, in "
           "<tt>%6</tt>, readable by you alone. When support replies with pseudonyms, run "
           "<tt>supportzip unmask</tt> and paste the reply to see the real names.</p>"
           "<p>The bundle is recorded in your local ledger (<tt>%7</tt>): <tt>supportzip "
           "ledger</tt> lists what was sent to whom.</p>")
            .arg(s->bundlePath.toHtmlEscaped(), QLocale().formattedDataSize(s->bundleSize),
                 s->bundleSha256)
            .arg(s->filesCollected)
            .arg(countsText(s->findings), s->vaultDirectory.toHtmlEscaped(),
                 s->ledgerPath.toHtmlEscaped(),
                 s->manifest.encrypted
                     ? tr("<p><b>Encrypted</b> with AES-256: every file, the manifest included. "
                          "Give the password to the recipient another way than the bundle.</p>")
                     : QString()));
}

} // namespace supportzip::ui
