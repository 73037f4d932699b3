// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/inflatedlog.h"

#include "text/gzipinflate.h"

#include <QDir>
#include <QFile>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {

InflatedLog::InflatedLog(QObject* parent)
    : QObject(parent) {
}

InflatedLog::~InflatedLog() {
    clear();
}

QString InflatedLog::scratchDir() const {
    return m_dir ? m_dir->path() : QString();
}

void InflatedLog::inflate(const QString& gzipPath) {
    if (gzipPath == m_source && m_dir) {
        if (m_ready) {
            Q_EMIT ready(m_plain);
        }
        return;
    }
    clear();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                            QStringLiteral("/supportzip-view-XXXXXX"));
    if (!m_dir->isValid()) {
        const QString why = m_dir->errorString();
        m_dir.reset();
        Q_EMIT failed(tr("cannot create a private temporary folder: %1").arg(why));
        return;
    }
    // QTemporaryDir makes it owner-only already; say so explicitly, it holds customer data.
    QFile::setPermissions(m_dir->path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_source = gzipPath;
    m_plain = m_dir->filePath(QStringLiteral("inflated.log"));
    auto cancel = std::make_shared<core::CancelToken>();
    m_cancel = cancel;
    const int generation = ++m_generation;
    // clear() and the destructor wait for this task, so `this` outlives every event it posts.
    m_task = QtConcurrent::run([this, cancel, generation, source = m_source, plain = m_plain] {
        const auto onProgress = [this, generation](const core::Progress& p) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, done = p.done, total = p.total] {
                    if (generation == m_generation) {
                        Q_EMIT progress(done, total);
                    }
                },
                Qt::QueuedConnection);
        };
        const auto result = core::text::inflateGzipToFile(source, plain, cancel.get(), onProgress);
        const QString error = result ? QString() : result.error().toString();
        QMetaObject::invokeMethod(
            this, [this, generation, error] { finish(generation, error); }, Qt::QueuedConnection);
    });
}

void InflatedLog::finish(int generation, const QString& error) {
    if (generation != m_generation) {
        return; // cleared or replaced meanwhile
    }
    if (!error.isEmpty()) {
        clear();
        Q_EMIT failed(error);
        return;
    }
    m_ready = true;
    Q_EMIT ready(m_plain);
}

void InflatedLog::clear() {
    ++m_generation;
    if (m_cancel) {
        m_cancel->requestCancel(); // polled every 256 KiB: the wait below is short
    }
    m_task.waitForFinished();
    m_cancel.reset();
    m_dir.reset(); // removes the copy and the folder
    m_source.clear();
    m_plain.clear();
    m_ready = false;
}

} // namespace supportzip::ui
