// SPDX-License-Identifier: GPL-3.0-or-later
// Reads bundles from strangers. Every bundle is treated as hostile: opening checks every member
// name (no absolute paths, "..", drive letters, backslashes, control characters, duplicates),
// refuses symbolic links, and enforces limits on the number of entries, their sizes and their
// compression ratio before a single byte is decompressed. Encrypted bundles (WinZip AES, every
// member encrypted: bundleencryption.h) are read with their password; one with some members
// encrypted and others not is refused.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace supportzip::core::bundle {

struct ReaderLimits {
    qint64 maxEntries = 100000;
    qint64 maxEntrySize = 16LL << 30; // uncompressed bytes of one member
    qint64 maxTotalSize = 64LL << 30; // uncompressed bytes of all members
    double maxRatio = 200.0; // uncompressed / compressed, for members over 1 MiB (logs: ~10-30)
};

struct BundleMember {
    QString name;
    qint64 size = 0;
    qint64 compressedSize = 0;
    bool encrypted = false;
};

class BundleReader final {
public:
    ~BundleReader();
    BundleReader(const BundleReader&) = delete;
    BundleReader& operator=(const BundleReader&) = delete;

    // Lists the members. Errors: NotFound, MalformedInput (not a zip, truncated), HostileInput
    // (with the member and the rule it broke, or a mix of encrypted and plain members),
    // UnsupportedInput (an encryption other than WinZip AES). An encrypted bundle opens, but its
    // members cannot be read: stream() fails with PasswordRequired.
    static Expected<std::unique_ptr<BundleReader>> open(const QString& path,
                                                        const ReaderLimits& limits = {});
    // As above, for reading: an encrypted bundle needs `password` (PasswordRequired when it is
    // empty, WrongPassword when it does not decrypt a member). Ignored for a plain bundle.
    static Expected<std::unique_ptr<BundleReader>> open(const QString& path, const Secret& password,
                                                        const ReaderLimits& limits = {});

    bool isEncrypted() const { return m_encrypted; }

    const QList<BundleMember>& members() const { return m_members; }
    bool contains(const QString& name) const;
    // Whole member, for small ones (the manifest); refuses members larger than maxBytes.
    Expected<QByteArray> read(const QString& name, qint64 maxBytes) const;
    // Streams a member to sink in chunks; sink returns false to stop early. Never reads more
    // than the member's declared size. Errors: NotFound, MalformedInput (damaged), HostileInput,
    // Cancelled, PasswordRequired, WrongPassword.
    Expected<void> stream(const QString& name, const std::function<bool(QByteArrayView)>& sink,
                          const CancelToken* cancel = nullptr) const;
    Expected<QString> sha256(const QString& name, const CancelToken* cancel = nullptr) const;

private:
    struct Handle;
    BundleReader(std::unique_ptr<Handle> handle, QList<BundleMember> members);
    Expected<void> unlock(const Secret& password);
    std::unique_ptr<Handle> m_handle;
    QList<BundleMember> m_members;
    bool m_encrypted = false;
    QString m_path;
};

// True when the zip at `path` is a supportzip bundle (a manifest.json at its top level), false
// for anything else, e.g. an Atlassian support zip or a broken file. Decides whether the GUI
// reviews a .zip it is given or collects from it.
bool isSupportzipBundle(const QString& path);

// The member-name rule on its own, for tests and for writers: empty when the name is safe,
// otherwise the reason.
QString unsafeMemberNameReason(const QString& name);

} // namespace supportzip::core::bundle
