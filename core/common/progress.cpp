// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/progress.h"

#include <thread>

namespace supportzip::core {

ProgressThrottle::ProgressThrottle(ProgressCallback callback, std::chrono::milliseconds interval)
    : m_callback(std::move(callback))
    , m_interval(interval) {
}

void ProgressThrottle::report(const Progress& progress, bool force) {
    if (!m_callback) {
        return;
    }
    // Several worker threads report; one at a time gets through, the rest drop their update.
    while (m_busy.test_and_set(std::memory_order_acquire)) {
        if (!force) {
            return;
        }
        std::this_thread::yield(); // a final report must not be lost
    }
    const auto now = std::chrono::steady_clock::now();
    if (force || now - m_last >= m_interval) {
        m_last = now;
        m_callback(progress);
    }
    m_busy.clear(std::memory_order_release);
}

} // namespace supportzip::core
