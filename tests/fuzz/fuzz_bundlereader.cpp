// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the hostile-safe bundle reader and verify over arbitrary bytes as a zip.
#include "bundle/bundlereader.h"
#include "bundle/verifier.h"

#include <QFile>
#include <QTemporaryFile>

#include <cstdint>

using namespace supportzip::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QTemporaryFile file;
    if (!file.open()) {
        return 0;
    }
    file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    file.flush();
    bundle::ReaderLimits limits;
    limits.maxEntrySize = 16 << 20; // keep one run bounded
    limits.maxTotalSize = 64 << 20;
    auto reader = bundle::BundleReader::open(file.fileName(), limits);
    if (reader) {
        for (const auto& member : (*reader)->members()) {
            (void)(*reader)->sha256(member.name);
        }
        (void)bundle::verifyBundle(file.fileName());
    }
    return 0;
}
