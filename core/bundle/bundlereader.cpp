// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundlereader.h"
#include "common/sha256.h"

#include "bundle/bundleencryption.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <zip.h>

namespace supportzip::core::bundle {

struct BundleReader::Handle {
    zip_t* zip = nullptr;
    Secret password; // set by unlock(); libzip gets it per member, never as a default
    ~Handle() {
        if (zip != nullptr) {
            zip_discard(zip);
        }
    }
};

namespace {

constexpr unsigned kUnixFileTypeMask = 0170000;
constexpr unsigned kUnixSymlink = 0120000;

Error hostile(const QString& path, const QString& member, const QString& why) {
    return Error{ErrorCode::HostileInput,
                 QStringLiteral("refused: member \"%1\" %2").arg(member.left(200), why), path};
}

bool isSymlinkMember(zip_t* z, zip_uint64_t index) {
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(z, index, 0, &opsys, &attributes) != 0) {
        return false;
    }
    return opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & kUnixFileTypeMask) == kUnixSymlink;
}

bool isWinZipAes(zip_uint16_t method) {
    return method == ZIP_EM_AES_128 || method == ZIP_EM_AES_192 || method == ZIP_EM_AES_256;
}

// What libzip's error on an encrypted member means for the user.
Error encryptedReadError(int zipError, const QString& path, const QString& member,
                         const QString& why) {
    if (zipError == ZIP_ER_WRONGPASSWD) {
        return wrongPasswordError(path);
    }
    if (zipError == ZIP_ER_NOPASSWD) {
        return passwordRequiredError(path);
    }
    return Error{ErrorCode::MalformedInput,
                 QStringLiteral("member \"%1\" is damaged: %2").arg(member, why), path};
}

} // namespace

QString unsafeMemberNameReason(const QString& name) {
    if (name.isEmpty()) {
        return QStringLiteral("has an empty name");
    }
    if (name.startsWith(u'/')) {
        return QStringLiteral("has an absolute path");
    }
    if (name.contains(u'\\')) {
        return QStringLiteral("contains a backslash");
    }
    if (name.size() >= 2 && name[1] == u':') {
        return QStringLiteral("starts with a drive letter");
    }
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return QStringLiteral("contains a control character");
        }
    }
    const QStringList segments = name.split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString& s = segments[i];
        if (s == QStringLiteral("..") || s == QStringLiteral(".")) {
            return QStringLiteral("contains a \"..\" or \".\" segment (path traversal)");
        }
        if (s.isEmpty() && i != segments.size() - 1) {
            return QStringLiteral("contains an empty path segment");
        }
    }
    return {};
}

BundleReader::BundleReader(std::unique_ptr<Handle> handle, QList<BundleMember> members)
    : m_handle(std::move(handle))
    , m_members(std::move(members)) {
}

BundleReader::~BundleReader() = default;

Expected<std::unique_ptr<BundleReader>> BundleReader::open(const QString& path,
                                                           const ReaderLimits& limits) {
    if (!QFileInfo(path).isFile()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("no such bundle file"), path);
    }
    int err = 0;
    auto handle = std::make_unique<Handle>();
    handle->zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (handle->zip == nullptr) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const QString why = QString::fromUtf8(zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return makeError(
            ErrorCode::MalformedInput,
            QStringLiteral("not a readable zip file (truncated or damaged?): %1").arg(why), path);
    }
    const zip_int64_t count = zip_get_num_entries(handle->zip, 0);
    if (count > limits.maxEntries) {
        return makeError(ErrorCode::HostileInput,
                         QStringLiteral("refused: %1 members, more than the limit of %2")
                             .arg(count)
                             .arg(limits.maxEntries),
                         path);
    }
    QList<BundleMember> members;
    QSet<QString> seen;
    qint64 total = 0;
    qint64 totalCompressed = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        const auto index = static_cast<zip_uint64_t>(i);
        // Raw name bytes: libzip's CP437 guess would turn control bytes into harmless-looking
        // symbols before we could check them.
        if (zip_stat_index(handle->zip, index, ZIP_FL_ENC_RAW, &st) != 0 ||
            (st.valid & ZIP_STAT_NAME) == 0) {
            return makeError(ErrorCode::MalformedInput,
                             QStringLiteral("member %1 cannot be read").arg(i), path);
        }
        const QString name = QString::fromUtf8(st.name);
        if (const QString why = unsafeMemberNameReason(name); !why.isEmpty()) {
            return tl::unexpected(hostile(path, name, why));
        }
        if (seen.contains(name)) {
            return tl::unexpected(hostile(path, name, QStringLiteral("appears twice")));
        }
        seen.insert(name);
        if (isSymlinkMember(handle->zip, index)) {
            return tl::unexpected(hostile(path, name, QStringLiteral("is a symbolic link")));
        }
        const bool encrypted =
            (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
        if (encrypted && !isWinZipAes(st.encryption_method)) {
            return makeError(ErrorCode::UnsupportedInput,
                             QStringLiteral("member \"%1\" uses an encryption this tool does not "
                                            "read (supportzip bundles use WinZip AES)")
                                 .arg(name),
                             path);
        }
        const auto size = static_cast<qint64>(st.size);
        const auto compressed = static_cast<qint64>(st.comp_size);
        if (size > limits.maxEntrySize) {
            return tl::unexpected(hostile(
                path, name,
                QStringLiteral("is larger than the limit of %1 bytes").arg(limits.maxEntrySize)));
        }
        if (size > (1 << 20) &&
            static_cast<double>(size) >
                limits.maxRatio * static_cast<double>(std::max<qint64>(compressed, 1))) {
            return tl::unexpected(hostile(
                path, name,
                QStringLiteral("expands more than %1 times (a zip bomb?)").arg(limits.maxRatio)));
        }
        total += size;
        totalCompressed += compressed;
        // Many small members each under the per-member ratio check still add up to a bomb.
        if (total > (16 << 20) &&
            static_cast<double>(total) >
                limits.maxRatio * static_cast<double>(std::max<qint64>(totalCompressed, 1))) {
            return makeError(
                ErrorCode::HostileInput,
                QStringLiteral(
                    "refused: the members together expand more than %1 times (a zip bomb?)")
                    .arg(limits.maxRatio),
                path);
        }
        if (total > limits.maxTotalSize) {
            return makeError(ErrorCode::HostileInput,
                             QStringLiteral("refused: the members add up to more than %1 bytes")
                                 .arg(limits.maxTotalSize),
                             path);
        }
        if (!name.endsWith(u'/')) {
            members.append({name, size, compressed, encrypted});
        }
    }
    const auto encryptedCount = std::count_if(members.begin(), members.end(),
                                              [](const BundleMember& m) { return m.encrypted; });
    // A plain member among encrypted ones (a manifest swapped in, say) is not what was sent.
    if (encryptedCount > 0 && encryptedCount < members.size()) {
        const auto plain = std::find_if(members.begin(), members.end(),
                                        [](const BundleMember& m) { return !m.encrypted; });
        return tl::unexpected(hostile(
            path, plain->name,
            QStringLiteral("is not encrypted while other members are (members were swapped?)")));
    }
    auto reader =
        std::unique_ptr<BundleReader>(new BundleReader(std::move(handle), std::move(members)));
    reader->m_encrypted = encryptedCount > 0;
    reader->m_path = path;
    return reader;
}

Expected<std::unique_ptr<BundleReader>>
BundleReader::open(const QString& path, const Secret& password, const ReaderLimits& limits) {
    auto reader = open(path, limits);
    if (!reader || !(*reader)->isEncrypted()) {
        return reader;
    }
    if (password.isEmpty()) {
        return tl::unexpected(passwordRequiredError(path));
    }
    if (auto ok = (*reader)->unlock(password); !ok) {
        return tl::unexpected(ok.error());
    }
    return reader;
}

// Reads the smallest member whole: libzip checks the password's 2-byte verifier on open and the
// member's HMAC at its end, so a wrong password is told apart here, before any real work.
Expected<void> BundleReader::unlock(const Secret& password) {
    const auto smallest =
        std::min_element(m_members.begin(), m_members.end(),
                         [](const auto& a, const auto& b) { return a.size < b.size; });
    if (smallest == m_members.end()) {
        return {};
    }
    m_handle->password = password;
    auto ok = stream(smallest->name, [](QByteArrayView) { return true; });
    if (!ok && ok.error().code == ErrorCode::MalformedInput) {
        // An AES member whose HMAC fails: a wrong password that passed the 2-byte verifier.
        m_handle->password = Secret();
        return tl::unexpected(wrongPasswordError(m_path));
    }
    if (!ok) {
        m_handle->password = Secret();
    }
    return ok;
}

bool BundleReader::contains(const QString& name) const {
    return std::any_of(m_members.begin(), m_members.end(),
                       [&](const BundleMember& m) { return m.name == name; });
}

Expected<void> BundleReader::stream(const QString& name,
                                    const std::function<bool(QByteArrayView)>& sink,
                                    const CancelToken* cancel) const {
    const auto it = std::find_if(m_members.begin(), m_members.end(),
                                 [&](const BundleMember& m) { return m.name == name; });
    if (it == m_members.end()) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the bundle has no member \"%1\"").arg(name));
    }
    if (it->encrypted && m_handle->password.isEmpty()) {
        return tl::unexpected(passwordRequiredError(m_path));
    }
    zip_file_t* f = it->encrypted
                        ? zip_fopen_encrypted(m_handle->zip, name.toUtf8().constData(),
                                              ZIP_FL_ENC_RAW, m_handle->password.c_str())
                        : zip_fopen(m_handle->zip, name.toUtf8().constData(), ZIP_FL_ENC_RAW);
    if (f == nullptr) {
        const QString why = QString::fromUtf8(zip_strerror(m_handle->zip));
        if (it->encrypted) {
            return tl::unexpected(encryptedReadError(
                zip_error_code_zip(zip_get_error(m_handle->zip)), m_path, name, why));
        }
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("member \"%1\" cannot be opened: %2").arg(name, why));
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    zip_int64_t n = 0;
    while ((n = zip_fread(f, buffer.data(), static_cast<zip_uint64_t>(buffer.size()))) > 0) {
        total += n;
        if (total > it->size || (cancel != nullptr && cancel->isCancelled()) ||
            !sink(QByteArrayView(buffer.constData(), static_cast<qsizetype>(n)))) {
            break;
        }
    }
    const QString why = n < 0 ? QString::fromUtf8(zip_file_strerror(f)) : QString();
    const int zipError = n < 0 ? zip_error_code_zip(zip_file_get_error(f)) : ZIP_ER_OK;
    zip_fclose(f);
    if (cancel != nullptr && cancel->isCancelled()) {
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
    if (n < 0) {
        if (it->encrypted) {
            return tl::unexpected(encryptedReadError(zipError, m_path, name, why));
        }
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("member \"%1\" is damaged: %2").arg(name, why));
    }
    if (total > it->size) {
        return makeError(
            ErrorCode::HostileInput,
            QStringLiteral("member \"%1\" holds more than its declared size").arg(name));
    }
    return {};
}

Expected<QByteArray> BundleReader::read(const QString& name, qint64 maxBytes) const {
    const auto it = std::find_if(m_members.begin(), m_members.end(),
                                 [&](const BundleMember& m) { return m.name == name; });
    if (it != m_members.end() && it->size > maxBytes) {
        return makeError(
            ErrorCode::HostileInput,
            QStringLiteral("member \"%1\" is larger than %2 bytes").arg(name).arg(maxBytes));
    }
    QByteArray data;
    auto ok = stream(name, [&](QByteArrayView chunk) {
        data.append(chunk);
        return true;
    });
    if (!ok) {
        return tl::unexpected(ok.error());
    }
    return data;
}

Expected<QString> BundleReader::sha256(const QString& name, const CancelToken* cancel) const {
    Sha256 hash;
    auto ok = stream(
        name,
        [&](QByteArrayView chunk) {
            hash.addData(chunk);
            return true;
        },
        cancel);
    if (!ok) {
        return tl::unexpected(ok.error());
    }
    return hash.hexResult();
}

bool isSupportzipBundle(const QString& path) {
    auto reader = BundleReader::open(path);
    return reader && (*reader)->contains(QStringLiteral("manifest.json"));
}

} // namespace supportzip::core::bundle
