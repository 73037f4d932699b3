// SPDX-License-Identifier: GPL-3.0-or-later
// Thread dumps of the running JVM, taken with `jcmd <pid> Thread.print -l` several times a few
// seconds apart (as Atlassian support asks). They go through the scrubber like every log: thread
// names carry user names and URLs.
#pragma once

#include "common/progress.h"

#include <QString>
#include <QStringList>

namespace supportzip::core::collect {

struct ThreadDumpOptions {
    int count = 3;
    int intervalSeconds = 5;
    QString jcmd; // empty: $JAVA_HOME/bin/jcmd, then jcmd on PATH
};

struct ThreadDumpResult {
    QStringList files;     // written dumps, in order
    QString skippedReason; // why none (or fewer) were taken; empty when all were
};

ThreadDumpResult takeThreadDumps(qint64 pid, const QString& outputDir,
                                 const ThreadDumpOptions& options, const CancelToken* cancel);

} // namespace supportzip::core::collect
