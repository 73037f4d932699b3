// SPDX-License-Identifier: GPL-3.0-or-later
// The unmask window restores planted originals from the local vault and marks pseudonyms the
// vault does not know, leaving the rest of the reply as it was.
#include "unmask/unmaskwindow.h"
#include "vault/vault.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace supportzip;

class TestUnmaskWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restoresKnownAndMarksUnknown();
    void opensAReplyFromAFile();
};

namespace {

QString plantVault(const QTemporaryDir& dir) {
    const QString vault = dir.filePath(QStringLiteral("vault"));
    const std::vector<core::scrub::MappingEntry> entries{
        {"user-1a2b3c4d", "jana.novak", core::scrub::ValueKind::User},
        {"user-1a2b3c4d@example.invalid", "jana.novak@acme.example", core::scrub::ValueKind::Email},
        {"host-77aa88.example.invalid", "jira-db01.acme.lan", core::scrub::ValueKind::Host}};
    return core::vault::Vault(vault).recordMapping(entries, QStringLiteral("b.zip")) ? vault
                                                                                     : QString();
}

} // namespace

void TestUnmaskWindow::restoresKnownAndMarksUnknown() {
    QTemporaryDir dir;
    const QString vault = plantVault(dir);
    QVERIFY(!vault.isEmpty());
    ui::UnmaskWindow w(vault);
    w.show();
    QSignalSpy done(&w, &ui::UnmaskWindow::unmasked);
    w.setReply(QStringLiteral("Hi, user-1a2b3c4d (user-1a2b3c4d@example.invalid) cannot reach "
                              "host-77aa88.example.invalid; who is user-ffffff?"));
    w.unmask();
    QVERIFY(done.wait(10'000));
    QCOMPARE(done.at(0).at(0).toInt(), 3);
    QCOMPARE(done.at(0).at(1).toInt(), 1);
    auto* out = w.findChild<QTextEdit*>(QStringLiteral("unmaskedOutput"));
    QCOMPARE(out->toPlainText(),
             QStringLiteral("Hi, jana.novak (jana.novak@acme.example) cannot reach "
                            "jira-db01.acme.lan; who is user-ffffff?"));
    const auto& unknown = w.result().unknown;
    QCOMPARE(unknown.size(), 1);
    QCOMPARE(out->toPlainText().mid(unknown[0].start, unknown[0].length),
             QStringLiteral("user-ffffff"));
    // The unknown pseudonym is underlined in the output; a restored original is not.
    QTextCursor c(out->document());
    c.setPosition(unknown[0].start + 1);
    QCOMPARE(c.charFormat().underlineStyle(), QTextCharFormat::WaveUnderline);
    c.setPosition(5);
    QVERIFY(c.charFormat().underlineStyle() != QTextCharFormat::WaveUnderline);
    const auto* status = w.findChild<QLabel*>(QStringLiteral("unmaskStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("1 unknown")) &&
                 status->text().contains(QStringLiteral("user-ffffff")),
             qPrintable(status->text()));
}

void TestUnmaskWindow::opensAReplyFromAFile() {
    QTemporaryDir dir;
    const QString vault = plantVault(dir);
    const QString reply = dir.filePath(QStringLiteral("reply.txt"));
    QFile f(reply);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Restart on host-77aa88.example.invalid.\n");
    f.close();
    ui::UnmaskWindow w(vault);
    QSignalSpy done(&w, &ui::UnmaskWindow::unmasked);
    QVERIFY(w.openTextFile(reply));
    QVERIFY(done.wait(10'000));
    QCOMPARE(w.result().text, QStringLiteral("Restart on jira-db01.acme.lan.\n"));
    QVERIFY(w.result().unknown.isEmpty());
}

QTEST_MAIN(TestUnmaskWindow)
#include "tst_unmaskwindow.moc"
