// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundlewriter.h"
#include "common/sha256.h"

#include "bundle/bundleencryption.h"
#include "logging/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <zip.h>

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

// A libzip source over a member's deflate parts, read one after the other. Its stat says the
// data is deflated already, with the CRC and size of the plain text, so libzip copies it into
// the bundle instead of compressing it again.
struct DeflatedSource {
    DeflatedMember member;
    time_t mtime = 0;
    qsizetype next = 0; // the part to open when the current one ends
    QFile current;
    zip_error_t error{};

    bool openNext() {
        current.close();
        if (next >= member.parts.size()) {
            return false;
        }
        current.setFileName(member.parts[next++]);
        if (!current.open(QIODevice::ReadOnly)) {
            zip_error_set(&error, ZIP_ER_OPEN, 0);
            return false;
        }
        return true;
    }

    zip_int64_t read(void* data, zip_uint64_t len) {
        while (current.isOpen()) {
            const qint64 n = current.read(static_cast<char*>(data), static_cast<qint64>(len));
            if (n < 0) {
                zip_error_set(&error, ZIP_ER_READ, 0);
                return -1;
            }
            if (n > 0) {
                return n;
            }
            if (!openNext()) {
                return zip_error_code_zip(&error) == ZIP_ER_OK ? 0 : -1;
            }
        }
        return 0;
    }

    static zip_int64_t callback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        auto* s = static_cast<DeflatedSource*>(state);
        switch (cmd) {
        case ZIP_SOURCE_OPEN:
            s->next = 0;
            zip_error_init(&s->error);
            return s->openNext() || zip_error_code_zip(&s->error) == ZIP_ER_OK ? 0 : -1;
        case ZIP_SOURCE_READ:
            return s->read(data, len);
        case ZIP_SOURCE_CLOSE:
            s->current.close();
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                        ZIP_STAT_MTIME;
            st->size = static_cast<zip_uint64_t>(s->member.size);
            st->comp_size = static_cast<zip_uint64_t>(s->member.compressedSize);
            st->comp_method = ZIP_CM_DEFLATE;
            st->crc = s->member.crc;
            st->mtime = s->mtime;
            return sizeof(*st);
        }
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&s->error, data, len);
        case ZIP_SOURCE_FREE:
            delete s;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                  ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
            return -1;
        }
    }
};

zip_source_t* deflatedSource(zip_t* z, const DeflatedMember& member, time_t mtime) {
    auto* state = new DeflatedSource;
    state->member = member;
    state->mtime = mtime;
    zip_source_t* src = zip_source_function(z, &DeflatedSource::callback, state);
    if (src == nullptr) {
        delete state;
    }
    return src;
}

Expected<void> addEntry(zip_t* z, const BundleEntry& e, time_t mtime, const Secret& password) {
    const QByteArray name = e.path.toUtf8();
    zip_source_t* src = nullptr;
    const bool deflated = !e.deflated.parts.isEmpty();
    if (deflated) {
        src = deflatedSource(z, e.deflated, mtime);
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
    const bool compressFailed = !deflated && zip_set_file_compression(z, i, ZIP_CM_DEFLATE, 6) != 0;
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
        Sha256 hash;
        zip_int64_t n;
        while ((n = zip_fread(f.get(), buffer.data(), static_cast<zip_uint64_t>(buffer.size()))) >
               0) {
            hash.addData(QByteArrayView(buffer.constData(), static_cast<qsizetype>(n)));
        }
        if (n < 0 || (!e.sha256.isEmpty() && hash.hexResult() != e.sha256)) {
            return makeError(ErrorCode::VerificationFailed,
                             QStringLiteral("member %1 does not read back as written").arg(e.path),
                             path);
        }
    }
    z.reset(); // zip_discard on a read-only archive just closes it
    return {};
}

} // namespace

QString sha256OfFile(const QString& path) {
    return Sha256::hexOfFile(path);
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
    int err = 0;
    ZipHandle z(zip_open(QFile::encodeName(temp).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot create the bundle file (libzip error %1)").arg(err),
                         temp);
    }
    const time_t t = static_cast<time_t>(mtime.toSecsSinceEpoch());
    for (const BundleEntry& e : entries) {
        if (auto ok = addEntry(z.get(), e, t, password); !ok) {
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
