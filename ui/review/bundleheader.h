// SPDX-License-Identifier: GPL-3.0-or-later
// The top of the review window: integrity in words and colour (every hash checked), then the
// consent record and what the bundle is (product, version, node, created, tool, rules).
#pragma once

#include "bundle/manifest.h"
#include "bundle/verifier.h"
#include "common/error.h"

#include <QWidget>

class QLabel;

namespace supportzip::ui {

class BundleHeader final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BundleHeader)
public:
    explicit BundleHeader(QWidget* parent = nullptr);

    enum class State { Empty, Checking, Intact, Failed, Refused };

    void clear();
    void setManifest(const core::bundle::Manifest& manifest);
    void setChecking();
    void setReport(const core::bundle::VerifyReport& report);
    void setRefused(const core::Error& error);

    State state() const { return m_state; }
    QString integrityText() const;

private:
    void setIntegrity(State state, const QString& text);

    State m_state = State::Empty;
    QLabel* m_integrity = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_consent = nullptr;
};

// "All 27 files match the manifest" or "2 files do not match the manifest: a (why); b (why)".
QString integritySentence(const core::bundle::VerifyReport& report);

} // namespace supportzip::ui
