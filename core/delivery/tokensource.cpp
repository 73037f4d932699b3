// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/tokensource.h"

#include "common/secretfile.h"

namespace supportzip::core::delivery {

Expected<TokenFile> readTokenFile(const QString& path) {
    auto file = readSecretFile(path, QStringLiteral("token"), SecretLines::OnlyOne);
    if (!file) {
        return tl::unexpected(file.error());
    }
    return TokenFile{file->secret.view().toByteArray(), file->readableByOthers};
}

} // namespace supportzip::core::delivery
