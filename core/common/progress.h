// SPDX-License-Identifier: GPL-3.0-or-later
// Progress and cancellation plumbing shared by every long-running core job.
#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

namespace supportzip::core {

struct Progress {
    QString stage; // "discover", "inventory", "learn", "scrub", "write"
    QString item;  // current file (a local path; shown to the local user only)
    std::int64_t done = 0;
    std::int64_t total = 0; // 0 when unknown
};

// Called from whichever thread does the work; the receiver must be thread-safe (the GUI
// re-posts to its own thread through a queued signal).
using ProgressCallback = std::function<void(const Progress&)>;

// Cooperative cancellation: set from any thread, polled by the job between small units of work.
class CancelToken {
public:
    void requestCancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Forwards progress at most every interval (or when forced), so callers never flood a UI.
class ProgressThrottle {
public:
    explicit ProgressThrottle(ProgressCallback callback,
                              std::chrono::milliseconds interval = std::chrono::milliseconds(100));
    void report(const Progress& progress, bool force = false);

private:
    ProgressCallback m_callback;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last{};
    std::atomic_flag m_busy = ATOMIC_FLAG_INIT;
};

} // namespace supportzip::core
