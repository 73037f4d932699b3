// SPDX-License-Identifier: GPL-3.0-or-later
// Collection: what is taken, what is left out and why, and files that misbehave on the way.
#include "collect/inventory.h"
#include "collect/logtimerange.h"
#include "collect/pluginlist.h"
#include "discovery/discovery.h"
#include "pipeline/collectjob.h"
#include "pipeline/filescrub.h"
#include "samplegen.h"
#include "scrubtesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

using namespace supportzip;
namespace collect = supportzip::core::collect;

namespace {

const collect::LeftOutItem* findLeftOut(const collect::Inventory& inv, const QString& relativeEnd) {
    for (const auto& l : inv.leftOut) {
        if (l.relativePath.endsWith(relativeEnd)) {
            return &l;
        }
    }
    return nullptr;
}

bool collected(const collect::Inventory& inv, const QString& bundlePath) {
    return std::any_of(inv.files.begin(), inv.files.end(),
                       [&](const auto& f) { return f.bundlePath == bundlePath; });
}

const collect::CollectedFile* collectedFile(const collect::Inventory& inv,
                                            const QString& bundlePath) {
    for (const auto& f : inv.files) {
        if (f.bundlePath == bundlePath) {
            return &f;
        }
    }
    return nullptr;
}

// Root reads every file whatever its mode: drop the real and effective ids to nobody (root
// stays the saved id, to come back) so permissions apply as they do for an admin account.
class AsNobody {
public:
    AsNobody() {
        if (geteuid() != 0) {
            m_ok = true;
            return;
        }
        m_dropped = setresgid(65534, 65534, 0) == 0 && setresuid(65534, 65534, 0) == 0;
        m_ok = m_dropped;
    }
    ~AsNobody() {
        if (m_dropped) {
            (void)setresuid(0, 0, 0);
            (void)setresgid(0, 0, 0);
        }
    }
    AsNobody(const AsNobody&) = delete;
    AsNobody& operator=(const AsNobody&) = delete;
    bool ok() const { return m_ok; }

private:
    bool m_dropped = false;
    bool m_ok = false;
};

} // namespace

class TestInventory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void collectsDiagnosticsAndExplainsTheRest();
    void neverFollowsLinksOutside();
    void honoursExcludedCategoriesAndTimeWindow();
    void vanishedAndBinaryFilesAreListedNotFatal();
    void truncatesToNewestPart();
    void timeWindowReadsTheLogsOwnTimestamps();
    void pluginListReadsJarDescriptors();
    void sizeLimitsKeepTheNewest();
    void timeWindowAcrossRotatedAndGzippedLogs();
    void growingAndVanishingFilesAfterTheInventory();
    void permissionDeniedIsListedAndCollectionCarriesOn();
    void neverCollectedFilesAreNeverRead();
    void hostileSourceArchiveIsRefused_data();
    void hostileSourceArchiveIsRefused();

private:
    QTemporaryDir m_dir;
    fixtures::SampleInstallation m_sample;
    core::discovery::Installation m_installation;
};

void TestInventory::initTestCase() {
    auto sample = fixtures::generateInstallation(m_dir.filePath(QStringLiteral("s")), {});
    QVERIFY(sample);
    m_sample = *sample;
    auto inst = core::discovery::describeInstallation(m_sample.installDir, m_sample.homeDir);
    QVERIFY(inst);
    m_installation = *inst;
    QCOMPARE(m_installation.product, core::discovery::Product::Jira);
    QCOMPARE(m_installation.version, QStringLiteral("9.12.2"));
    QVERIFY(m_installation.dataCenter);
    QCOMPARE(m_installation.databaseType, QStringLiteral("postgres72"));
}

void TestInventory::collectsDiagnosticsAndExplainsTheRest() {
    auto inv = collect::buildInventory(m_installation, {}, nullptr);
    QVERIFY(inv);
    for (const char* p :
         {"application-logs/atlassian-jira.log", "application-logs/atlassian-jira.log.3",
          "application-config/dbconfig.xml", "tomcat-logs/catalina.out", "tomcat-config/server.xml",
          "application-config/setenv.sh", "application-config/jira-application.properties"}) {
        QVERIFY2(collected(*inv, QLatin1StringView(p)), p);
    }
    const auto* data = findLeftOut(*inv, QStringLiteral("data"));
    QVERIFY(data && data->folder && data->reason.contains(QStringLiteral("attachments")));
    const auto* exportDir = findLeftOut(*inv, QStringLiteral("export"));
    QVERIFY(exportDir && exportDir->reason.contains(QStringLiteral("backups")));
    for (const auto& f : inv->files) {
        QVERIFY2(!f.bundlePath.endsWith(QStringLiteral(".gz")), qPrintable(f.bundlePath));
        QVERIFY(!f.sourcePath.endsWith(QStringLiteral(".jar")));
        QVERIFY(!f.sourcePath.endsWith(QStringLiteral(".hprof")));
    }
}

void TestInventory::neverFollowsLinksOutside() {
    const QString logDir = m_sample.homeDir + QStringLiteral("/log");
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), logDir + QStringLiteral("/outside.log")));
    QVERIFY(QFile::link(m_sample.homeDir, logDir + QStringLiteral("/loop")));
    auto inv = collect::buildInventory(m_installation, {}, nullptr);
    QFile::remove(logDir + QStringLiteral("/outside.log"));
    QFile::remove(logDir + QStringLiteral("/loop"));
    QVERIFY(inv);
    QVERIFY(!collected(*inv, QStringLiteral("application-logs/outside.log")));
    const auto* outside = findLeftOut(*inv, QStringLiteral("log/outside.log"));
    QVERIFY(outside && outside->reason.contains(QStringLiteral("outside the installation")));
    const auto* loop = findLeftOut(*inv, QStringLiteral("log/loop"));
    QVERIFY(loop && loop->reason.contains(QStringLiteral("not followed")));
}

void TestInventory::honoursExcludedCategoriesAndTimeWindow() {
    collect::CollectionOptions options;
    options.excludeCategories << QStringLiteral("tomcat-access-logs");
    options.since = QDateTime::currentDateTimeUtc().addDays(1); // every log is older
    auto inv = collect::buildInventory(m_installation, options, nullptr);
    QVERIFY(inv);
    for (const auto& f : inv->files) {
        QVERIFY2(!f.category.endsWith(QStringLiteral("-logs")), qPrintable(f.bundlePath));
    }
    QVERIFY(collected(*inv, QStringLiteral("application-config/dbconfig.xml")));
    const auto* access = findLeftOut(*inv, QStringLiteral("access_log.2026-11-18"));
    QVERIFY(access && access->reason.contains(QStringLiteral("excluded")));
    const auto* old = findLeftOut(*inv, QStringLiteral("log/atlassian-jira.log"));
    QVERIFY(old && old->reason.contains(QStringLiteral("--since")));
}

void TestInventory::vanishedAndBinaryFilesAreListedNotFatal() {
    const QString binary = m_sample.homeDir + QStringLiteral("/log/atlassian-binary.log");
    QFile f(binary);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\x00\x01\x02 password=hidden", 19));
    f.close();
    core::pipeline::CollectRequest r;
    r.installDir = m_sample.installDir;
    r.homeDir = m_sample.homeDir;
    r.outputPath = m_dir.filePath(QStringLiteral("b.zip"));
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    r.consent.name = QStringLiteral("A");
    r.consent.email = QStringLiteral("a@example.com");
    auto summary = core::pipeline::CollectJob(r).run();
    QFile::remove(binary);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    QCOMPARE(summary->skipped.size(), 1);
    QVERIFY(summary->skipped[0].message.contains(QStringLiteral("binary")));
    bool inManifest = false;
    for (const auto& l : summary->manifest.leftOut) {
        inManifest = inManifest || (l.path.endsWith(QStringLiteral("atlassian-binary.log")) &&
                                    l.reason.contains(QStringLiteral("binary")));
    }
    QVERIFY(inManifest);

    tests::TestEngine engine;
    core::scrub::ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    collect::CollectedFile gone;
    gone.sourcePath = m_dir.filePath(QStringLiteral("vanished.log"));
    auto staged = core::pipeline::scrubCollectedFile(gone, e, QString(), 0, nullptr);
    QVERIFY(!staged);
    QVERIFY(staged.error().message.contains(QStringLiteral("vanished")));
}

void TestInventory::truncatesToNewestPart() {
    const QString path = m_dir.filePath(QStringLiteral("big.log"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 1000; ++i) {
        f.write(QStringLiteral("line %1 of the log\n").arg(i, 4, 10, QChar(u'0')).toUtf8());
    }
    f.close();
    tests::TestEngine engine;
    core::scrub::ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    collect::CollectedFile file;
    file.sourcePath = path;
    const QString out = m_dir.filePath(QStringLiteral("big.out"));
    auto staged = core::pipeline::scrubCollectedFile(file, e, out, 1000, nullptr);
    QVERIFY(staged);
    QVERIFY(staged->truncated);
    QFile result(out);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QByteArray text = result.readAll();
    QVERIFY(text.size() <= 1000);
    QVERIFY(text.startsWith("line "));                // starts on a line boundary
    QVERIFY(text.endsWith("line 0999 of the log\n")); // the newest part is kept
}

void TestInventory::timeWindowReadsTheLogsOwnTimestamps() {
    using collect::firstTimestamp;
    using collect::lastTimestamp;
    const auto utc = [](int d, int h, int m, int s) {
        return QDateTime(QDate(2026, 11, d), QTime(h, m, s), QTimeZone::utc());
    };
    QCOMPARE(firstTimestamp("noise\n2026-11-18 08:00:45,317+0000 http-nio-8080-exec-7 INFO x\n"),
             utc(18, 8, 0, 45));
    QCOMPARE(
        firstTimestamp("10.0.0.1 1x2x3 - [18/Nov/2026:08:05:02 +0000] \"GET / HTTP/1.1\" 200\n"),
        utc(18, 8, 5, 2));
    QCOMPARE(firstTimestamp("18-Nov-2026 07:58:12.004 INFO [main] org.apache.catalina.startup\n"),
             utc(18, 7, 58, 12));
    QCOMPARE(firstTimestamp("[2026-11-19T08:01:12.345+0000][3.214s] GC(12) Pause Young\n"),
             utc(19, 8, 1, 12));
    QCOMPARE(lastTimestamp(
                 "2026-11-18 08:00:00,000 a\n2026-11-19 23:59:58,000 b\n\tat x.Y.z(Y.java:1)\n"),
             utc(19, 23, 59, 58));
    QVERIFY(!firstTimestamp("no time here\n").isValid());

    // The sample's logs are dated 2026-11-16..20 whatever their mtime (which is now).
    collect::CollectionOptions window;
    window.since = utc(25, 0, 0, 0);
    auto after = collect::buildInventory(m_installation, window, nullptr);
    QVERIFY(after);
    QVERIFY(!collected(*after, QStringLiteral("application-logs/atlassian-jira.log")));
    const auto* old = findLeftOut(*after, QStringLiteral("log/atlassian-jira.log"));
    QVERIFY(old && old->reason.contains(QStringLiteral("--since")));
    window.since = utc(1, 0, 0, 0);
    window.until = utc(10, 0, 0, 0);
    auto before = collect::buildInventory(m_installation, window, nullptr);
    QVERIFY(before);
    const auto* late = findLeftOut(*before, QStringLiteral("log/atlassian-jira.log"));
    QVERIFY(late && late->reason.contains(QStringLiteral("--until")));
    window.until = utc(30, 0, 0, 0);
    auto all = collect::buildInventory(m_installation, window, nullptr);
    QVERIFY(all && collected(*all, QStringLiteral("application-logs/atlassian-jira.log")));
}

void TestInventory::pluginListReadsJarDescriptors() {
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("plugins/installed-plugins"));
    QVERIFY(QDir().mkpath(dir));
    static const char descriptor[] =
        "<atlassian-plugin key=\"com.example.nwl.payroll-sync\" name=\"Payroll Sync\" "
        "plugins-version=\"2\">"
        "<plugin-info><description>x</description><version>1.4.2</version>"
        "<vendor name=\"Example Apps\" "
        "url=\"https://apps.example.com\"/></plugin-info></atlassian-plugin>";
    int err = 0;
    zip_t* jar = zip_open(QFile::encodeName(dir + QStringLiteral("/plugin.10001.jar")).constData(),
                          ZIP_CREATE, &err);
    QVERIFY(jar != nullptr);
    zip_file_add(jar, "atlassian-plugin.xml",
                 zip_source_buffer(jar, descriptor, sizeof(descriptor) - 1, 0), 0);
    QCOMPARE(zip_close(jar), 0);
    QFile broken(dir + QStringLiteral("/plugin.10002.jar"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a zip");
    broken.close();
    core::discovery::Installation inst;
    inst.homeDir = home.path();
    const auto plugins = collect::installedPlugins(inst);
    QCOMPARE(plugins.size(), 2);
    QCOMPARE(plugins[0].key, QStringLiteral("com.example.nwl.payroll-sync"));
    QCOMPARE(plugins[0].name, QStringLiteral("Payroll Sync"));
    QCOMPARE(plugins[0].version, QStringLiteral("1.4.2"));
    QCOMPARE(plugins[0].vendor, QStringLiteral("Example Apps"));
    QVERIFY(plugins[1].problem.contains(QStringLiteral("not a readable jar")));
    const QString text = collect::pluginListText(plugins);
    QVERIFY(text.contains(QStringLiteral(
        "com.example.nwl.payroll-sync\tPayroll Sync\t1.4.2\tExample Apps\tplugin.10001.jar")));
    QVERIFY(text.contains(QStringLiteral("plugin.10002.jar (not a readable jar)")));
}

void TestInventory::sizeLimitsKeepTheNewest() {
    // A rotated gzip log over the per-file limit keeps its newest lines.
    const QString gz = m_dir.filePath(QStringLiteral("rotated.log.1.gz"));
    gzFile out = gzopen(QFile::encodeName(gz).constData(), "wb");
    QVERIFY(out != nullptr);
    for (int i = 0; i < 1000; ++i) {
        const QByteArray line =
            QStringLiteral("line %1 of the log\n").arg(i, 4, 10, QChar(u'0')).toUtf8();
        gzwrite(out, line.constData(), static_cast<unsigned>(line.size()));
    }
    gzclose(out);
    tests::TestEngine engine;
    core::scrub::ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    collect::CollectedFile file;
    file.sourcePath = gz;
    file.gzip = true;
    const QString staged = m_dir.filePath(QStringLiteral("rotated.out"));
    auto result = core::pipeline::scrubCollectedFile(file, e, staged, 1000, nullptr);
    QVERIFY(result);
    QVERIFY(result->truncated);
    QFile text(staged);
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QByteArray kept = text.readAll();
    QVERIFY(kept.size() <= 1000 && kept.startsWith("line ") &&
            kept.endsWith("line 0999 of the log\n"));

    // The total limit keeps configuration and the newest logs; the rest is listed.
    core::pipeline::CollectRequest r;
    r.installDir = m_sample.installDir;
    r.homeDir = m_sample.homeDir;
    r.outputPath = m_dir.filePath(QStringLiteral("total.zip"));
    r.vaultDir = m_dir.filePath(QStringLiteral("vault"));
    r.consent.name = QStringLiteral("A");
    r.consent.email = QStringLiteral("a@example.com");
    r.maxTotalSize = 300 * 1024;
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    qint64 total = 0;
    bool configKept = false;
    for (const auto& f : summary->manifest.files) {
        total += f.sizeBefore;
        configKept =
            configKept || f.bundlePath == QStringLiteral("application-config/dbconfig.xml");
    }
    QVERIFY(configKept);
    QVERIFY2(total <= 300 * 1024 + 64 * 1024,
             qPrintable(QString::number(total))); // + generated members
    bool listed = false;
    for (const auto& l : summary->manifest.leftOut) {
        listed = listed || l.reason.contains(QStringLiteral("--max-total-size"));
    }
    QVERIFY(listed);
}

void TestInventory::timeWindowAcrossRotatedAndGzippedLogs() {
    // The sample's main log and its rotations, newest first (every mtime is "now"):
    // .log 18th 07:58 - 20th 18:00, .1 17th 12:00 - 18th 07:00, .2 17th 00:00 - 11:00,
    // .3.gz 16th 06:00 - 23:00. Only the content tells them apart.
    const auto utc = [](int d, int h) {
        return QDateTime(QDate(2026, 11, d), QTime(h, 0), QTimeZone::utc());
    };
    const auto kept = [&](const collect::CollectionOptions& window) {
        QStringList names;
        auto inv = collect::buildInventory(m_installation, window, nullptr);
        if (!inv) {
            return QStringList{inv.error().toString()};
        }
        for (const auto& f : inv->files) {
            if (f.bundlePath.startsWith(QStringLiteral("application-logs/atlassian-jira.log"))) {
                names << f.bundlePath.mid(QStringLiteral("application-logs/").size());
            }
        }
        names.sort();
        return names;
    };
    collect::CollectionOptions window;
    window.since = utc(17, 11).addSecs(30 * 60); // after .2 ended, inside .1
    QCOMPARE(kept(window), (QStringList{QStringLiteral("atlassian-jira.log"),
                                        QStringLiteral("atlassian-jira.log.1")}));
    window.since = QDateTime();
    window.until = utc(16, 12); // inside the gzipped rotation only
    QCOMPARE(kept(window), QStringList{QStringLiteral("atlassian-jira.log.3")});
    window.since = utc(16, 22);
    window.until = utc(17, 6); // the end of .3.gz and the start of .2
    QCOMPARE(kept(window), (QStringList{QStringLiteral("atlassian-jira.log.2"),
                                        QStringLiteral("atlassian-jira.log.3")}));
    auto inv = collect::buildInventory(m_installation, window, nullptr);
    QVERIFY(inv);
    const auto* gz = findLeftOut(*inv, QStringLiteral("log/atlassian-jira.log.1"));
    QVERIFY(gz && gz->reason.contains(QStringLiteral("--until")));
    // Configuration is not a log: the window never leaves it out.
    QVERIFY(collected(*inv, QStringLiteral("application-config/dbconfig.xml")));
}

void TestInventory::growingAndVanishingFilesAfterTheInventory() {
    QTemporaryDir dir;
    fixtures::SampleOptions options;
    options.dataCenter = false;
    auto sample = fixtures::generateInstallation(dir.filePath(QStringLiteral("s")), options);
    QVERIFY(sample);
    auto inst = core::discovery::describeInstallation(sample->installDir, sample->homeDir);
    QVERIFY(inst);
    auto inv = collect::buildInventory(*inst, {}, nullptr);
    QVERIFY(inv);
    const auto* growing =
        collectedFile(*inv, QStringLiteral("application-logs/atlassian-jira-security.log"));
    const auto* vanishing =
        collectedFile(*inv, QStringLiteral("application-logs/atlassian-jira-slow-queries.log"));
    QVERIFY(growing && vanishing);
    QFile log(growing->sourcePath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray before = log.readAll();
    log.close();
    QCOMPARE(qint64(before.size()), growing->size);
    // The application keeps writing after the inventory; logrotate removes another file.
    QVERIFY(log.open(QIODevice::Append));
    log.write("2026-11-23 16:00:00,000+0000 http-nio-8080-exec-1 WARN written after the "
              "inventory\n");
    log.close();
    QVERIFY(QFile::remove(vanishing->sourcePath));

    tests::TestEngine engine;
    core::scrub::ScrubEngine e{&engine.rules, &engine.pseudonymizer, nullptr, nullptr};
    const QString out = dir.filePath(QStringLiteral("grown.out"));
    auto staged = core::pipeline::scrubCollectedFile(*growing, e, out, 0, nullptr);
    QVERIFY(staged);
    QCOMPARE(staged->sizeBefore, growing->size); // up to the size the plan showed
    QFile result(out);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QByteArray text = result.readAll();
    QVERIFY(!text.contains("written after the inventory"));
    QVERIFY(text.endsWith('\n'));                   // the last whole line is there
    QCOMPARE(text.count('\n'), before.count('\n')); // and every line before it
    auto gone = core::pipeline::scrubCollectedFile(*vanishing, e, out, 0, nullptr);
    QVERIFY(!gone);
    QVERIFY(gone.error().message.contains(QStringLiteral("vanished")));

    // A log truncated since the inventory (copytruncate) is read as it is now.
    QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
    log.write("2026-11-23 16:01:00,000+0000 main INFO after truncation\n");
    log.close();
    auto shrunk = core::pipeline::scrubCollectedFile(*growing, e, out, 0, nullptr);
    QVERIFY(shrunk);
    QCOMPARE(shrunk->sizeBefore, log.size());
}

void TestInventory::permissionDeniedIsListedAndCollectionCarriesOn() {
    QTemporaryDir dir;
    fixtures::SampleOptions options;
    options.dataCenter = false;
    auto sample = fixtures::generateInstallation(dir.filePath(QStringLiteral("s")), options);
    QVERIFY(sample);
    // The temporary folder is private to root; nobody must be able to walk into the sample.
    QVERIFY(QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) |
                                                  QFileDevice::ExeOther | QFileDevice::ReadOther));
    const QString secret = sample->homeDir + QStringLiteral("/log/atlassian-jira-security.log");
    const QString auditDir = sample->homeDir + QStringLiteral("/log/audit");
    QVERIFY(QFile::setPermissions(secret, QFileDevice::WriteOwner));
    QVERIFY(QFile::setPermissions(auditDir, QFileDevice::WriteOwner));
    auto inst = core::discovery::describeInstallation(sample->installDir, sample->homeDir);
    QVERIFY(inst);
    core::Expected<collect::Inventory> inv = tl::unexpected(core::Error{});
    {
        AsNobody nobody;
        if (!nobody.ok()) {
            QSKIP("cannot drop root privileges here: permissions would not apply");
        }
        inv = collect::buildInventory(*inst, {}, nullptr);
    }
    QFile::setPermissions(secret, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::setPermissions(auditDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(inv);
    const auto* file = findLeftOut(*inv, QStringLiteral("log/atlassian-jira-security.log"));
    QVERIFY(file && file->reason.contains(QStringLiteral("permission denied")));
    const auto* folder = findLeftOut(*inv, QStringLiteral("log/audit"));
    QVERIFY(folder && folder->folder && folder->reason.contains(QStringLiteral("permission")));
    QVERIFY(!collected(*inv, QStringLiteral("application-logs/atlassian-jira-security.log")));
    // Everything else is still there.
    QVERIFY(collected(*inv, QStringLiteral("application-logs/atlassian-jira.log")));
    QVERIFY(collected(*inv, QStringLiteral("application-config/dbconfig.xml")));
}

namespace {

// Sets a file's access time well before its modification time: with relatime (or strictatime)
// the next read moves it forward, so a read leaves a trace.
bool ageAccessTime(const QString& path) {
    struct stat st {};
    if (stat(QFile::encodeName(path).constData(), &st) != 0) {
        return false;
    }
    timespec times[2];
    times[0].tv_sec = st.st_mtim.tv_sec - 2 * 24 * 3600;
    times[0].tv_nsec = 0;
    times[1] = st.st_mtim;
    return utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

bool wasReadSinceAged(const QString& path) {
    struct stat st {};
    return stat(QFile::encodeName(path).constData(), &st) == 0 &&
           st.st_atim.tv_sec >= st.st_mtim.tv_sec;
}

} // namespace

void TestInventory::neverCollectedFilesAreNeverRead() {
    QTemporaryDir dir;
    auto sample = fixtures::generateInstallation(dir.filePath(QStringLiteral("s")), {});
    QVERIFY(sample);
    // Does this filesystem record reads at all? (noatime mounts do not.)
    const QString probe = sample->homeDir + QStringLiteral("/dbconfig.xml");
    QVERIFY(ageAccessTime(probe));
    {
        QFile f(probe);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).isEmpty());
    }
    if (!wasReadSinceAged(probe)) {
        QSKIP("this filesystem does not record reads (noatime): cannot tell what was read");
    }
    QVERIFY(!sample->neverCollected.isEmpty());
    for (const QString& rel : sample->neverCollected) {
        QVERIFY2(ageAccessTime(sample->root + u'/' + rel), qPrintable(rel));
    }
    core::pipeline::CollectRequest r;
    r.installDir = sample->installDir;
    r.homeDir = sample->homeDir;
    r.outputPath = dir.filePath(QStringLiteral("b.zip"));
    r.vaultDir = dir.filePath(QStringLiteral("vault"));
    r.consent.name = QStringLiteral("A");
    r.consent.email = QStringLiteral("a@example.com");
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
    int checked = 0;
    for (const QString& rel : sample->neverCollected) {
        // By design the plugin list opens installed plugin jars for their descriptor (key,
        // name, version); nothing of them goes into the bundle.
        if (rel.contains(QStringLiteral("/plugins/installed-plugins/"))) {
            continue;
        }
        QVERIFY2(!wasReadSinceAged(sample->root + u'/' + rel), qPrintable(rel));
        ++checked;
    }
    QVERIFY(checked >= 10); // attachments, exports, indexes, jars, heap dumps, temp files
}

void TestInventory::hostileSourceArchiveIsRefused_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<unsigned>("mode");
    QTest::addColumn<QString>("message");
    QTest::newRow("path escaping the folder")
        << QByteArray("application-logs/../../../escaped.log") << QByteArray("x\n") << 0100644u
        << QStringLiteral("traversal");
    QTest::newRow("absolute path") << QByteArray("/tmp/escaped.log") << QByteArray("x\n")
                                   << 0100644u << QStringLiteral("absolute");
    QTest::newRow("symbolic link")
        << QByteArray("application-logs/atlassian-jira.log") << QByteArray("/etc/shadow")
        << 0120777u << QStringLiteral("symbolic link");
    QTest::newRow("zip bomb") << QByteArray("application-logs/atlassian-jira.log")
                              << QByteArray(64 << 20, '\0') << 0100644u
                              << QStringLiteral("zip bomb");
}

void TestInventory::hostileSourceArchiveIsRefused() {
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, data);
    QFETCH(unsigned, mode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("Jira_support_2026-11-20.zip"));
    int err = 0;
    zip_t* z = zip_open(QFile::encodeName(zipPath).constData(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    QVERIFY(z != nullptr);
    static const char config[] = "<jira-database-config/>";
    zip_file_add(z, "application-config/dbconfig.xml",
                 zip_source_buffer(z, config, sizeof(config) - 1, 0), ZIP_FL_ENC_RAW);
    const zip_int64_t i = zip_file_add(
        z, name.constData(),
        zip_source_buffer(z, data.constData(), static_cast<zip_uint64_t>(data.size()), 0),
        ZIP_FL_ENC_RAW);
    QVERIFY(i >= 0);
    zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(i), 0, ZIP_OPSYS_UNIX,
                                     mode << 16);
    QCOMPARE(zip_close(z), 0);

    const QString outDir = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(outDir));
    core::pipeline::CollectRequest r;
    r.sourcePath = zipPath;
    r.outputPath = outDir + QStringLiteral("/bundle.zip");
    r.vaultDir = dir.filePath(QStringLiteral("vault"));
    r.consent.name = QStringLiteral("A");
    r.consent.email = QStringLiteral("a@example.com");
    auto summary = core::pipeline::CollectJob(r).run();
    QVERIFY(!summary);
    QVERIFY2(summary.error().message.contains(message), qPrintable(summary.error().toString()));
    // Refused before anything was extracted or written: no bundle, no extraction folder left,
    // nothing outside.
    QVERIFY(
        QDir(outDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escaped.log"))));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/escaped.log")));
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
