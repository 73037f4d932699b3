// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenprompt.h"

#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace supportzip::cli {

bool stdinIsTerminal() {
    return isatty(STDIN_FILENO) != 0;
}

std::optional<QByteArray> promptNoEcho(QTextStream& err, const QString& prompt) {
    // Echo goes off (dropping anything typed before the question) before the prompt shows, so
    // an answer typed the moment it appears is neither echoed nor thrown away.
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    err << prompt << Qt::flush;
    std::string line;
    line.reserve(4096); // no reallocation leaves copies of the secret behind unwiped
    bool ok = false;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
        if (c == '\n') {
            ok = true;
            break;
        }
        line.push_back(static_cast<char>(c));
    }
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved); // keep what is typed ahead for the next prompt
    }
    err << "\n" << Qt::flush;
    if (!ok && line.empty()) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    QByteArray token(line.data(), static_cast<qsizetype>(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return token;
}

} // namespace supportzip::cli
