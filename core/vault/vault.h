// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's local records, readable by that user alone and never bundled: the pseudonym key
// (created once per machine, exportable so all cluster nodes share it) and the mapping from
// pseudonyms back to originals, used by `supportzip unmask`.
#pragma once

#include "common/error.h"
#include "scrub/pseudonymizer.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace supportzip::core::vault {

class Vault final {
public:
    // dir empty: <AppDataLocation>/vault, or $SUPPORTZIP_VAULT_DIR when set.
    explicit Vault(QString dir = {});

    const QString& directory() const { return m_dir; }
    // Reads the key, creating 32 random bytes on first use (file mode 0600, folder 0700).
    Expected<QByteArray> loadOrCreateKey() const;
    // Writes the key to a file (mode 0600) so other nodes of a cluster can import it and produce
    // the same pseudonyms. The file is as secret as the mapping: move it by hand, never bundle it.
    Expected<void> exportKey(const QString& path) const;
    // Installs a key exported elsewhere. Refuses to replace a different existing key unless
    // `replace` is set, because pseudonyms in bundles already sent would no longer match.
    Expected<void> importKey(const QString& path, bool replace) const;
    // Adds pseudonym -> original lines for a bundle to mapping.tsv (0600), deduplicated.
    Expected<void> recordMapping(const std::vector<scrub::MappingEntry>& entries,
                                 const QString& bundleName) const;
    // pseudonym -> original, for unmask.
    Expected<QHash<QString, QString>> readMapping() const;

private:
    Expected<void> ensureDirectory() const;
    QString m_dir;
};

} // namespace supportzip::core::vault
