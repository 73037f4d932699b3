// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a bundle atomically: a temporary file in the destination folder, compressed with
// libzip, read back and checked against the expected SHA-256 of every member, then renamed into
// place. On any error or cancel nothing is left behind.
#pragma once

#include "bundle/deflatedmember.h"
#include "common/error.h"
#include "common/progress.h"
#include "common/secret.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace supportzip::core::bundle {

struct BundleEntry {
    QString path;       // member name inside the zip ("application-logs/atlassian-jira.log")
    QString stagedFile; // read from this file, or
    QByteArray data;    // from these bytes when stagedFile is empty, or
    QString sha256;     // expected hex digest of the stored bytes (checked after writing)
    // or, compressed already on the pipeline's workers (see DeflateSink): its deflate parts are
    // copied as they are, so files compressed in parallel are never compressed twice.
    DeflatedMember deflated = {};
};

struct WrittenBundle {
    QString path;
    qint64 size = 0;
    QString sha256; // of the whole bundle file
};

// Entries are written in the given order with mtime as every member's time, so the same input
// gives a byte-identical file. With a password every member is encrypted with WinZip AES-256
// (bundleencryption.h); its random salts make each such file unique, the content stays the same.
// Errors: WriteFailed (disk full, permissions), Cancelled, VerificationFailed when the read-back
// differs, UnsupportedInput when libzip cannot encrypt. `finalPath` must not exist.
Expected<WrittenBundle> writeBundle(const QString& finalPath, const QList<BundleEntry>& entries,
                                    const QDateTime& mtime, const CancelToken* cancel,
                                    const ProgressCallback& progress, const Secret& password = {});

QString sha256OfFile(const QString& path);

} // namespace supportzip::core::bundle
