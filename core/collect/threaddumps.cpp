// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/threaddumps.h"

#include "logging/logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

namespace supportzip::core::collect {
namespace {

constexpr int kJcmdTimeoutMs = 60000;

QString findJcmd(const ThreadDumpOptions& options) {
    if (!options.jcmd.isEmpty()) {
        return QFileInfo(options.jcmd).isExecutable() ? options.jcmd : QString();
    }
    const QString javaHome = qEnvironmentVariable("JAVA_HOME");
    if (!javaHome.isEmpty() && QFileInfo(javaHome + QStringLiteral("/bin/jcmd")).isExecutable()) {
        return javaHome + QStringLiteral("/bin/jcmd");
    }
    return QStandardPaths::findExecutable(QStringLiteral("jcmd"));
}

// Sleeps in small steps so a cancel is honoured within 100 ms.
bool waitCancellable(int seconds, const CancelToken* cancel) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < seconds * 1000LL) {
        if (cancel != nullptr && cancel->isCancelled()) {
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

} // namespace

ThreadDumpResult takeThreadDumps(qint64 pid, const QString& outputDir,
                                 const ThreadDumpOptions& options, const CancelToken* cancel) {
    ThreadDumpResult result;
    const QString jcmd = findJcmd(options);
    if (jcmd.isEmpty()) {
        result.skippedReason =
            QStringLiteral("no thread dump taken: jcmd was not found (install a JDK, set "
                           "JAVA_HOME or put jcmd on PATH)");
        return result;
    }
    for (int n = 1; n <= options.count; ++n) {
        if (n > 1 && !waitCancellable(options.intervalSeconds, cancel)) {
            result.skippedReason = QStringLiteral("thread dumps stopped: cancelled");
            return result;
        }
        QProcess process;
        process.start(jcmd,
                      {QString::number(pid), QStringLiteral("Thread.print"), QStringLiteral("-l")});
        if (!process.waitForFinished(kJcmdTimeoutMs) ||
            process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            // jcmd's own message may name the process owner: not repeated, only what to do.
            result.skippedReason =
                QStringLiteral("thread dump %1 of %2 failed (jcmd exit code %3): run supportzip as "
                               "the user that runs the application")
                    .arg(n)
                    .arg(options.count)
                    .arg(process.exitCode());
            process.kill();
            return result;
        }
        const QString path = outputDir + QStringLiteral("/threaddump-%1.txt").arg(n);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(process.readAllStandardOutput()) < 0) {
            result.skippedReason = QStringLiteral("thread dump %1 could not be stored: %2")
                                       .arg(n)
                                       .arg(out.errorString());
            return result;
        }
        result.files << path;
    }
    logging::logger("supportzip.core.collect")->info("{} thread dumps taken", result.files.size());
    return result;
}

} // namespace supportzip::core::collect
