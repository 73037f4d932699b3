// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the whole scrubber (learning pass, then scrubbing pass) over arbitrary
// bytes. Finds crashes, hangs, out-of-bounds reads and undefined behaviour (built with ASan/UBSan).
#include "scrub/knownvalues.h"
#include "scrub/pseudonymizer.h"
#include "scrub/rules.h"
#include "scrub/streamscrubber.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace supportzip::core::scrub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ScrubRules rules = [] {
        auto loaded = loadDefaultRules();
        if (!loaded) {
            std::abort(); // the built-in rules must always load
        }
        return *loaded;
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Pseudonymizer pseudonymizer(QByteArray(32, 'f'));
    KnownValues known;
    StreamScrubber::scrubText(ScrubEngine{&rules, &pseudonymizer, &known, nullptr}, text);
    const KnownValueMatcher matcher(known);
    CategoryCounts counts{};
    const std::string out = StreamScrubber::scrubText(
        ScrubEngine{&rules, &pseudonymizer, nullptr, &matcher}, text, &counts);
    // Text without a line ending is still text: the scrubber never drops a whole input.
    if (size > 0 && out.empty() && text.find('\0') == std::string_view::npos &&
        text.substr(0, 2) != "\xFF\xFE" && text.substr(0, 2) != "\xFE\xFF" &&
        text.find("-----BEGIN") == std::string_view::npos) {
        std::abort();
    }
    return 0;
}
