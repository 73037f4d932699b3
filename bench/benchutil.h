// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the benchmark executables: peak RSS and sizes.
#pragma once

#include <QString>

#include <sys/resource.h>

namespace supportzip::bench {

inline double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

inline qint64 parseSize(const QString& text) {
    const QString t = text.trimmed().toUpper();
    qint64 mult = 1;
    QString digits = t;
    if (t.endsWith(u'G')) {
        mult = 1LL << 30;
    } else if (t.endsWith(u'M')) {
        mult = 1LL << 20;
    } else if (t.endsWith(u'K')) {
        mult = 1LL << 10;
    }
    if (mult != 1) {
        digits.chop(1);
    }
    return digits.toLongLong() * mult;
}

} // namespace supportzip::bench
