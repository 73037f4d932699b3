// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl-C sets an atomic flag from the signal handler; while a job runs, this watcher turns the
// flag into the job's cancel request within 100 ms, even while one huge file is being scrubbed
// or uploaded. Scoped: it stops and joins when it goes out of scope.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace supportzip::cli {

class InterruptWatcher final {
public:
    InterruptWatcher(const std::atomic<bool>* interrupted, std::function<void()> cancel)
        : m_thread([this, interrupted, cancel = std::move(cancel)] {
            while (!m_finished.load() && interrupted != nullptr) {
                if (interrupted->load()) {
                    cancel();
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }) {}
    ~InterruptWatcher() {
        m_finished.store(true);
        m_thread.join();
    }
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;

private:
    std::atomic<bool> m_finished{false}; // declared before the thread that reads it
    std::thread m_thread;
};

} // namespace supportzip::cli
