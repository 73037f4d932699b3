// SPDX-License-Identifier: GPL-3.0-or-later
// A compressed rotated log (atlassian-jira.log.3.gz) made viewable by the lazy LogFileModel,
// which needs a seekable plain file: the log is inflated on a worker thread (progress,
// cancellable) into a private temporary folder (owner-only), one log at a time. The copy is the
// customer's unscrubbed text, so it lives no longer than needed: it is removed by clear(), by
// inflating another log, and with this object. Memory stays flat whatever the size (a fixed
// buffer); the disk holds the inflated log while it is shown.
#pragma once

#include "common/progress.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace supportzip::ui {

class InflatedLog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InflatedLog)
public:
    explicit InflatedLog(QObject* parent = nullptr);
    ~InflatedLog() override; // cancels, waits for the worker and removes the copy

    // Inflates gzipPath, replacing any earlier copy; ready() or failed() follows. When that log
    // is already inflated, ready() is emitted at once; when it is being inflated, nothing changes.
    void inflate(const QString& gzipPath);
    // Cancels a running inflation and removes the copy and its folder.
    void clear();

    QString sourcePath() const { return m_source; }
    QString plainPath() const { return m_ready ? m_plain : QString(); }
    // The private folder while a copy exists (tests check that it goes away).
    QString scratchDir() const;

Q_SIGNALS:
    void progress(qint64 compressedDone, qint64 compressedTotal);
    void ready(const QString& plainPath);
    void failed(const QString& message);

private:
    void finish(int generation, const QString& error);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<core::CancelToken> m_cancel;
    QFuture<void> m_task;
    QString m_source;
    QString m_plain;
    bool m_ready = false;
    int m_generation = 0;
};

} // namespace supportzip::ui
