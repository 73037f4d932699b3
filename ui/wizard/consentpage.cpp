// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/consentpage.h"

#include "bundle/manifest.h"
#include "wizard/categorytexts.h"
#include "wizard/encryptionbox.h"
#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"
#include "wizard/wizardsettings.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace supportzip::ui {

ConsentPage::ConsentPage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("consentPage"));
    setTitle(tr("Your consent"));
    setSubTitle(tr("Check what leaves this machine and who receives it. The bundle records your "
                   "consent with the statement below."));
    auto* layout = new QVBoxLayout(this);
    m_numbers = new QLabel(this);
    m_numbers->setObjectName(QStringLiteral("consentNumbers"));
    m_numbers->setWordWrap(true);
    layout->addWidget(m_numbers);
    auto* form = new QFormLayout;
    const auto field = [&](const QString& label, const char* name, const QString& hint) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1StringView(name));
        edit->setPlaceholderText(hint);
        edit->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textChanged, this, &ConsentPage::completeChanged);
        return edit;
    };
    m_recipient = field(tr("&Recipient:"), "recipientEdit", tr("e.g. Example Vendor Support"));
    m_ticket = field(tr("&Ticket:"), "ticketEdit", tr("e.g. SUP-123"));
    m_name = field(tr("Your &name:"), "nameEdit", tr("Jana Novak"));
    m_email = field(tr("Your &e-mail:"), "emailEdit", tr("jana.novak@example.com"));
    m_deleteBy = new QDateEdit(QDate::currentDate().addDays(90), this);
    m_deleteBy->setObjectName(QStringLiteral("deleteByEdit"));
    m_deleteBy->setCalendarPopup(true);
    m_deleteBy->setAccessibleName(tr("Delete by"));
    form->addRow(tr("Recipient deletes it &by:"), m_deleteBy);
    m_outputDir = field(tr("Save in &folder:"), "outputDirEdit", QString());
    layout->addLayout(form);
    m_statement = new QLabel(this);
    m_statement->setObjectName(QStringLiteral("consentStatement"));
    m_statement->setWordWrap(true);
    m_statement->setFrameShape(QFrame::StyledPanel);
    m_statement->setMargin(8);
    layout->addWidget(m_statement);
    m_encryption = new EncryptionBox(this);
    layout->addWidget(m_encryption);
    connect(m_encryption, &EncryptionBox::changed, this, &ConsentPage::completeChanged);
    m_agree = new QCheckBox(tr("I &agree to send this bundle as stated above"), this);
    m_agree->setObjectName(QStringLiteral("consentCheck"));
    nameAfterText({m_agree});
    setTabChain(QList<QWidget*>{m_recipient, m_ticket, m_name, m_email, m_deleteBy, m_outputDir} +
                m_encryption->focusChain() + QList<QWidget*>{m_agree});
    layout->addWidget(m_agree);
    layout->addStretch();
    connect(m_recipient, &QLineEdit::textChanged, this, &ConsentPage::updateStatement);
    connect(m_agree, &QCheckBox::toggled, this, &ConsentPage::completeChanged);
    setButtonText(QWizard::NextButton, tr("&Build"));
}

void ConsentPage::initializePage() {
    const auto* preview = m_controller->preview();
    if (preview != nullptr) {
        m_numbers->setText(
            tr("<b>Leaves this machine:</b> %n file(s), %1 (before compression); findings "
               "replaced: %2. Left out: %3 item(s).",
               nullptr, static_cast<int>(preview->files.size()))
                .arg(QLocale().formattedDataSize(preview->bytesAfter()),
                     countsText(preview->totals))
                .arg(preview->plan.inventory.leftOut.size() + preview->skipped.size()));
    }
    if (m_outputDir->text().isEmpty()) {
        m_outputDir->setText(WizardSettings::outputDir());
    }
    m_agree->setChecked(false);
    updateStatement();
}

bool ConsentPage::isComplete() const {
    core::bundle::Consent parsed;
    const bool identity = core::bundle::parseConsentIdentity(
        m_name->text().trimmed() + QStringLiteral(" <") + m_email->text().trimmed() + u'>',
        &parsed);
    return m_agree->isChecked() && identity && !m_name->text().trimmed().isEmpty() &&
           QFileInfo(m_outputDir->text()).isDir() && m_encryption->problem().isEmpty();
}

bool ConsentPage::validatePage() {
    auto& r = m_controller->request();
    core::bundle::parseConsentIdentity(m_name->text().trimmed() + QStringLiteral(" <") +
                                           m_email->text().trimmed() + u'>',
                                       &r.consent);
    r.consent.recipient = m_recipient->text().trimmed();
    r.consent.ticket = m_ticket->text().trimmed();
    r.consent.deleteBy = m_deleteBy->date();
    r.consent.statement = core::bundle::consentStatement(r.consent.recipient);
    r.outputPath = QDir(m_outputDir->text()).absolutePath();
    WizardSettings::setOutputDir(r.outputPath);
    m_controller->setBundlePassword(m_encryption->password());
    return true;
}

void ConsentPage::updateStatement() {
    // The core's exact wording: what the manifest will record.
    m_statement->setText(core::bundle::consentStatement(m_recipient->text().trimmed()));
}

} // namespace supportzip::ui
