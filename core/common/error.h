// SPDX-License-Identifier: GPL-3.0-or-later
// Errors are values: every fallible core call returns Expected<T>, which the caller must inspect.
#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace supportzip::core {

// Codes are for branching and exit codes; the message is for people.
enum class ErrorCode {
    InvalidArgument,  // the caller (or the user through a flag) asked for something impossible
    NotFound,         // a path, installation or bundle member does not exist
    PermissionDenied, // the OS refused to open or create something
    ReadFailed,       // I/O error while reading
    WriteFailed,      // I/O error while writing (disk full included)
    UnsupportedInput, // binary, unknown encoding, unknown archive format
    MalformedInput,   // broken XML, JSON or zip
    HostileInput,     // a bundle that tries to escape, bomb or lie
    PasswordRequired, // the bundle is encrypted and no password was given
    WrongPassword,    // the password given does not open the bundle
    VerificationFailed,
    ConsentMissing,
    Cancelled,
    Internal,
    // Sending a bundle (core/delivery): what the endpoint or the network answered.
    AuthenticationFailed, // HTTP 401: wrong e-mail, token or scheme
    AccessDenied,         // HTTP 403: authenticated, but not allowed to attach
    RemoteNotFound,       // HTTP 404 on the request (ticket) or endpoint
    AttachmentsDisabled,  // the service desk does not accept attachments
    TooLarge,             // HTTP 413: over the portal's size limit
    NetworkTimeout,       // no bytes moved for the inactivity timeout
    TlsFailed,            // certificate not trusted, handshake failed
    ProxyFailed,          // the proxy refused, needs authentication or is unreachable
    NetworkFailed,        // connection refused or reset, DNS, other HTTP errors (after retries)
};

struct [[nodiscard]] Error {
    ErrorCode code = ErrorCode::Internal;
    QString message; // a sentence the user can act on, never a scrubbed value
    QString path;    // the file concerned, if any (paths are the admin's own, shown locally)

    QString toString() const {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
};

template <typename T> using Expected = tl::expected<T, Error>;

inline tl::unexpected<Error> makeError(ErrorCode code, QString message, QString path = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(path)});
}

QString errorCodeName(ErrorCode code);

} // namespace supportzip::core
