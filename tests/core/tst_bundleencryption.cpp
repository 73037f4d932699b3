// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted bundles: every member (README and manifest included) is WinZip AES-256; the reader
// opens them only with the right password and tells "no password" from "wrong password"; other
// tools (7z, bsdtar) open them; a lying manifest or a plain member swapped in is still refused.
// Unencrypted bundles stay byte-identical; encrypted ones differ (random salts) but decrypt to
// identical content. Also the password file rules and the Secret holder.
#include "bundle/bundleencryption.h"
#include "bundle/bundlereader.h"
#include "bundle/bundlewriter.h"
#include "bundle/manifest.h"
#include "bundle/verifier.h"
#include "common/secret.h"
#include "common/secretfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace supportzip::core;

namespace {

const QDateTime kTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QByteArray kPassword = "correct horse battery";

Secret secret(QByteArray bytes) {
    return Secret::take(bytes);
}

QString sha(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// A small but valid bundle: README, manifest (listing the log with `listedSha`), one staged
// log and one pre-compressed log, as the collect pipeline writes them.
QList<bundle::BundleEntry> bundleEntries(const QTemporaryDir& dir, bool encrypted,
                                         const QString& listedSha = {}) {
    const QByteArray log = QByteArray("2026-11-18 INFO user-3f9a2c logged in\n").repeated(4000);
    const QByteArray gc =
        QByteArray("[2026-11-18T08:01:12] GC(12) Pause Young 23ms\n").repeated(900);
    QFile staged(dir.filePath(QStringLiteral("staged.log")));
    staged.open(QIODevice::WriteOnly);
    staged.write(log);
    staged.close();
    // Compressed ahead in two parts joined pigz-style, as the pipeline writes a large log.
    bundle::DeflatedMember gcDeflated;
    for (int k = 0; k < 2; ++k) {
        bundle::DeflateSink sink(dir.filePath(QStringLiteral("gc.%1.deflate").arg(k)),
                                 k == 1 ? bundle::DeflateSink::Ending::Final
                                        : bundle::DeflateSink::Ending::SyncFlush,
                                 false);
        if (!sink.start()) {
            return {};
        }
        sink.write(k == 0 ? gc.left(gc.size() / 2) : gc.mid(gc.size() / 2));
        auto part = sink.finish();
        if (!part) {
            return {};
        }
        gcDeflated.append(*part);
    }
    bundle::Manifest m;
    m.toolVersion = QStringLiteral("test");
    m.created = kTime;
    m.sourceKind = QStringLiteral("folder");
    m.product = QStringLiteral("jira");
    m.consent.name = QStringLiteral("Jana Admin");
    m.consent.email = QStringLiteral("jana@example.com");
    m.consent.time = kTime;
    m.consent.statement = bundle::consentStatement(QStringLiteral("Support"));
    m.encrypted = encrypted;
    m.files.append({QStringLiteral("application-logs/atlassian-jira.log"),
                    QStringLiteral("x"),
                    QStringLiteral("application-logs"),
                    log.size(),
                    log.size(),
                    listedSha.isEmpty() ? sha(log) : listedSha,
                    false,
                    QStringLiteral("utf-8"),
                    {}});
    m.files.append({QStringLiteral("tomcat-logs/gc.log"),
                    QStringLiteral("y"),
                    QStringLiteral("tomcat-logs"),
                    gc.size(),
                    gc.size(),
                    sha(gc),
                    false,
                    QStringLiteral("utf-8"),
                    {}});
    const QByteArray manifest = QJsonDocument(m.toJson()).toJson();
    return {
        {QStringLiteral("README.txt"), {}, QByteArray("readme\n"), sha("readme\n")},
        {QStringLiteral("manifest.json"), {}, manifest, sha(manifest)},
        {QStringLiteral("application-logs/atlassian-jira.log"), staged.fileName(), {}, sha(log)},
        {QStringLiteral("tomcat-logs/gc.log"), {}, {}, sha(gc), gcDeflated}};
}

QMap<QString, QByteArray> contents(const bundle::BundleReader& reader) {
    QMap<QString, QByteArray> out;
    for (const bundle::BundleMember& m : reader.members()) {
        auto data = reader.read(m.name, 64 << 20);
        out.insert(m.name, data ? *data : QByteArray("<unreadable>"));
    }
    return out;
}

QList<zip_uint16_t> encryptionMethods(const QString& path) {
    QList<zip_uint16_t> methods;
    int err = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &err);
    for (zip_int64_t i = 0; z != nullptr && i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        methods << st.encryption_method;
    }
    if (z != nullptr) {
        zip_discard(z);
    }
    return methods;
}

QByteArray run(const QString& program, const QStringList& args, int* exitCode) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return p.readAllStandardOutput();
}

} // namespace

class TestBundleEncryption : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void encryptsEveryMemberAndReadsBack();
    void plainIsIdenticalEncryptedDecryptsIdentically();
    void missingPasswordIsItsOwnError();
    void wrongPasswordIsItsOwnError();
    void verifyNeedsThePassword();
    void lyingManifestIsRefusedWhenEncrypted();
    void manifestMustSayWhatTheMembersAre();
    void plainMemberAmongEncryptedIsRefused();
    void sevenZipOpensIt();
    void bsdtarOpensIt();
    void manifestEncryptionField();
    void shortPasswordIsRefusedForWriting();
    void passwordFileRules();
    void tokenFileStillNeedsOneLine();
    void secretWipesAndShares();

private:
    QString write(const QString& name, const QByteArray& password, bool encryptedManifest,
                  const QString& listedSha = {});
    QTemporaryDir m_dir;
};

void TestBundleEncryption::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(bundle::checkAesSupported(), "Debian's libzip is built with a crypto backend");
}

QString TestBundleEncryption::write(const QString& name, const QByteArray& password,
                                    bool encryptedManifest, const QString& listedSha) {
    QTemporaryDir work;
    const auto entries = bundleEntries(work, encryptedManifest, listedSha);
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    auto written = bundle::writeBundle(path, entries, kTime, nullptr, {}, secret(password));
    return written ? written->path : QString();
}

void TestBundleEncryption::encryptsEveryMemberAndReadsBack() {
    const QString path = write(QStringLiteral("enc.zip"), kPassword, true);
    QVERIFY(!path.isEmpty());
    const auto methods = encryptionMethods(path);
    QCOMPARE(methods.size(), 4);
    for (const zip_uint16_t m : methods) {
        QCOMPARE(m, zip_uint16_t(ZIP_EM_AES_256)); // README and manifest too
    }
    auto reader = bundle::BundleReader::open(path, secret(kPassword));
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().toString()));
    QVERIFY((*reader)->isEncrypted());
    const auto data = contents(**reader);
    QCOMPARE(data.value(QStringLiteral("README.txt")), QByteArray("readme\n"));
    QVERIFY(data.value(QStringLiteral("tomcat-logs/gc.log")).startsWith("[2026-11-18T08:01:12]"));
    QVERIFY(data.value(QStringLiteral("manifest.json")).contains("\"encryption\": \"aes-256\""));
    // Nothing readable leaks into the file itself.
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(!bytes.contains("jana@example.com"));
    QVERIFY(!bytes.contains("readme"));
}

void TestBundleEncryption::plainIsIdenticalEncryptedDecryptsIdentically() {
    const QString plainA = write(QStringLiteral("plain-a.zip"), {}, false);
    const QString plainB = write(QStringLiteral("plain-b.zip"), {}, false);
    QCOMPARE(bundle::sha256OfFile(plainA), bundle::sha256OfFile(plainB));
    const QString encA = write(QStringLiteral("enc-a.zip"), kPassword, true);
    const QString encB = write(QStringLiteral("enc-b.zip"), kPassword, true);
    QVERIFY(bundle::sha256OfFile(encA) != bundle::sha256OfFile(encB)); // random salts
    auto a = bundle::BundleReader::open(encA, secret(kPassword));
    auto b = bundle::BundleReader::open(encB, secret(kPassword));
    QVERIFY(a && b);
    QCOMPARE(contents(**a), contents(**b));
    QCOMPARE(contents(**a).size(), 4);
}

void TestBundleEncryption::missingPasswordIsItsOwnError() {
    const QString path = write(QStringLiteral("locked.zip"), kPassword, true);
    auto forReading = bundle::BundleReader::open(path, Secret());
    QVERIFY(!forReading);
    QCOMPARE(forReading.error().code, ErrorCode::PasswordRequired);
    QVERIFY(forReading.error().message.contains(QStringLiteral("encrypted")));
    // Listing works without it (the GUI decides from the names that this is a bundle) ...
    auto listing = bundle::BundleReader::open(path);
    QVERIFY(listing);
    QVERIFY((*listing)->isEncrypted());
    QVERIFY((*listing)->contains(QStringLiteral("manifest.json")));
    QVERIFY(bundle::isSupportzipBundle(path));
    // ... but no member is readable.
    auto read = (*listing)->read(QStringLiteral("README.txt"), 1024);
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::PasswordRequired);
    // A plain bundle ignores a password.
    const QString plain = write(QStringLiteral("plain.zip"), {}, false);
    auto plainReader = bundle::BundleReader::open(plain, secret(kPassword));
    QVERIFY(plainReader);
    QVERIFY(!(*plainReader)->isEncrypted());
}

void TestBundleEncryption::wrongPasswordIsItsOwnError() {
    const QString path = write(QStringLiteral("wrong.zip"), kPassword, true);
    // Many tries: one in 65536 wrong passwords passes AES's 2-byte check and must still be told
    // apart by the member's HMAC.
    for (int i = 0; i < 50; ++i) {
        auto reader =
            bundle::BundleReader::open(path, secret("not the password " + QByteArray::number(i)));
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::WrongPassword);
        QVERIFY(reader.error().message.contains(QStringLiteral("password does not open")));
    }
}

void TestBundleEncryption::verifyNeedsThePassword() {
    const QString path = write(QStringLiteral("verify.zip"), kPassword, true);
    auto none = bundle::verifyBundle(path);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::PasswordRequired);
    auto wrong = bundle::verifyBundle(path, nullptr, secret("wrong password"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
    auto report = bundle::verifyBundle(path, nullptr, secret(kPassword));
    QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
    QVERIFY(report->intact());
    QCOMPARE(report->membersChecked, 2);
}

void TestBundleEncryption::lyingManifestIsRefusedWhenEncrypted() {
    const QString path =
        write(QStringLiteral("lying.zip"), kPassword, true, QString(64, u'0')); // wrong hash
    auto report = bundle::verifyBundle(path, nullptr, secret(kPassword));
    QVERIFY(report);
    QVERIFY(!report->intact());
    QCOMPARE(report->issues.size(), 1);
    QCOMPARE(report->issues.first().member, QStringLiteral("application-logs/atlassian-jira.log"));
    QVERIFY(report->issues.first().problem.contains(QStringLiteral("SHA-256 does not match")));
}

void TestBundleEncryption::manifestMustSayWhatTheMembersAre() {
    const QString saysNone = write(QStringLiteral("says-none.zip"), kPassword, false);
    auto report = bundle::verifyBundle(saysNone, nullptr, secret(kPassword));
    QVERIFY(report);
    QVERIFY(!report->intact());
    QVERIFY(report->issues.first().problem.contains(QStringLiteral("encryption \"none\"")));
    const QString saysAes = write(QStringLiteral("says-aes.zip"), {}, true);
    auto plain = bundle::verifyBundle(saysAes);
    QVERIFY(plain);
    QVERIFY(!plain->intact());
    QVERIFY(plain->issues.first().problem.contains(QStringLiteral("not encrypted")));
}

void TestBundleEncryption::plainMemberAmongEncryptedIsRefused() {
    const QString path = m_dir.filePath(QStringLiteral("mixed.zip"));
    int err = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    QVERIFY(z != nullptr);
    static const char kLog[] = "log line\n";
    static const char kManifest[] = "{\"format\":1}";
    const zip_int64_t a =
        zip_file_add(z, "logs/a.log", zip_source_buffer(z, kLog, sizeof kLog - 1, 0), 0);
    zip_file_set_encryption(z, static_cast<zip_uint64_t>(a), ZIP_EM_AES_256, kPassword.constData());
    zip_file_add(z, "manifest.json", zip_source_buffer(z, kManifest, sizeof kManifest - 1, 0), 0);
    QCOMPARE(zip_close(z), 0);
    auto reader = bundle::BundleReader::open(path, secret(kPassword));
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::HostileInput);
    QVERIFY(reader.error().message.contains(QStringLiteral("manifest.json")));
    QVERIFY(reader.error().message.contains(QStringLiteral("not encrypted")));
}

void TestBundleEncryption::sevenZipOpensIt() {
    const QString sevenZip = QStandardPaths::findExecutable(QStringLiteral("7z"));
    if (sevenZip.isEmpty()) {
        QSKIP("7z is not installed (p7zip-full)");
    }
    const QString path = write(QStringLiteral("7z.zip"), kPassword, true);
    int rc = -1;
    const QByteArray tested = run(
        sevenZip,
        {QStringLiteral("t"), QStringLiteral("-p") + QString::fromLatin1(kPassword), path}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY(tested.contains("Everything is Ok"));
    const QByteArray listed =
        run(sevenZip, {QStringLiteral("l"), QStringLiteral("-slt"), path}, &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(listed.count("Method = AES-256 Deflate"), 4);
    const QByteArray readme = run(sevenZip,
                                  {QStringLiteral("x"), QStringLiteral("-so"),
                                   QStringLiteral("-p") + QString::fromLatin1(kPassword), path,
                                   QStringLiteral("README.txt")},
                                  &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(readme, QByteArray("readme\n"));
    run(sevenZip, {QStringLiteral("t"), QStringLiteral("-pwrongpassword"), path}, &rc);
    QVERIFY(rc != 0);
}

void TestBundleEncryption::bsdtarOpensIt() {
    const QString bsdtar = QStandardPaths::findExecutable(QStringLiteral("bsdtar"));
    if (bsdtar.isEmpty()) {
        QSKIP("bsdtar is not installed (libarchive-tools)");
    }
    const QString path = write(QStringLiteral("bsdtar.zip"), kPassword, true);
    int rc = -1;
    const QByteArray log =
        run(bsdtar,
            {QStringLiteral("--passphrase"), QString::fromLatin1(kPassword), QStringLiteral("-xOf"),
             path, QStringLiteral("application-logs/atlassian-jira.log")},
            &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(log, QByteArray("2026-11-18 INFO user-3f9a2c logged in\n").repeated(4000));
}

void TestBundleEncryption::manifestEncryptionField() {
    bundle::Manifest m;
    m.encrypted = true;
    QJsonObject json = m.toJson();
    QCOMPARE(json.value(QStringLiteral("encryption")).toString(), QStringLiteral("aes-256"));
    QVERIFY(bundle::Manifest::fromJson(json)->encrypted);
    json.insert(QStringLiteral("encryption"), QStringLiteral("none"));
    QVERIFY(!bundle::Manifest::fromJson(json)->encrypted);
    json.remove(QStringLiteral("encryption")); // written before the field existed
    QVERIFY(!bundle::Manifest::fromJson(json)->encrypted);
    json.insert(QStringLiteral("encryption"), QStringLiteral("rot13"));
    const auto unknown = bundle::Manifest::fromJson(json);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::MalformedInput);
}

void TestBundleEncryption::shortPasswordIsRefusedForWriting() {
    QCOMPARE(bundle::checkNewPassword(secret("short")).error().code, ErrorCode::InvalidArgument);
    QVERIFY(bundle::checkNewPassword(secret("12345678")));
}

void TestBundleEncryption::passwordFileRules() {
    const auto make = [this](const QString& name, const QByteArray& content,
                             QFileDevice::Permissions perms) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        f.close();
        f.setPermissions(perms);
        return path;
    };
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    auto lf = readPasswordFile(make(QStringLiteral("pw-lf"), kPassword + "\n", owner));
    QVERIFY(lf);
    QCOMPARE(lf->view(), QByteArrayView(kPassword));
    auto crlf =
        readPasswordFile(make(QStringLiteral("pw-crlf"), kPassword + "\r\nignored\n", owner));
    QVERIFY(crlf);
    QCOMPARE(crlf->view(), QByteArrayView(kPassword)); // the first line only, as gpg reads it
    auto empty = readPasswordFile(make(QStringLiteral("pw-empty"), "\nsecond", owner));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
    QVERIFY(empty.error().message.contains(QStringLiteral("empty")));
    auto shared = readPasswordFile(
        make(QStringLiteral("pw-shared"), kPassword, owner | QFileDevice::ReadGroup));
    QVERIFY(!shared);
    QCOMPARE(shared.error().code, ErrorCode::PermissionDenied);
    QVERIFY(shared.error().message.contains(QStringLiteral("chmod 600")));
    QVERIFY(!shared.error().message.contains(QString::fromLatin1(kPassword)));
    auto missing = readPasswordFile(m_dir.filePath(QStringLiteral("absent")));
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestBundleEncryption::tokenFileStillNeedsOneLine() {
    const QString path = m_dir.filePath(QStringLiteral("token"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("abc\ndef\n");
    f.close();
    auto token = readSecretFile(path, QStringLiteral("token"), SecretLines::OnlyOne);
    QVERIFY(!token);
    QVERIFY(token.error().message.contains(QStringLiteral("one line")));
    auto first = readSecretFile(path, QStringLiteral("password"), SecretLines::FirstLine);
    QVERIFY(first);
    QCOMPARE(first->secret.view(), QByteArrayView("abc"));
}

void TestBundleEncryption::secretWipesAndShares() {
    QByteArray typed = "hunter2-hunter2";
    typed.detach();
    QByteArray view = QByteArray::fromRawData(typed.constData(), typed.size()); // not an owner
    wipe(view); // not detached (raw data): only released, the owner's bytes stay
    QCOMPARE(typed, QByteArray("hunter2-hunter2"));
    const Secret s = Secret::take(typed);
    QVERIFY(typed.isEmpty()); // (its bytes were zeroed before the buffer was freed)
    const Secret copy = s;    // copies share one buffer
    QCOMPARE(copy.c_str(), s.c_str());
    QCOMPARE(copy.view(), QByteArrayView("hunter2-hunter2"));
    QVERIFY(copy.sameAs(s));
    QVERIFY(!copy.sameAs(Secret()));
    QVERIFY(Secret().isEmpty());
    QCOMPARE(QByteArrayView(Secret().c_str()), QByteArrayView(""));
    QString text = QStringLiteral("pässwörd");
    text.detach();
    const Secret utf8 = Secret::takeText(text);
    QVERIFY(text.isEmpty());
    QCOMPARE(utf8.view(), QByteArrayView("p\xc3\xa4ssw\xc3\xb6rd"));
}

QTEST_GUILESS_MAIN(TestBundleEncryption)
#include "tst_bundleencryption.moc"
