// SPDX-License-Identifier: GPL-3.0-or-later
// A ready-to-use scrub engine for tests: default rules, a fixed pseudonym key, two passes.
#pragma once

#include "scrub/knownvalues.h"
#include "scrub/pseudonymizer.h"
#include "scrub/rules.h"
#include "scrub/streamscrubber.h"

#include <memory>
#include <string>

namespace supportzip::tests {

struct TestEngine {
    core::scrub::ScrubRules rules;
    core::scrub::Pseudonymizer pseudonymizer{QByteArray(32, 'k')};
    core::scrub::KnownValues known;
    std::unique_ptr<core::scrub::KnownValueMatcher> matcher;

    TestEngine() {
        auto loaded = core::scrub::loadDefaultRules();
        if (loaded) {
            rules = *loaded;
        }
    }

    // Learning pass then scrubbing pass over the same text, as the pipeline does for a bundle.
    std::string scrub(const std::string& text, core::scrub::CategoryCounts* counts = nullptr) {
        core::scrub::ScrubEngine learn{&rules, &pseudonymizer, &known, nullptr};
        core::scrub::StreamScrubber::scrubText(learn, text);
        matcher = std::make_unique<core::scrub::KnownValueMatcher>(known);
        core::scrub::ScrubEngine engine{&rules, &pseudonymizer, nullptr, matcher.get()};
        return core::scrub::StreamScrubber::scrubText(engine, text, counts);
    }
};

} // namespace supportzip::tests
