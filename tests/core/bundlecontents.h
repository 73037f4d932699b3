// SPDX-License-Identifier: GPL-3.0-or-later
// Reads every member of a bundle into memory (test bundles are small) for leak assertions.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <zip.h>

namespace supportzip::tests {

inline QMap<QString, QByteArray> readBundleMembers(const QString& path) {
    QMap<QString, QByteArray> members;
    int err = 0;
    zip_t* z = zip_open(path.toUtf8().constData(), ZIP_RDONLY, &err);
    if (z == nullptr) {
        return members;
    }
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        QByteArray data(static_cast<qsizetype>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        if (f != nullptr) {
            zip_fread(f, data.data(), st.size);
            zip_fclose(f);
        }
        members.insert(QString::fromUtf8(st.name), data);
    }
    zip_discard(z);
    return members;
}

} // namespace supportzip::tests
