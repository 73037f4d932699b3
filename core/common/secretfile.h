// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets (API tokens, bundle passwords) come from a file the user controls or a no-echo prompt
// in the front end; never from the command line or the environment, where other users and
// child processes can read them.
#pragma once

#include "common/error.h"
#include "common/secret.h"

#include <QString>

namespace supportzip::core {

enum class SecretLines {
    OnlyOne,   // a second line is an error (tokens: a pasted extra line is a mistake)
    FirstLine, // the first line is the secret, the rest is ignored (password files, as gpg)
};

struct SecretFile {
    Secret secret;
    bool readableByOthers = false; // group or world may read the file (POSIX permissions)
};

// Reads at most 64 KiB and strips the line end ("\n" or "\r\n"). `what` names the secret in
// messages ("token", "password"). Errors: NotFound, ReadFailed, InvalidArgument (empty, too
// large, or several lines with OnlyOne). Messages name the file, never its content.
Expected<SecretFile> readSecretFile(const QString& path, const QString& what, SecretLines lines);

// The bundle password from --password-file: the first line of a file that only its owner may
// read. A file others can read is refused (PermissionDenied), as ssh refuses a private key:
// the password protects customer data, and a readable file defeats it.
Expected<Secret> readPasswordFile(const QString& path);

} // namespace supportzip::core
