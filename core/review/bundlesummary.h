// SPDX-License-Identifier: GPL-3.0-or-later
// What a support engineer looks at first: errors and exceptions grouped by class with counts and
// first/last time, the JVM arguments, the product and the installed apps, GC pauses over a
// threshold. One streamed pass over the bundle's members; synchronous, opens its own reader.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace supportzip::core::review {

struct ProblemGroup {
    QString
        name; // exception class, or the logger of ERROR lines ("c.a.j.rest.ExceptionInterceptor")
    bool exception = false;
    int count = 0;
    QDateTime first;
    QDateTime last;
    QString member; // where it first appears
    qint64 line = 0;
};

struct GcPause {
    QString member;
    qint64 line = 0;
    QDateTime time;
    QString kind; // "Pause Full (G1 Compaction Pause)"
    double milliseconds = 0;
};

struct InstalledApp {
    QString key;
    QString name;
    QString version;
    QString vendor;
    QString jar;
};

struct BundleSummary {
    QList<ProblemGroup> problems; // most frequent first
    QStringList jvmArguments;     // in order, each once
    QList<InstalledApp> apps;
    QList<GcPause> longGcPauses; // over the threshold, longest first
    int gcPauses = 0;            // all pauses seen
    double longestGcPauseMs = 0;
};

struct SummaryOptions {
    double gcThresholdMs = 500;
    int maxGcPauses = 1000;
};

Expected<BundleSummary> summarizeBundle(const QString& bundlePath,
                                        const SummaryOptions& options = {},
                                        const CancelToken* cancel = nullptr,
                                        const Secret& password = {});

} // namespace supportzip::core::review
