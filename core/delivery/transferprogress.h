// SPDX-License-Identifier: GPL-3.0-or-later
// Progress of a delivery, for a progress bar (GUI) or a status line (CLI).
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <chrono>
#include <functional>

namespace supportzip::core::delivery {

struct TransferProgress {
    enum class Stage {
        Verify,  // checking the bundle against its manifest, hashing it
        Lookup,  // JSM: finding the request's service desk
        Upload,  // sending the bundle's bytes
        Attach,  // JSM: attaching the uploaded file to the request
        Waiting, // a transient failure: waiting retryIn before attempt `attempt`
    };
    Stage stage = Stage::Verify;
    qint64 bytesSent = 0;
    qint64 bytesTotal = 0;
    double bytesPerSecond = 0; // average over the current attempt
    int attempt = 1;
    std::chrono::milliseconds retryIn{0};
    QString reason; // Waiting: why, e.g. "HTTP 503"; never a server's text
};

// Called on the thread that runs the job. Calling requestCancel() on the job (or the token the
// job was given) from inside the callback is allowed and stops the transfer at once.
using TransferProgressCallback = std::function<void(const TransferProgress&)>;

QString stageName(TransferProgress::Stage stage);

// Average rate since start(); 0 until some time has passed.
class RateMeter {
public:
    void start();
    double bytesPerSecond(qint64 bytes) const;

private:
    QElapsedTimer m_timer;
};

} // namespace supportzip::core::delivery
