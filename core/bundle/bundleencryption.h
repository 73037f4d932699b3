// SPDX-License-Identifier: GPL-3.0-or-later
// Optional password encryption of a bundle: WinZip AES-256 on every member, README.txt and
// manifest.json included (the manifest holds the consent record, the admin's name and e-mail,
// which are personal data). Member names stay readable, as in every zip: they are scrubbed
// like the content. AES uses a random salt per member, so an encrypted bundle is never
// byte-identical to another; it decrypts to identical content. Unencrypted bundles stay
// deterministic.
#pragma once

#include "common/error.h"
#include "common/secret.h"

#include <QString>

namespace supportzip::core::bundle {

inline constexpr qsizetype kMinPasswordLength = 8;

// The manifest's "encryption" value.
QString encryptionName(bool encrypted);

// Errors: UnsupportedInput when this build of libzip cannot write WinZip AES (built without a
// crypto library).
Expected<void> checkAesSupported();

// For a password that will protect a new bundle: InvalidArgument when it is shorter than
// kMinPasswordLength characters (bytes of UTF-8).
Expected<void> checkNewPassword(const Secret& password);

// The messages every front end shows for a locked bundle.
Error passwordRequiredError(const QString& path);
Error wrongPasswordError(const QString& path);

} // namespace supportzip::core::bundle
