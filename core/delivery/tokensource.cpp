// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/tokensource.h"

#include <QFile>
#include <QFileInfo>

namespace supportzip::core::delivery {
namespace {
constexpr qint64 kMaxTokenFile = 64 * 1024;
}

Expected<TokenFile> readTokenFile(const QString& path) {
    QFile file(path);
    if (!file.exists()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("token file not found"), path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ReadFailed,
                         QStringLiteral("cannot read the token file: %1").arg(file.errorString()),
                         path);
    }
    TokenFile result;
    result.token = file.read(kMaxTokenFile + 1);
    if (result.token.size() > kMaxTokenFile) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the token file is too large to hold a token"), path);
    }
    if (result.token.endsWith('\n')) {
        result.token.chop(result.token.endsWith("\r\n") ? 2 : 1);
    }
    if (result.token.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the token file is empty"),
                         path);
    }
    if (result.token.contains('\n') || result.token.contains('\r')) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the token file must hold the token on one line"), path);
    }
    const auto perms = QFileInfo(path).permissions();
    result.readableByOthers = perms.testAnyFlags(QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return result;
}

} // namespace supportzip::core::delivery
