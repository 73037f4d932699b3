// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secretfile.h"

#include <QFile>
#include <QFileInfo>

namespace supportzip::core {
namespace {
constexpr qint64 kMaxSecretFile = 64 * 1024;
}

Expected<SecretFile> readSecretFile(const QString& path, const QString& what, SecretLines lines) {
    QFile file(path);
    if (!file.exists()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 file not found").arg(what), path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::ReadFailed,
            QStringLiteral("cannot read the %1 file: %2").arg(what, file.errorString()), path);
    }
    QByteArray bytes = file.read(kMaxSecretFile + 1);
    if (bytes.size() > kMaxSecretFile) {
        wipe(bytes);
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 file is too large to hold a %1").arg(what), path);
    }
    const qsizetype newline = bytes.indexOf('\n');
    const bool moreLines = newline >= 0 && newline + 1 < bytes.size();
    if (moreLines && lines == SecretLines::OnlyOne) {
        wipe(bytes);
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 file must hold the %1 on one line").arg(what),
                         path);
    }
    if (newline >= 0) {
        bytes.truncate(newline > 0 && bytes[newline - 1] == '\r' ? newline - 1 : newline);
    }
    if (bytes.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 file is empty").arg(what), path);
    }
    if (bytes.contains('\r')) {
        wipe(bytes);
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 file must hold the %1 on one line").arg(what),
                         path);
    }
    SecretFile result;
    result.secret = Secret::take(bytes);
    const auto perms = QFileInfo(path).permissions();
    result.readableByOthers = perms.testAnyFlags(QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return result;
}

Expected<Secret> readPasswordFile(const QString& path) {
    auto file = readSecretFile(path, QStringLiteral("password"), SecretLines::FirstLine);
    if (!file) {
        return tl::unexpected(file.error());
    }
#ifdef Q_OS_UNIX
    if (file->readableByOthers) {
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("the password file can be read by other users; restrict "
                                        "it with chmod 600 and run again"),
                         path);
    }
#endif
    return file->secret;
}

} // namespace supportzip::core
