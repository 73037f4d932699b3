// SPDX-License-Identifier: GPL-3.0-or-later
// Where a token may come from: a file the admin controls (or a prompt, in the front end). Never
// the command line or the environment, where other users and child processes can read it.
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

namespace supportzip::core::delivery {

struct TokenFile {
    QByteArray token;
    bool readableByOthers = false; // group or world may read the file: worth a warning
};

// Reads the whole file (at most 64 KiB) and strips one trailing "\n" or "\r\n".
// Errors: NotFound, ReadFailed, InvalidArgument (empty, several lines, or too large). Messages
// name the file, never its content.
Expected<TokenFile> readTokenFile(const QString& path);

} // namespace supportzip::core::delivery
