// SPDX-License-Identifier: GPL-3.0-or-later
// The stream scrubber: same output however the input is chunked, line endings and encodings
// preserved or handled, binary refused, very long lines bounded.
#include "scrubtesthelpers.h"

#include "collect/gzipreader.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace supportzip;
using namespace supportzip::core::scrub;

namespace {

// A device that hands out at most `chunk` bytes per read, to exercise buffer boundaries.
class ChunkedDevice final : public QIODevice {
public:
    ChunkedDevice(QByteArray data, std::vector<int> chunks)
        : m_data(std::move(data))
        , m_chunks(std::move(chunks)) {}
    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char* out, qint64 max) override {
        if (m_pos >= m_data.size()) {
            return 0;
        }
        const qint64 want = m_chunks.empty() ? max : m_chunks[m_next++ % m_chunks.size()];
        const qint64 n = std::min({max, want, static_cast<qint64>(m_data.size() - m_pos)});
        std::memcpy(out, m_data.constData() + m_pos, static_cast<std::size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    std::vector<int> m_chunks;
    qsizetype m_pos = 0;
    std::size_t m_next = 0;
};

const char* kSample =
    "2023-10-03 08:00:45,317+0000 http-nio-8080-exec-7 url: /login.jsp; user: jnovak INFO jnovak "
    "480x1412x2 1x8k2qz 198.51.100.23 /login.jsp [c.a.jira.login.LoginLoggers] ok\r\n"
    "<property "
    "name=\"atlassian.license.message\">AAABbQ0ODAoPeNp9kV1PwjAUhu/"
    "7K5p4XdMOUSHpBa5VMWOQbahccZGsM2\r\n"
    "nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F</property>\r\n"
    "-----BEGIN RSA PRIVATE "
    "KEY-----\nMIIEowIBAAKCAQEAvery+secret+key+material+0123456789abcdef\n-----END RSA PRIVATE "
    "KEY-----\n"
    "mail to jana.novak@northwind-logistics.example from 10.20.30.41\n"
    "\tat com.atlassian.jira.Foo.bar(Foo.java:12)\n";

std::pair<QByteArray, CategoryCounts> scrubWith(tests::TestEngine& engine, QIODevice& in) {
    ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, engine.matcher.get()};
    StreamScrubber scrubber(e);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    auto stats = scrubber.run(in, &buffer, -1, nullptr);
    return {out, stats ? stats->counts : CategoryCounts{}};
}

} // namespace

class TestStreamScrubber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunkingNeverChangesTheResult();
    void keepsCrLfAndRemovesMultilineSecrets();
    void transcodesUtf16WithBom();
    void refusesBinary();
    void boundsVeryLongLines();
    void valueCutWithItsLineIsRemovedWhole_data();
    void valueCutWithItsLineIsRemovedWhole();
    void readsGzipAndReportsTruncation();
    void cancelStops();
};

void TestStreamScrubber::chunkingNeverChangesTheResult() {
    QByteArray input;
    for (int i = 0; i < 50; ++i) {
        input += kSample;
    }
    tests::TestEngine engine;
    engine.scrub(input.toStdString()); // learning pass, builds the matcher
    QBuffer whole(&input);
    whole.open(QIODevice::ReadOnly);
    const auto [expected, expectedCounts] = scrubWith(engine, whole);
    QVERIFY(!expected.isEmpty());
    QRandomGenerator rng(1234);
    for (int round = 0; round < 40; ++round) {
        std::vector<int> chunks;
        for (int i = 0; i < 16; ++i) {
            chunks.push_back(1 + rng.bounded(round < 10 ? 7 : 4000));
        }
        ChunkedDevice device(input, chunks);
        device.open(QIODevice::ReadOnly);
        const auto [out, counts] = scrubWith(engine, device);
        QCOMPARE(out, expected);
        QVERIFY(counts == expectedCounts);
    }
}

void TestStreamScrubber::keepsCrLfAndRemovesMultilineSecrets() {
    tests::TestEngine engine;
    const QByteArray out = QByteArray::fromStdString(engine.scrub(kSample));
    QVERIFY(out.contains("[c.a.jira.login.LoginLoggers] ok\r\n"));
    QVERIFY(!out.contains("AAABbQ0ODAoPeNp9kV1PwjAUhu"));
    QVERIFY(!out.contains("nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F"));
    QVERIFY(out.contains("</property>\r\n"));
    QVERIFY(!out.contains("very+secret+key"));
    QVERIFY(out.contains("[REDACTED:pem-block]"));
    QVERIFY(!out.contains("jana.novak"));
    QVERIFY(out.contains("\tat com.atlassian.jira.Foo.bar(Foo.java:12)\n"));
    QCOMPARE(out.count('\n'), QByteArray(kSample).count('\n') - 2); // PEM body and END line folded
}

void TestStreamScrubber::transcodesUtf16WithBom() {
    const QString text = QStringLiteral("user: jnovak logged in from 198.51.100.23\n");
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    tests::TestEngine engine;
    const QByteArray out = QByteArray::fromStdString(engine.scrub(utf16.toStdString()));
    QVERIFY2(out.startsWith("user: user-"), out.constData());
    QVERIFY(!out.contains("198.51.100.23"));
    QVERIFY(out.endsWith(" logged in from 24") || out.contains(" logged in from 2"));
}

void TestStreamScrubber::refusesBinary() {
    QByteArray data("\x7F"
                    "ELF\x02\x01\x01\x00\x00\x00password=secret",
                    26);
    QBuffer in(&data);
    in.open(QIODevice::ReadOnly);
    tests::TestEngine engine;
    ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    StreamScrubber scrubber(e);
    auto result = scrubber.run(in, nullptr, -1, nullptr);
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::UnsupportedInput);
    QVERIFY(result.error().message.contains(QStringLiteral("binary")));
}

void TestStreamScrubber::boundsVeryLongLines() {
    // A 5 MiB line with a secret near its end: scrubbed in pieces, still removed.
    QByteArray line(5 * 1024 * 1024, 'a');
    for (qsizetype i = 100; i < line.size(); i += 100) {
        line[i] = ' ';
    }
    line += " password=Hunter2secret end\n";
    tests::TestEngine engine;
    const QByteArray out = QByteArray::fromStdString(engine.scrub(line.toStdString()));
    QVERIFY(!out.contains("Hunter2secret"));
    QVERIFY(out.endsWith("password=[REDACTED:password] end\n"));
    QCOMPARE(out.size(), line.size() - qsizetype(std::strlen("Hunter2secret")) +
                             qsizetype(std::strlen("[REDACTED:password]")));
}

void TestStreamScrubber::valueCutWithItsLineIsRemovedWhole_data() {
    // A line over 1 MiB is scrubbed in pieces; a value with no blank in it is cut at exactly
    // 1 MiB, so its second part starts the next piece without the key that named it.
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<qsizetype>("valueBytes");
    QTest::newRow("property, 1.5 MiB")
        << QByteArray("jira.secret.token=") << QByteArray(" next\n") << qsizetype(1536 * 1024);
    QTest::newRow("JSON, 2.5 MiB (three pieces)")
        << QByteArray("{\"password\": \"") << QByteArray("\", \"user\": \"jnovak\"}\n")
        << qsizetype(2560 * 1024);
}

void TestStreamScrubber::valueCutWithItsLineIsRemovedWhole() {
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(qsizetype, valueBytes);
    QByteArray value(valueBytes, Qt::Uninitialized);
    // Lower-case letters only: no shape a pattern detector would catch on its own.
    const char alphabet[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl";
    quint32 x = 2463534242u;
    for (char& c : value) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = alphabet[x % 64];
    }
    const QByteArray line = "2026-11-20 08:00:01,317 INFO config " + before + value + after;
    tests::TestEngine engine;
    CategoryCounts counts{};
    const QByteArray out = QByteArray::fromStdString(engine.scrub(line.toStdString(), &counts));
    // No 32-byte stretch of the value survives anywhere, its tail included.
    for (qsizetype at = 0; at + 32 <= value.size(); at += 4096) {
        QVERIFY2(!out.contains(value.mid(at, 32)), qPrintable(QString::number(at)));
    }
    QVERIFY(!out.contains(value.right(32)));
    const QByteArray expectedStart =
        QByteArray("2026-11-20 08:00:01,317 INFO config ") + before + QByteArray("[REDACTED:");
    QVERIFY(out.startsWith(expectedStart));
    QVERIFY(out.endsWith(after.right(3)) || out.endsWith("\n"));
    QVERIFY(out.size() < 4096); // the value is gone, not split into a few survivors
    QVERIFY(counts[static_cast<std::size_t>(Category::Secret)] >= 2);
}

void TestStreamScrubber::readsGzipAndReportsTruncation() {
    QTemporaryDir dir;
    const QByteArray text = QByteArray(kSample).repeated(200);
    const QString path = dir.filePath(QStringLiteral("atlassian-jira.log.3.gz"));
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    QVERIFY(gz != nullptr);
    QCOMPARE(gzwrite(gz, text.constData(), static_cast<unsigned>(text.size())), int(text.size()));
    gzclose(gz);
    core::collect::GzipReader reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QCOMPARE(reader.readAll(), text);
    reader.close();
    // Cut the file in half: the reader must fail, not return a silently shorter text.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    core::collect::GzipReader broken(path);
    QVERIFY(broken.open(QIODevice::ReadOnly));
    QByteArray buf(1 << 16, '\0');
    qint64 n = 0;
    qint64 total = 0;
    while ((n = broken.read(buf.data(), buf.size())) > 0) {
        total += n;
    }
    QVERIFY(n < 0);
    QVERIFY(total < text.size());
}

void TestStreamScrubber::cancelStops() {
    QByteArray input = QByteArray(kSample).repeated(20000);
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    tests::TestEngine engine;
    ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    StreamScrubber scrubber(e);
    core::CancelToken cancel;
    cancel.requestCancel();
    auto result = scrubber.run(in, nullptr, -1, &cancel);
    QVERIFY(!result);
    QCOMPARE(result.error().code, core::ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestStreamScrubber)
#include "tst_streamscrubber.moc"
