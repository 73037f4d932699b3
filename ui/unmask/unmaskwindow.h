// SPDX-License-Identifier: GPL-3.0-or-later
// The admin pastes support's reply (or opens a text file) and reads it with every pseudonym
// replaced by the original from this machine's mapping vault; pseudonyms the vault does not know
// are marked. The same core call as `supportzip unmask`; nothing is sent anywhere.
#pragma once

#include "common/error.h"
#include "vault/unmask.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>

class QLabel;
class QPlainTextEdit;
class QTextEdit;

namespace supportzip::ui {

class UnmaskWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnmaskWindow)
public:
    // vaultDir empty: the default local vault.
    explicit UnmaskWindow(QString vaultDir = {}, QWidget* parent = nullptr);
    ~UnmaskWindow() override;

    void setReply(const QString& text);
    bool openTextFile(const QString& path);
    // Reads the mapping (off the GUI thread) and shows the result; unmasked() follows.
    void unmask();
    const core::vault::UnmaskResult& result() const { return m_result; }

Q_SIGNALS:
    void unmasked(int replaced, int unknown);

private:
    void mappingRead();
    void showResult();
    void chooseFile();

    QString m_vaultDir;
    QPlainTextEdit* m_input = nullptr;
    QTextEdit* m_output = nullptr;
    QLabel* m_status = nullptr;
    core::vault::UnmaskResult m_result;
    QFutureWatcher<core::Expected<QHash<QString, QString>>> m_mapping;
};

} // namespace supportzip::ui
