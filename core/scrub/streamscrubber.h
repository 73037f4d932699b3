// SPDX-License-Identifier: GPL-3.0-or-later
// Streams one file through the LineScrubber with bounded memory: fixed-size reads, lines split
// with memchr, lines longer than kMaxLineBytes cut into pieces at a content-determined place
// (so the output never depends on how reads were chunked). CRLF stays CRLF, UTF-16 with a BOM is
// transcoded to UTF-8, binary content is refused with a reason, PEM blocks are removed whole.
#pragma once

#include "common/error.h"
#include "common/progress.h"
#include "scrub/finding.h"
#include "scrub/linescrubber.h"

#include <QIODevice>

#include <optional>
#include <utility>
#include <vector>

namespace supportzip::core::scrub {

// What a line inherits from the lines before it: being inside a PEM block, inside a wrapped
// secret value, or the value of a name given lines earlier. Default for almost every line.
struct CarriedState {
    bool inPem = false;
    KeyValueState keyValue;
    bool isDefault() const {
        return !inPem && !keyValue.inMultilineSecret && !keyValue.pendingValue;
    }
    bool operator==(const CarriedState&) const = default;
};
// Lines (1-based, as the scrubber counts them) that start with a carried state, in order.
using CarriedStates = std::vector<std::pair<std::int64_t, CarriedState>>;

struct ScrubStats {
    std::int64_t bytesIn = 0;
    std::int64_t bytesOut = 0;
    std::int64_t lines = 0;
    CategoryCounts counts{};
    QString encoding = QStringLiteral("utf-8"); // as detected: utf-8 (or 8-bit), utf-16le, utf-16be
    PseudonymSet pseudonyms; // distinct pseudonyms written to the output (for the local ledger)
    CarriedStates carried;   // only when recordCarriedStates() asked for them
};

class StreamScrubber final {
public:
    static constexpr qint64 kReadChunk = 1 << 20;
    static constexpr std::size_t kMaxLineBytes = 1 << 20;

    // Where a segment of a file starts. The first segment of a file probes for a BOM and binary
    // content; a later one starts on a line of a file whose first segment was probed. A file
    // scrubbed in segments on several cores gives the same output as in one piece when every
    // segment starts from the state the one before it ended in.
    struct SegmentStart {
        bool startOfFile = true;
        CarriedState state;
    };

    explicit StreamScrubber(const ScrubEngine& engine);

    // Records, in ScrubStats::carried, up to `limit` lines that start with a carried state, so
    // a viewer can scrub any single line exactly as this pass did (the preview's sanitized side).
    void recordCarriedStates(std::size_t limit) { m_carriedLimit = limit; }

    // Scrubs one line (no line ending) into `out`, honouring and updating `inPem` (a PEM block
    // is removed whole; the scrubber's own state carries wrapped values). False when the line
    // vanishes from the output altogether (inside a PEM block).
    static bool scrubLineOfFile(LineScrubber& scrubber, bool& inPem, std::string_view line,
                                std::int64_t lineNumber, std::string& out,
                                const FindingCallback& onFinding, CategoryCounts& counts);

    // Reads `in` to its end, or to maxBytes (the size at the start, for growing files) and writes
    // the scrubbed text to `out` (nullptr in the learning pass). Errors: UnsupportedInput for
    // binary content, ReadFailed/WriteFailed for I/O, Cancelled when the token fires.
    Expected<ScrubStats> run(QIODevice& in, QIODevice* out, qint64 maxBytes,
                             const CancelToken* cancel, const FindingCallback& onFinding = {});
    // The same for one segment of a file (see SegmentStart); line numbers count from the
    // segment's start.
    Expected<ScrubStats> runSegment(QIODevice& in, QIODevice* out, qint64 maxBytes,
                                    const SegmentStart& start, const CancelToken* cancel,
                                    const FindingCallback& onFinding = {});
    // The state the last run ended in.
    CarriedState endState() const { return {m_inPem, m_line.keyValueState()}; }

    // Convenience for tests and the GUI's test line: scrubs a whole in-memory text.
    static std::string scrubText(const ScrubEngine& engine, std::string_view text,
                                 CategoryCounts* counts = nullptr,
                                 PseudonymSet* pseudonyms = nullptr);

private:
    Expected<void> processLine(std::string_view line, bool hasNewline, QIODevice* out,
                               const FindingCallback& onFinding);
    Expected<void> drainLines(std::string& pending, QIODevice* out,
                              const FindingCallback& onFinding);
    Expected<void> flush(QIODevice* out, bool force);
    std::string_view replaceCutValue(std::string_view piece, bool hasNewline,
                                     const FindingCallback& onFinding);

    LineScrubber m_line;
    ScrubStats m_stats;
    std::string m_outBuffer;
    std::string m_scratch;
    bool m_inPem = false;
    // A value that ran into the cut of an over-long line: the next piece starts with its rest.
    std::optional<Span> m_cutValue;
    std::size_t m_carriedLimit = 0;
};

} // namespace supportzip::core::scrub
