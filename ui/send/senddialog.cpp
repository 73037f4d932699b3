// SPDX-License-Identifier: GPL-3.0-or-later
#include "send/senddialog.h"

#include "delivery/deliveryledger.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace supportzip::ui {

namespace {

using core::delivery::TransferProgress;

QString stageText(const TransferProgress& p) {
    const QLocale locale;
    switch (p.stage) {
    case TransferProgress::Stage::Verify:
        return SendDialog::tr("Checking the bundle against its manifest…");
    case TransferProgress::Stage::Lookup:
        return SendDialog::tr("Finding the request…");
    case TransferProgress::Stage::Upload:
        return SendDialog::tr("Uploading %1 of %2 (%3/s)")
            .arg(locale.formattedDataSize(p.bytesSent), locale.formattedDataSize(p.bytesTotal),
                 locale.formattedDataSize(static_cast<qint64>(p.bytesPerSecond)));
    case TransferProgress::Stage::Attach:
        return SendDialog::tr("Attaching the upload to the request…");
    case TransferProgress::Stage::Waiting:
        return SendDialog::tr("%1: trying again in %2 s (attempt %3)")
            .arg(p.reason)
            .arg(static_cast<double>(p.retryIn.count()) / 1000.0, 0, 'f', 1)
            .arg(p.attempt);
    }
    return {};
}

} // namespace

SendDialog::SendDialog(QString bundlePath, QString vaultDir, QWidget* parent)
    : QDialog(parent)
    , m_bundle(std::move(bundlePath))
    , m_vaultDir(std::move(vaultDir)) {
    setWindowTitle(tr("Send %1 to the support ticket").arg(QFileInfo(m_bundle).fileName()));
    auto* layout = new QVBoxLayout(this);
    m_jsmChoice = new QRadioButton(tr("Attach to a &Jira Service Management request"), this);
    m_putChoice = new QRadioButton(tr("Upload to a pre-signed &URL the vendor gave"), this);
    m_jsmChoice->setChecked(true);
    layout->addWidget(m_jsmChoice);
    layout->addWidget(m_putChoice);

    m_forms = new QStackedWidget(this);
    auto* jsm = new QWidget(m_forms);
    auto* jsmForm = new QFormLayout(jsm);
    m_portal = new QLineEdit(jsm);
    m_portal->setPlaceholderText(QStringLiteral("https://vendor.atlassian.net"));
    m_request = new QLineEdit(jsm);
    m_request->setPlaceholderText(QStringLiteral("SUP-123"));
    m_email = new QLineEdit(jsm);
    m_token = new QLineEdit(jsm);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setToolTip(tr("Your API token (Cloud) or personal access token (Data Center). "
                           "It is used for this upload only and never stored."));
    m_bearer = new QCheckBox(tr("Data Center personal access token (no e-mail needed)"), jsm);
    m_comment = new QLineEdit(jsm);
    m_comment->setPlaceholderText(tr("optional; by default the file name, size and SHA-256"));
    jsmForm->addRow(tr("&Portal:"), m_portal);
    jsmForm->addRow(tr("&Request:"), m_request);
    jsmForm->addRow(tr("&E-mail:"), m_email);
    jsmForm->addRow(tr("&Token:"), m_token);
    jsmForm->addRow(QString(), m_bearer);
    jsmForm->addRow(tr("C&omment:"), m_comment);
    m_forms->addWidget(jsm);
    auto* put = new QWidget(m_forms);
    auto* putForm = new QFormLayout(put);
    m_putUrl = new QLineEdit(put);
    m_putUrl->setPlaceholderText(QStringLiteral("https://bucket.s3.amazonaws.com/...?X-Amz-..."));
    putForm->addRow(tr("Upload &URL:"), m_putUrl);
    m_forms->addWidget(put);
    layout->addWidget(m_forms);

    auto* caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("only for a private CA or a TLS-inspecting proxy"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    auto* caBrowse = new QPushButton(tr("&Browse…"), this);
    caRow->addWidget(new QLabel(tr("CA file:"), this));
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(caBrowse);
    layout->addLayout(caRow);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Upload progress"));
    m_status =
        new QLabel(tr("The bundle is checked against its manifest before it is sent."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    buttons->addStretch(1);
    buttons->addWidget(m_send);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    // Only what is not secret is remembered; the token never is.
    QSettings settings;
    m_portal->setText(settings.value(QStringLiteral("send/portal")).toString());
    m_email->setText(settings.value(QStringLiteral("send/email")).toString());

    connect(m_jsmChoice, &QRadioButton::toggled, this, [this](bool jsmChosen) {
        m_forms->setCurrentIndex(jsmChosen ? 0 : 1);
        updateSendEnabled();
    });
    connect(m_bearer, &QCheckBox::toggled, m_email, &QLineEdit::setDisabled);
    for (QLineEdit* edit : {m_portal, m_request, m_email, m_token, m_putUrl}) {
        connect(edit, &QLineEdit::textChanged, this, &SendDialog::updateSendEnabled);
    }
    connect(caBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate (PEM)"), QString(), tr("PEM files (*.pem *.crt);;All (*)"));
        if (!file.isEmpty()) {
            m_caFile->setText(file);
        }
    });
    connect(m_send, &QPushButton::clicked, this, &SendDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isSending()) {
            cancel();
        } else {
            reject();
        }
    });
    connect(&m_running, &QFutureWatcher<void>::finished, this, &SendDialog::done);
    updateSendEnabled();
}

SendDialog::~SendDialog() {
    cancel();
    m_running.waitForFinished();
}

void SendDialog::setJsm(const QString& portal, const QString& requestKey, const QString& email) {
    m_jsmChoice->setChecked(true);
    m_portal->setText(portal);
    m_request->setText(requestKey);
    m_email->setText(email);
}

void SendDialog::setRequestKey(const QString& requestKey) {
    m_request->setText(requestKey);
}

void SendDialog::setToken(const QString& token) {
    m_token->setText(token);
}

void SendDialog::setPutUrl(const QString& url) {
    m_putChoice->setChecked(true);
    m_putUrl->setText(url);
}

void SendDialog::setCaFile(const QString& path) {
    m_caFile->setText(path);
}

QString SendDialog::statusText() const {
    return m_status->text();
}

void SendDialog::updateSendEnabled() {
    const bool jsm = m_jsmChoice->isChecked();
    const bool complete = jsm ? !m_portal->text().trimmed().isEmpty() &&
                                    !m_request->text().trimmed().isEmpty() &&
                                    !m_token->text().isEmpty() &&
                                    (m_bearer->isChecked() || !m_email->text().trimmed().isEmpty())
                              : !m_putUrl->text().trimmed().isEmpty();
    m_send->setEnabled(complete && !isSending());
}

core::Expected<core::delivery::DeliveryRequest> SendDialog::request() const {
    using namespace core::delivery;
    DeliveryRequest r;
    r.bundlePath = m_bundle;
    r.bundlePassword = m_bundlePassword;
    r.options.caFile = m_caFile->text().trimmed();
    if (m_jsmChoice->isChecked()) {
        JsmDestination jsm;
        jsm.baseUrl = QUrl(m_portal->text().trimmed());
        jsm.requestKey = m_request->text().trimmed();
        jsm.credentials.scheme =
            m_bearer->isChecked() ? Credentials::Scheme::Bearer : Credentials::Scheme::Basic;
        jsm.credentials.user = m_email->text().trimmed();
        jsm.credentials.token = m_token->text().toUtf8();
        jsm.comment = m_comment->text().trimmed();
        r.destination = jsm;
    } else {
        r.destination = PutDestination{QUrl(m_putUrl->text().trimmed())};
    }
    if (auto ok = DeliveryJob::checkDestination(r.destination); !ok) {
        return tl::unexpected(ok.error());
    }
    return r;
}

void SendDialog::send() {
    if (isSending()) {
        return;
    }
    auto r = request();
    if (!r) {
        m_status->setText(r.error().message);
        return;
    }
    if (m_jsmChoice->isChecked()) {
        QSettings settings;
        settings.setValue(QStringLiteral("send/portal"), m_portal->text().trimmed());
        settings.setValue(QStringLiteral("send/email"), m_email->text().trimmed());
    }
    m_job = std::make_shared<core::delivery::DeliveryJob>(*r);
    m_send->setEnabled(false);
    m_forms->setEnabled(false);
    m_progress->setValue(0);
    m_cancel->setText(tr("Cancel"));
    m_running.setFuture(QtConcurrent::run([this, job = m_job]() {
        // DeliveryJob::run spins its own event loop: it belongs on a worker, never here.
        return job->run([this](const core::delivery::TransferProgress& p) {
            QMetaObject::invokeMethod(
                this, [this, p]() { showProgress(p); }, Qt::QueuedConnection);
        });
    }));
}

void SendDialog::cancel() {
    if (m_job && isSending()) {
        m_job->requestCancel();
        m_status->setText(tr("Cancelling…"));
    }
}

void SendDialog::showProgress(const core::delivery::TransferProgress& p) {
    if (!isSending()) {
        return; // a late progress event after the result
    }
    if (p.stage == TransferProgress::Stage::Upload && p.bytesTotal > 0) {
        m_progress->setValue(static_cast<int>(1000 * p.bytesSent / p.bytesTotal));
    }
    m_status->setText(stageText(p));
}

void SendDialog::done() {
    const auto receipt = m_running.result();
    m_forms->setEnabled(true);
    m_token->clear(); // not kept a moment longer than needed
    m_cancel->setText(tr("Close"));
    if (!receipt) {
        m_status->setText(receipt.error().code == core::ErrorCode::Cancelled
                              ? tr("Cancelled: nothing was attached.")
                              : tr("Not sent: %1").arg(receipt.error().message));
        updateSendEnabled();
        Q_EMIT finished(false);
        return;
    }
    m_progress->setValue(1000);
    QString text =
        receipt->requestKey.isEmpty()
            ? tr("Uploaded to %1.").arg(receipt->endpoint)
            : tr("Attached to %1 (attachment %2).").arg(receipt->requestKey, receipt->attachmentId);
    if (auto recorded = core::delivery::recordDeliveryInLedger(*receipt, m_vaultDir); !recorded) {
        text += u' ' + tr("The local ledger could not record it: %1").arg(recorded.error().message);
    } else {
        text += u' ' + tr("Recorded in the local ledger.");
    }
    m_status->setText(text);
    m_send->setEnabled(false);
    Q_EMIT finished(true);
}

} // namespace supportzip::ui
