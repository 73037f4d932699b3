// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundlewriter.h"

#include "bundle/bundleencryption.h"
#include "logging/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <zip.h>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include <cstdio>
#include <memory>
#include <vector>

namespace supportzip::core::bundle {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const {
        if (z != nullptr) {
            zip_discard(z); // only reached when zip_close was not called or failed
        }
    }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

struct FileCloser {
    void operator()(zip_file_t* f) const {
        if (f != nullptr) {
            zip_fclose(f);
        }
    }
};

struct CallbackState {
    const CancelToken* cancel;
    const ProgressCallback* progress;
};

QString zipErrorText(zip_t* z) {
    return QString::fromUtf8(zip_strerror(z));
}

Expected<void> addEntry(zip_t* z, const BundleEntry& e, time_t mtime,
                        std::vector<ZipHandle>& sources, const Secret& password) {
    const QByteArray name = e.path.toUtf8();
    zip_source_t* src = nullptr;
    if (!e.precompressedZip.isEmpty()) {
        int err = 0;
        sources.emplace_back(
            zip_open(QFile::encodeName(e.precompressedZip).constData(), ZIP_RDONLY, &err));
        if (!sources.back()) {
            return makeError(
                ErrorCode::WriteFailed,
                QStringLiteral("cannot reopen the compressed copy of %1 (libzip error %2)")
                    .arg(e.path)
                    .arg(err));
        }
        // start 0 and length -1: the compressed data is copied as it is.
        src = zip_source_zip(z, sources.back().get(), 0, 0, 0, -1);
    } else if (!e.stagedFile.isEmpty()) {
        src = zip_source_file(z, QFile::encodeName(e.stagedFile).constData(), 0, -1);
    } else {
        src = zip_source_buffer(z, e.data.constData(), static_cast<zip_uint64_t>(e.data.size()), 0);
    }
    if (src == nullptr) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot add %1: %2").arg(e.path, zipErrorText(z)));
    }
    const zip_int64_t index = zip_file_add(z, name.constData(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(src);
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot add %1: %2").arg(e.path, zipErrorText(z)));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    const bool compressFailed =
        e.precompressedZip.isEmpty() && zip_set_file_compression(z, i, ZIP_CM_DEFLATE, 6) != 0;
    if (compressFailed || zip_file_set_mtime(z, i, mtime, 0) != 0 ||
        zip_file_set_external_attributes(z, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("cannot set attributes of %1: %2").arg(e.path, zipErrorText(z)));
    }
    // A pre-compressed member is encrypted as it is copied: libzip encrypts the deflated bytes
    // without compressing them again.
    if (!password.isEmpty() &&
        zip_file_set_encryption(z, i, ZIP_EM_AES_256, password.c_str()) != 0) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot encrypt %1: %2").arg(e.path, zipErrorText(z)));
    }
    return {};
}

// Reads every member back and compares its SHA-256 with what the scrubber produced.
Expected<void> verifyWritten(const QString& path, const QList<BundleEntry>& entries,
                             const Secret& password) {
    int err = 0;
    ZipHandle z(zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &err));
    if (!z) {
        return makeError(
            ErrorCode::VerificationFailed,
            QStringLiteral("the written bundle cannot be reopened (libzip error %1)").arg(err),
            path);
    }
    if (zip_get_num_entries(z.get(), 0) != entries.size()) {
        return makeError(ErrorCode::VerificationFailed,
                         QStringLiteral("the written bundle has the wrong number of members"),
                         path);
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (const BundleEntry& e : entries) {
        std::unique_ptr<zip_file_t, FileCloser> f(
            password.isEmpty()
                ? zip_fopen(z.get(), e.path.toUtf8().constData(), 0)
                : zip_fopen_encrypted(z.get(), e.path.toUtf8().constData(), 0, password.c_str()));
        if (!f) {
            return makeError(ErrorCode::VerificationFailed,
                             QStringLiteral("member %1 is missing after writing").arg(e.path),
                             path);
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        zip_int64_t n;
        while ((n = zip_fread(f.get(), buffer.data(), static_cast<zip_uint64_t>(buffer.size()))) >
               0) {
            hash.addData(QByteArrayView(buffer.constData(), static_cast<qsizetype>(n)));
        }
        if (n < 0 ||
            (!e.sha256.isEmpty() && QString::fromLatin1(hash.result().toHex()) != e.sha256)) {
            return makeError(ErrorCode::VerificationFailed,
                             QStringLiteral("member %1 does not read back as written").arg(e.path),
                             path);
        }
    }
    z.reset(); // zip_discard on a read-only archive just closes it
    return {};
}

// Every pre-compressed member's archive stays open until zip_close: make sure the process may
// open that many files (the soft limit is often 1024, the hard limit far higher).
Expected<void> ensureOpenFileLimit(qsizetype members) {
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return {};
    }
    const auto needed = static_cast<rlim_t>(members) + 128;
    if (limit.rlim_cur >= needed) {
        return {};
    }
    limit.rlim_cur = std::min(needed, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < needed) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("%1 files are more than this system lets one process open (%2); raise "
                           "the limit (ulimit -n) or collect fewer files")
                .arg(members)
                .arg(static_cast<qint64>(limit.rlim_max)));
    }
#else
    Q_UNUSED(members);
#endif
    return {};
}

} // namespace

Expected<void> precompressEntry(const QString& file, const QString& memberName,
                                const QString& zipPath, const QDateTime& mtime) {
    int err = 0;
    ZipHandle z(zip_open(QFile::encodeName(zipPath).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("cannot create a compressed copy (libzip error %1)").arg(err), zipPath);
    }
    std::vector<ZipHandle> none;
    if (auto ok = addEntry(z.get(), BundleEntry{memberName, file, {}, {}},
                           static_cast<time_t>(mtime.toSecsSinceEpoch()), none, Secret());
        !ok) {
        return ok;
    }
    if (zip_close(z.get()) != 0) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("compressing failed: %1").arg(zipErrorText(z.get())),
                         zipPath);
    }
    (void)z.release();
    return {};
}

QString sha256OfFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

Expected<WrittenBundle> writeBundle(const QString& finalPath, const QList<BundleEntry>& entries,
                                    const QDateTime& mtime, const CancelToken* cancel,
                                    const ProgressCallback& progress, const Secret& password) {
    if (!password.isEmpty()) {
        if (auto ok = checkAesSupported(); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    const QFileInfo target(finalPath);
    if (target.exists()) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the output file already exists; choose another name or remove it"),
            finalPath);
    }
    if (!QFileInfo(target.absolutePath()).isDir()) {
        return makeError(ErrorCode::NotFound, QStringLiteral("the output folder does not exist"),
                         target.absolutePath());
    }
    const QString temp = target.absolutePath() + QStringLiteral("/.") + target.fileName() + u'.' +
                         QUuid::createUuid().toString(QUuid::Id128).left(8) +
                         QStringLiteral(".partial");
    auto cleanup = [&temp] {
        QFile::remove(temp);
    };
    // Declared before the target so it is destroyed after it: the target's sources read from
    // these archives until zip_close or zip_discard.
    std::vector<ZipHandle> sources;
    sources.reserve(static_cast<std::size_t>(entries.size()));
    if (auto ok = ensureOpenFileLimit(entries.size()); !ok) {
        return tl::unexpected(ok.error());
    }
    int err = 0;
    ZipHandle z(zip_open(QFile::encodeName(temp).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot create the bundle file (libzip error %1)").arg(err),
                         temp);
    }
    const time_t t = static_cast<time_t>(mtime.toSecsSinceEpoch());
    for (const BundleEntry& e : entries) {
        if (auto ok = addEntry(z.get(), e, t, sources, password); !ok) {
            cleanup();
            return tl::unexpected(ok.error());
        }
    }
    CallbackState state{cancel, &progress};
    zip_register_cancel_callback_with_state(
        z.get(),
        [](zip_t*, void* ud) -> int {
            auto* s = static_cast<CallbackState*>(ud);
            return (s->cancel != nullptr && s->cancel->isCancelled()) ? 1 : 0;
        },
        nullptr, &state);
    zip_register_progress_callback_with_state(
        z.get(), 0.01,
        [](zip_t*, double fraction, void* ud) {
            auto* s = static_cast<CallbackState*>(ud);
            if (*s->progress) {
                (*s->progress)(Progress{QStringLiteral("write"), QString(),
                                        static_cast<std::int64_t>(fraction * 1000), 1000});
            }
        },
        nullptr, &state);
    if (zip_close(z.get()) != 0) {
        const bool cancelled = cancel != nullptr && cancel->isCancelled();
        const QString why = zipErrorText(z.get());
        z.reset();
        cleanup();
        if (cancelled) {
            return makeError(ErrorCode::Cancelled,
                             QStringLiteral("cancelled; no bundle was written"));
        }
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("writing the bundle failed: %1; no bundle was written").arg(why),
            finalPath);
    }
    (void)z.release(); // zip_close freed the handle
    if (auto ok = verifyWritten(temp, entries, password); !ok) {
        cleanup();
        return tl::unexpected(ok.error());
    }
    if (std::rename(QFile::encodeName(temp).constData(),
                    QFile::encodeName(finalPath).constData()) != 0) {
        cleanup();
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot move the finished bundle into place"), finalPath);
    }
    WrittenBundle out{finalPath, QFileInfo(finalPath).size(), sha256OfFile(finalPath)};
    logging::logger("supportzip.core.bundle")
        ->info("bundle written: {} members, {} bytes, encryption {}", entries.size(), out.size,
               encryptionName(!password.isEmpty()).toStdString());
    return out;
}

} // namespace supportzip::core::bundle
