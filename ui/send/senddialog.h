// SPDX-License-Identifier: GPL-3.0-or-later
// "Send to ticket…": attach a written bundle to a Jira Service Management request, or upload it
// to a pre-signed URL, with progress and cancel. The same core DeliveryJob as `supportzip send`
// (verify first, HTTPS only, proxies honoured) runs on a worker thread; the delivery is recorded
// in the local ledger. The token is typed in, held only while the dialog is open, and never
// stored or shown.
#pragma once

#include "common/error.h"
#include "delivery/deliveryjob.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace supportzip::ui {

class SendDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendDialog)
public:
    // vaultDir: whose ledger records the delivery (empty: the default vault).
    explicit SendDialog(QString bundlePath, QString vaultDir = {}, QWidget* parent = nullptr);
    ~SendDialog() override;

    // For tests and for callers that know the destination (e.g. from the ticket field).
    void setJsm(const QString& portal, const QString& requestKey, const QString& email);
    void setRequestKey(const QString& requestKey); // the ticket given with the consent
    void setToken(const QString& token);
    void setPutUrl(const QString& url);
    void setCaFile(const QString& path);
    // An encrypted bundle is verified with its password before it is sent.
    void setBundlePassword(const core::Secret& password) { m_bundlePassword = password; }

    // Starts the delivery (what the Send button does); finished() follows.
    void send();
    void cancel();
    bool isSending() const { return m_running.isRunning(); }
    QString statusText() const;

Q_SIGNALS:
    void finished(bool delivered);

private:
    core::Expected<core::delivery::DeliveryRequest> request() const;
    void showProgress(const core::delivery::TransferProgress& progress);
    void done();
    void updateSendEnabled();

    QString m_bundle;
    QString m_vaultDir;
    core::Secret m_bundlePassword;
    QRadioButton* m_jsmChoice = nullptr;
    QRadioButton* m_putChoice = nullptr;
    QStackedWidget* m_forms = nullptr;
    QLineEdit* m_portal = nullptr;
    QLineEdit* m_request = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_token = nullptr;
    QCheckBox* m_bearer = nullptr;
    QLineEdit* m_comment = nullptr;
    QLineEdit* m_putUrl = nullptr;
    QLineEdit* m_caFile = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
    std::shared_ptr<core::delivery::DeliveryJob> m_job;
    QFutureWatcher<core::Expected<core::delivery::DeliveryReceipt>> m_running;
};

} // namespace supportzip::ui
