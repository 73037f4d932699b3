// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrub/streamscrubber.h"
#include "scrub/substringsearch.h"

#include <QBuffer>
#include <QStringDecoder>

#include <cstring>

namespace supportzip::core::scrub {
namespace {

constexpr std::size_t kFlushBytes = 256 * 1024;
constexpr qsizetype kBinaryProbe = 64 * 1024;

bool looksBinary(const QByteArray& head) {
    // NUL bytes do not occur in text files in any 8-bit encoding or UTF-8.
    return std::memchr(head.constData(), 0, static_cast<std::size_t>(head.size())) != nullptr;
}

// Where to cut an over-long line: after the last blank in its first kMaxLineBytes, so a token is
// rarely split; the place depends only on the line's content.
std::size_t cutPoint(std::string_view pending) {
    const std::size_t limit = StreamScrubber::kMaxLineBytes;
    const std::size_t lastBlank = pending.substr(0, limit).find_last_of(" \t,;");
    return (lastBlank != std::string_view::npos && lastBlank > limit / 2) ? lastBlank + 1 : limit;
}

bool isPemBoundary(std::string_view line, std::string_view what) {
    const auto p = chars::find(line, what);
    return p != std::string_view::npos &&
           chars::find(line, "-----", p + what.size()) != std::string_view::npos;
}

} // namespace

StreamScrubber::StreamScrubber(const ScrubEngine& engine)
    : m_line(engine) {
}

Expected<void> StreamScrubber::flush(QIODevice* out, bool force) {
    if (out == nullptr || (!force && m_outBuffer.size() < kFlushBytes)) {
        if (out == nullptr) {
            // A dry run (preview) counts what it would have written.
            m_stats.bytesOut += static_cast<std::int64_t>(m_outBuffer.size());
            m_outBuffer.clear();
        }
        return {};
    }
    const qint64 written = out->write(m_outBuffer.data(), static_cast<qint64>(m_outBuffer.size()));
    if (written != static_cast<qint64>(m_outBuffer.size())) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("writing the scrubbed copy failed: %1").arg(out->errorString()));
    }
    m_stats.bytesOut += written;
    m_outBuffer.clear();
    return {};
}

bool StreamScrubber::scrubLineOfFile(LineScrubber& scrubber, bool& inPem, std::string_view line,
                                     std::int64_t lineNumber, std::string& out,
                                     const FindingCallback& onFinding, CategoryCounts& counts) {
    // A PEM block (private key, certificate) is removed whole: its lines carry nothing support
    // needs and certificates name the organisation.
    if (!inPem && isPemBoundary(line, "-----BEGIN ")) {
        inPem = true;
        const auto b = chars::find(line, "-----BEGIN ");
        scrubber.scrub(line.substr(0, b), lineNumber, out, onFinding, counts);
        out += "[REDACTED:pem-block]";
        counts[static_cast<std::size_t>(Category::Secret)] += 1;
        if (onFinding) {
            onFinding(Finding{lineNumber, static_cast<std::uint32_t>(b),
                              static_cast<std::uint32_t>(line.size() - b), Category::Secret,
                              ValueKind::Secret, Action::Redact, "pem.block"});
        }
        inPem = !isPemBoundary(line, "-----END ");
    } else if (inPem) {
        if (!isPemBoundary(line, "-----END ")) {
            return false; // lines inside the block vanish behind the one marker
        }
        inPem = false;
        const auto e = chars::find(line, "-----", chars::find(line, "-----END ") + 9) + 5;
        if (e >= line.size()) {
            return false; // the END line itself vanishes too
        }
        scrubber.scrub(line.substr(e), lineNumber, out, onFinding, counts);
    } else {
        scrubber.scrub(line, lineNumber, out, onFinding, counts);
    }
    return true;
}

// The rest of a value cut with its over-long line (a 2 MiB token, a license pasted on one line)
// is replaced up to its first delimiter: the detectors only saw its first part, and the second
// must not pass in clear. Returns what is left of the piece.
std::string_view StreamScrubber::replaceCutValue(std::string_view piece, bool hasNewline,
                                                 const FindingCallback& onFinding) {
    const Span cut = *m_cutValue;
    std::size_t end = 0;
    while (end < piece.size() && std::strchr(" \t,;\"'<>&)]}", piece[end]) == nullptr) {
        ++end;
    }
    const Category category = defaultCategory(cut.kind);
    if (end > 0) {
        m_outBuffer += "[REDACTED:";
        m_outBuffer += category == Category::Secret && *cut.label != '\0'
                           ? std::string_view(cut.label)
                           : valueKindName(cut.kind);
        m_outBuffer += ']';
        m_stats.counts[static_cast<std::size_t>(category)] += 1;
        if (onFinding) {
            onFinding(Finding{m_stats.lines, 0, static_cast<std::uint32_t>(end), category, cut.kind,
                              Action::Redact, cut.rule});
        }
    }
    // Still no delimiter and the line goes on: the value continues into the next piece too.
    if (!(end == piece.size() && !hasNewline)) {
        m_cutValue.reset();
    }
    return piece.substr(end);
}

Expected<void> StreamScrubber::processLine(std::string_view line, bool hasNewline, QIODevice* out,
                                           const FindingCallback& onFinding) {
    const bool crlf = !line.empty() && line.back() == '\r';
    if (crlf) {
        line.remove_suffix(1);
    }
    ++m_stats.lines;
    if (m_cutValue) {
        const bool continues = !hasNewline;
        line = replaceCutValue(line, hasNewline, onFinding);
        if (m_cutValue && continues) {
            return flush(out, false); // the whole piece was the value's rest
        }
    }
    if (m_stats.carried.size() < m_carriedLimit) {
        const CarriedState entry{m_inPem, m_line.keyValueState()};
        if (!entry.isDefault()) {
            m_stats.carried.emplace_back(m_stats.lines, entry);
        }
    }
    const bool plainLine = !m_inPem && chars::find(line, "-----BEGIN ") == std::string_view::npos;
    if (!scrubLineOfFile(m_line, m_inPem, line, m_stats.lines, m_outBuffer, onFinding,
                         m_stats.counts)) {
        return {};
    }
    const auto& replaced = m_line.lastReplaced();
    if (plainLine && !hasNewline && !replaced.empty() && replaced.back().end == line.size()) {
        m_cutValue = replaced.back(); // the value goes on in the next piece
    }
    if (crlf) {
        m_outBuffer += '\r';
    }
    if (hasNewline) {
        m_outBuffer += '\n';
    }
    return flush(out, false);
}

// Emits every complete line of `pending`, and the first piece of any line longer than
// kMaxLineBytes; what it emits depends only on the bytes, never on how they were read.
Expected<void> StreamScrubber::drainLines(std::string& pending, QIODevice* out,
                                          const FindingCallback& onFinding) {
    std::size_t start = 0;
    while (start < pending.size()) {
        const std::size_t window = std::min(pending.size() - start, kMaxLineBytes + 1);
        const void* nl = std::memchr(pending.data() + start, '\n', window);
        const std::string_view rest = std::string_view(pending).substr(start);
        Expected<void> ok;
        if (nl != nullptr) {
            const auto end =
                static_cast<std::size_t>(static_cast<const char*>(nl) - pending.data());
            ok = processLine(rest.substr(0, end - start), true, out, onFinding);
            start = end + 1;
        } else if (rest.size() > kMaxLineBytes) {
            const std::size_t cut = cutPoint(rest);
            ok = processLine(rest.substr(0, cut), false, out, onFinding);
            start += cut;
        } else {
            break;
        }
        if (!ok) {
            return ok;
        }
    }
    pending.erase(0, start);
    return {};
}

Expected<ScrubStats> StreamScrubber::run(QIODevice& in, QIODevice* out, qint64 maxBytes,
                                         const CancelToken* cancel,
                                         const FindingCallback& onFinding) {
    return runSegment(in, out, maxBytes, SegmentStart{}, cancel, onFinding);
}

Expected<ScrubStats> StreamScrubber::runSegment(QIODevice& in, QIODevice* out, qint64 maxBytes,
                                                const SegmentStart& start,
                                                const CancelToken* cancel,
                                                const FindingCallback& onFinding) {
    m_stats = ScrubStats{};
    m_line.setKeyValueState(start.state.keyValue);
    m_line.recordPseudonymsInto(&m_stats.pseudonyms);
    m_inPem = start.state.inPem;
    m_cutValue.reset();
    const QByteArray head = start.startOfFile ? in.peek(kBinaryProbe) : QByteArray();
    std::optional<QStringDecoder> decoder;
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        const bool le = head.startsWith("\xFF\xFE");
        decoder.emplace(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        m_stats.encoding = le ? QStringLiteral("utf-16le") : QStringLiteral("utf-16be");
        in.read(2); // the BOM
        m_stats.bytesIn += 2;
    } else if (looksBinary(head)) {
        return makeError(ErrorCode::UnsupportedInput,
                         QStringLiteral("binary content (NUL bytes): it cannot be scrubbed line by "
                                        "line, so it is left out"));
    }
    std::string pending;
    QByteArray chunk(kReadChunk, Qt::Uninitialized);
    const qint64 limit = maxBytes >= 0 ? maxBytes : std::numeric_limits<qint64>::max();
    while (m_stats.bytesIn < limit) {
        if (cancel != nullptr && cancel->isCancelled()) {
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        chunk.resize(kReadChunk);
        const qint64 got = in.read(chunk.data(), std::min(kReadChunk, limit - m_stats.bytesIn));
        if (got < 0) {
            // A damaged gzip member or an I/O error: reported, never passed off as the end.
            return makeError(ErrorCode::ReadFailed,
                             QStringLiteral("reading failed: %1").arg(in.errorString()));
        }
        if (got == 0) {
            // End of file; a file that shrank or vanished while read simply ends early.
            break;
        }
        chunk.resize(got);
        m_stats.bytesIn += chunk.size();
        if (decoder) {
            pending += QString(decoder->decode(chunk)).toStdString();
        } else {
            pending.append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
        }
        if (auto ok = drainLines(pending, out, onFinding); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    if (!pending.empty()) {
        if (auto ok = processLine(pending, false, out, onFinding); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    if (auto ok = flush(out, true); !ok) {
        return tl::unexpected(ok.error());
    }
    return std::move(m_stats);
}

std::string StreamScrubber::scrubText(const ScrubEngine& engine, std::string_view text,
                                      CategoryCounts* counts, PseudonymSet* pseudonyms) {
    QByteArray input(text.data(), static_cast<qsizetype>(text.size()));
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    StreamScrubber scrubber(engine);
    auto stats = scrubber.run(in, &out, -1, nullptr);
    if (!stats) {
        return {};
    }
    if (counts != nullptr) {
        *counts = stats->counts;
    }
    if (pseudonyms != nullptr) {
        pseudonyms->merge(stats->pseudonyms);
    }
    return output.toStdString();
}

} // namespace supportzip::core::scrub
