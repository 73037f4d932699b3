// SPDX-License-Identifier: GPL-3.0-or-later
// A real bundle for the GUI tests: the generated sample installation collected through the same
// pipeline as `supportzip collect`, and the members read back with plain libzip (independent of
// the reader under test) for brute-force comparisons.
#pragma once

#include "pipeline/collectjob.h"
#include "samplegen.h"

#include <QList>
#include <QPair>
#include <QString>

#include <zip.h>

namespace reviewtest {

inline QString collectSampleBundle(const QString& dir, const QString& vault) {
    auto sample = supportzip::fixtures::generateInstallation(dir + QStringLiteral("/sample"), {});
    if (!sample) {
        return {};
    }
    supportzip::core::pipeline::CollectRequest r;
    r.installDir = sample->installDir;
    r.homeDir = sample->homeDir;
    r.outputPath = dir + QStringLiteral("/bundle.zip");
    r.vaultDir = vault;
    r.threadDumps = 0;
    r.consent.name = QStringLiteral("Test Admin");
    r.consent.email = QStringLiteral("admin@example.com");
    r.consent.recipient = QStringLiteral("Example Vendor Support");
    r.consent.ticket = QStringLiteral("SUPPORT-1");
    auto summary = supportzip::core::pipeline::CollectJob(r).run();
    return summary ? summary->bundlePath : QString();
}

// Every member's bytes, in the archive's order.
inline QList<QPair<QString, QByteArray>> readAllMembers(const QString& bundle) {
    QList<QPair<QString, QByteArray>> out;
    int err = 0;
    zip_t* z = zip_open(bundle.toUtf8().constData(), ZIP_RDONLY, &err);
    if (z == nullptr) {
        return out;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        QByteArray data(static_cast<qsizetype>(st.size), Qt::Uninitialized);
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        out.append({QString::fromUtf8(st.name), data});
    }
    zip_close(z);
    return out;
}

} // namespace reviewtest
