// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a function for every file index on a thread pool; the passes of a job share it.
#pragma once

#include <QList>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <numeric>

namespace supportzip::core::pipeline {

// Calls fn(i) for i in [0, count) on the pool, in parallel; blocks until all calls returned.
// fn checks the job's cancel token itself, so a cancel ends the remaining calls at once.
template <typename Fn> void forEachFile(QThreadPool& pool, qsizetype count, Fn fn) {
    QList<qsizetype> indices(count);
    std::iota(indices.begin(), indices.end(), 0);
    QtConcurrent::blockingMap(&pool, indices, fn);
}

} // namespace supportzip::core::pipeline
