// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging/logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <mutex>
#include <vector>

namespace supportzip::core::logging {
namespace {

std::mutex s_mutex;
std::vector<spdlog::sink_ptr> s_sinks;
spdlog::level::level_enum s_level = spdlog::level::info;

void applyToExisting() {
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) {
        l->sinks() = s_sinks;
        l->set_level(s_level);
    });
}

} // namespace

QString defaultLogDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/logs");
}

void setupForCli(Verbosity verbosity, const QString& logFile) {
    std::lock_guard lock(s_mutex);
    s_sinks.clear();
    auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    err->set_level(verbosity == Verbosity::Verbose ? spdlog::level::debug
                   : verbosity == Verbosity::Quiet ? spdlog::level::err
                                                   : spdlog::level::warn);
    err->set_pattern("supportzip: %l: %v");
    s_sinks.push_back(err);
    // The tool's own log also goes to a file: the one asked for, or a rotating one in the
    // user's data folder, so a failed cron run can be looked at afterwards.
    try {
        spdlog::sink_ptr file;
        if (!logFile.isEmpty()) {
            file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(logFile.toStdString());
        } else if (QDir().mkpath(defaultLogDirectory())) {
            file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QString(defaultLogDirectory() + QStringLiteral("/supportzip.log")).toStdString(),
                5 * 1024 * 1024, 3);
        }
        if (file) {
            file->set_level(spdlog::level::info);
            s_sinks.push_back(file);
        }
    } catch (const spdlog::spdlog_ex& e) {
        // An unwritable log file must not stop the collection; say so on stderr.
        err->log(spdlog::details::log_msg("supportzip", spdlog::level::warn,
                                          std::string("cannot open the log file: ") + e.what()));
    }
    s_level = spdlog::level::debug;
    applyToExisting();
}

QString setupForGui() {
    std::lock_guard lock(s_mutex);
    const QString dir = defaultLogDirectory();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/supportzip-gui.log");
    s_sinks.clear();
    s_sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(),
                                                                             5 * 1024 * 1024, 3));
    s_level = spdlog::level::info;
    applyToExisting();
    return path;
}

std::shared_ptr<spdlog::logger> logger(const char* category) {
    std::lock_guard lock(s_mutex);
    if (auto existing = spdlog::get(category)) {
        return existing;
    }
    std::vector<spdlog::sink_ptr> sinks = s_sinks;
    if (sinks.empty()) {
        sinks.push_back(std::make_shared<spdlog::sinks::null_sink_mt>());
    }
    auto created = std::make_shared<spdlog::logger>(category, sinks.begin(), sinks.end());
    created->set_level(s_level);
    spdlog::register_logger(created);
    return created;
}

} // namespace supportzip::core::logging
