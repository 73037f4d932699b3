// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"

namespace supportzip::core {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission-denied");
    case ErrorCode::ReadFailed:
        return QStringLiteral("read-failed");
    case ErrorCode::WriteFailed:
        return QStringLiteral("write-failed");
    case ErrorCode::UnsupportedInput:
        return QStringLiteral("unsupported-input");
    case ErrorCode::MalformedInput:
        return QStringLiteral("malformed-input");
    case ErrorCode::HostileInput:
        return QStringLiteral("hostile-input");
    case ErrorCode::PasswordRequired:
        return QStringLiteral("password-required");
    case ErrorCode::WrongPassword:
        return QStringLiteral("wrong-password");
    case ErrorCode::VerificationFailed:
        return QStringLiteral("verification-failed");
    case ErrorCode::ConsentMissing:
        return QStringLiteral("consent-missing");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case ErrorCode::AccessDenied:
        return QStringLiteral("access-denied");
    case ErrorCode::RemoteNotFound:
        return QStringLiteral("remote-not-found");
    case ErrorCode::AttachmentsDisabled:
        return QStringLiteral("attachments-disabled");
    case ErrorCode::TooLarge:
        return QStringLiteral("too-large");
    case ErrorCode::NetworkTimeout:
        return QStringLiteral("network-timeout");
    case ErrorCode::TlsFailed:
        return QStringLiteral("tls-failed");
    case ErrorCode::ProxyFailed:
        return QStringLiteral("proxy-failed");
    case ErrorCode::NetworkFailed:
        return QStringLiteral("network-failed");
    }
    return QStringLiteral("internal");
}

} // namespace supportzip::core
