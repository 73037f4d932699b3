// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundleencryption.h"

#include <zip.h>

namespace supportzip::core::bundle {

QString encryptionName(bool encrypted) {
    return encrypted ? QStringLiteral("aes-256") : QStringLiteral("none");
}

Expected<void> checkAesSupported() {
    if (zip_encryption_method_supported(ZIP_EM_AES_256, 1) == 0) {
        return makeError(ErrorCode::UnsupportedInput,
                         QStringLiteral("this build of libzip cannot write AES-256 encrypted "
                                        "zips (it was built without a crypto library); write the "
                                        "bundle without a password or use another build"));
    }
    return {};
}

Expected<void> checkNewPassword(const Secret& password) {
    if (password.size() < kMinPasswordLength) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the bundle password needs at least %1 characters")
                             .arg(kMinPasswordLength));
    }
    return {};
}

Error passwordRequiredError(const QString& path) {
    return Error{ErrorCode::PasswordRequired,
                 QStringLiteral("the bundle is encrypted; give its password (--password-file "
                                "FILE or --password-prompt)"),
                 path};
}

Error wrongPasswordError(const QString& path) {
    return Error{ErrorCode::WrongPassword,
                 QStringLiteral("the password does not open this encrypted bundle"), path};
}

} // namespace supportzip::core::bundle
