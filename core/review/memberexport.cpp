// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/memberexport.h"

#include "bundle/bundlereader.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace supportzip::core::review {
namespace {

Expected<void> copyOut(const bundle::BundleReader& reader, const QString& member,
                       const QString& targetFile, const CancelToken* cancel) {
    QSaveFile out(targetFile);
    if (!out.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::WriteFailed, out.errorString(), targetFile);
    }
    auto streamed = reader.stream(
        member,
        [&](QByteArrayView chunk) { return out.write(chunk.data(), chunk.size()) == chunk.size(); },
        cancel);
    if (!streamed) {
        out.cancelWriting();
        return streamed;
    }
    if (cancel != nullptr && cancel->isCancelled()) {
        out.cancelWriting();
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
    if (!out.commit()) {
        return makeError(ErrorCode::WriteFailed, out.errorString(), targetFile);
    }
    return {};
}

} // namespace

Expected<void> extractMember(const QString& bundlePath, const QString& member,
                             const QString& targetFile, const CancelToken* cancel,
                             const Secret& password) {
    auto reader = bundle::BundleReader::open(bundlePath, password);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    return copyOut(**reader, member, targetFile, cancel);
}

Expected<QStringList> exportMembers(const QString& bundlePath, const QStringList& members,
                                    const QString& folder, const CancelToken* cancel,
                                    const Secret& password) {
    auto reader = bundle::BundleReader::open(bundlePath, password);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    QStringList written;
    for (const QString& member : members) {
        // The reader refused every unsafe name on open, so member stays inside folder.
        const QString target = QDir(folder).filePath(member);
        if (QFileInfo::exists(target)) {
            return makeError(ErrorCode::WriteFailed, QStringLiteral("already exists"), target);
        }
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            return makeError(ErrorCode::WriteFailed, QStringLiteral("cannot create the folder"),
                             QFileInfo(target).absolutePath());
        }
        if (auto done = copyOut(**reader, member, target, cancel); !done) {
            return tl::unexpected(done.error());
        }
        written.append(target);
    }
    return written;
}

} // namespace supportzip::core::review
