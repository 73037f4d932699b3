// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery: Windows path syntax, setenv scripts and version sources as pure functions, then
// Windows-layout Jira and Confluence installations found and collected through a drive mapping
// (the tests run on Linux: a folder stands for C:\).
#include "collect/inventory.h"
#include "discovery/configtext.h"
#include "discovery/discovery.h"
#include "discovery/productversion.h"
#include "discovery/setenvscript.h"
#include "discovery/windowspaths.h"
#include "samplegen.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip::core;
using namespace Qt::StringLiterals;
using discovery::Product;

namespace {

bool writeFile(const QString& path, const QByteArray& content) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return false;
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Discovery that sees only the given drive: no /opt, no environment, no processes.
discovery::DiscoveryOptions onlyDrive(const QString& driveFolder) {
    discovery::DiscoveryOptions o;
    o.windowsMounts.insert(QStringLiteral("C:"), driveFolder);
    o.linuxDefaults = false;
    o.environment = false;
    o.procRoot.clear();
    return o;
}

bool collected(const collect::Inventory& inv, const QString& bundlePath) {
    return std::any_of(inv.files.begin(), inv.files.end(),
                       [&](const auto& f) { return f.bundlePath == bundlePath; });
}

const collect::LeftOutItem* leftOut(const collect::Inventory& inv, const QString& root,
                                    const QString& relativePath) {
    for (const auto& l : inv.leftOut) {
        if (l.root == root && l.relativePath == relativePath) {
            return &l;
        }
    }
    return nullptr;
}

} // namespace

class TestDiscovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void normalizesWindowsPaths_data();
    void normalizesWindowsPaths();
    void expandsWindowsVariables();
    void readsPropertiesValues_data();
    void readsPropertiesValues();
    void readsHomeFromSetenvScripts_data();
    void readsHomeFromSetenvScripts();
    void mapsWindowsPathsThroughMounts();
    void detectsWindowsJira();
    void windowsJiraHomeFromEachSource();
    void detectsWindowsConfluence();
    void collectsWindowsJira();
    void collectsWindowsConfluence();
    void confluenceVersionFromEachSource();
    void confluenceInstallVersionWinsOverHome();
    void runningAndStoppedFromAFakeProc();
    void detectsLinuxConfluence();

private:
    QTemporaryDir m_dir;
    supportzip::fixtures::SampleInstallation m_jira;
    supportzip::fixtures::SampleInstallation m_confluence;
};

void TestDiscovery::initTestCase() {
    QVERIFY(m_dir.isValid());
    supportzip::fixtures::SampleOptions jira;
    jira.windowsLayout = true;
    auto j =
        supportzip::fixtures::generateInstallation(m_dir.filePath(QStringLiteral("win")), jira);
    QVERIFY2(j, j ? "" : qPrintable(j.error()));
    m_jira = *j;
    supportzip::fixtures::SampleOptions confluence = jira;
    confluence.product = QStringLiteral("confluence");
    auto c = supportzip::fixtures::generateInstallation(m_dir.filePath(QStringLiteral("win")),
                                                        confluence);
    QVERIFY2(c, c ? "" : qPrintable(c.error()));
    m_confluence = *c;
    QVERIFY(m_jira.installDir.endsWith(QStringLiteral("/Program Files/Atlassian/JIRA")));
    QVERIFY(m_jira.homeDir.endsWith(QStringLiteral("/Atlassian/Application Data/JIRA")));
}

void TestDiscovery::normalizesWindowsPaths_data() {
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("windows");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("backslashes") << u"C:\\Atlassian\\Application Data\\JIRA"_s
                                 << u"C:/Atlassian/Application Data/JIRA"_s << true << u"C:"_s;
    QTest::newRow("doubled, lower drive, trailing")
        << u"c:\\\\Program Files\\\\Atlassian\\\\JIRA\\\\"_s << u"C:/Program Files/Atlassian/JIRA"_s
        << true << u"C:"_s;
    QTest::newRow("forward slashes, quoted")
        << u"\"D:/Atlassian/Application Data/Confluence\""_s
        << u"D:/Atlassian/Application Data/Confluence"_s << true << u"D:"_s;
    QTest::newRow("single quotes, mixed")
        << u"'E:\\data/jira'"_s << u"E:/data/jira"_s << true << u"E:"_s;
    QTest::newRow("drive root") << u"C:\\"_s << u"C:/"_s << true << u"C:"_s;
    QTest::newRow("UNC") << u"\\\\fs01\\jira-shared\\home"_s << u"//fs01/jira-shared/home"_s << true
                         << u"//fs01/jira-shared"_s;
    QTest::newRow("escaped UNC") << u"\\\\\\\\fs01\\\\jira-shared"_s << u"//fs01/jira-shared"_s
                                 << true << u"//fs01/jira-shared"_s;
    QTest::newRow("linux stays") << u"/var/atlassian/application-data/jira"_s
                                 << u"/var/atlassian/application-data/jira"_s << false << QString();
    QTest::newRow("relative stays")
        << u"Atlassian\\JIRA"_s << u"Atlassian\\JIRA"_s << false << QString();
    QTest::newRow("drive-relative is not absolute")
        << u"C:JIRA"_s << u"C:JIRA"_s << false << QString();
}

void TestDiscovery::normalizesWindowsPaths() {
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QFETCH(bool, windows);
    QFETCH(QString, prefix);
    QCOMPARE(discovery::isWindowsAbsolutePath(raw), windows);
    QCOMPARE(discovery::normalizeWindowsPath(raw), normalized);
    if (windows) {
        QCOMPARE(discovery::windowsPathPrefix(normalized), prefix);
    }
}

void TestDiscovery::expandsWindowsVariables() {
    const QHash<QString, QString> vars = {{u"JIRA_HOME"_s, u"C:\\Atlassian\\JIRA"_s},
                                          {u"Opts"_s, u"-Xmx4g"_s}};
    QCOMPARE(discovery::expandWindowsVariables(u"-Djira.home=\"%jira_home%\" %OPTS%"_s, vars),
             u"-Djira.home=\"C:\\Atlassian\\JIRA\" -Xmx4g"_s);
    // Unknown references stay, so the caller can tell the value depends on the environment.
    QCOMPARE(discovery::expandWindowsVariables(u"%CATALINA_OPTS% -Dx=1 100%"_s, vars),
             u"%CATALINA_OPTS% -Dx=1 100%"_s);
    QCOMPARE(discovery::unquote(u"  \"C:\\x\"  "_s), u"C:\\x"_s);
    QCOMPARE(discovery::unquote(u"\"unbalanced"_s), u"\"unbalanced"_s);
}

void TestDiscovery::readsPropertiesValues_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("forward slashes") << u"jira.home = C:/Atlassian/Application Data/JIRA\r\n"_s
                                     << u"jira.home"_s << u"C:/Atlassian/Application Data/JIRA"_s;
    QTest::newRow("escaped backslashes")
        << u"# confluence.home=c:/confluence/data\nconfluence.home=C:\\\\Atlassian\\\\Conf\n"_s
        << u"confluence.home"_s << u"C:\\Atlassian\\Conf"_s;
    QTest::newRow("install4j escapes the colon")
        << u"app.jiraHome=C\\:\\\\Atlassian\\\\Application Data\\\\JIRA\n"_s << u"app.jiraHome"_s
        << u"C:\\Atlassian\\Application Data\\JIRA"_s;
    QTest::newRow("single backslashes kept as meant")
        << u"jira.home=C:\\Atlassian\\JIRA\n"_s << u"jira.home"_s << u"C:\\Atlassian\\JIRA"_s;
    QTest::newRow("commented out") << u"#jira.home=/x\n"_s << u"jira.home"_s << QString();
    QTest::newRow("longer key is another key")
        << u"jira.home.old=/x\njira.home: /y\n"_s << u"jira.home"_s << u"/y"_s;
}

void TestDiscovery::readsPropertiesValues() {
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QCOMPARE(discovery::propertyValue(text, key), value);
}

void TestDiscovery::readsHomeFromSetenvScripts_data() {
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("product");
    QTest::addColumn<QString>("home");
    QTest::newRow("bat set JIRA_HOME")
        << u"@echo off\r\nrem set JIRA_HOME=C:\\old\r\nset JIRA_HOME=C:\\Atlassian\\Application "
           "Data\\JIRA\r\nif not \"%JIRA_HOME%\" == \"\" set "
           "JIRA_HOME_MINUSD=-Djira.home=\"%JIRA_HOME%\"\r\n"_s
        << int(Product::Jira) << u"C:\\Atlassian\\Application Data\\JIRA"_s;
    QTest::newRow("bat quoted set CATALINA_OPTS")
        << u"set CATALINA_OPTS=-Xmx8g %CATALINA_OPTS%\nset \"CATALINA_OPTS=-Dconfluence.home="
           "\"D:\\Conf Home\" %CATALINA_OPTS%\"\n"_s
        << int(Product::Confluence) << u"D:\\Conf Home"_s;
    QTest::newRow("bat unquoted -D up to the next option")
        << u"set JVM_SUPPORT_RECOMMENDED_ARGS=-Dconfluence.home=C:\\Atlassian\\Application "
           "Data\\Confluence -Dx=1\n"_s
        << int(Product::Confluence) << u"C:\\Atlassian\\Application Data\\Confluence"_s;
    QTest::newRow("bat home from the environment is not the script's")
        << u"set JIRA_HOME_MINUSD=-Djira.home=\"%JIRA_HOME%\"\n"_s << int(Product::Jira)
        << QString();
    QTest::newRow("sh Jira default script sets nothing")
        << u"JIRA_HOME_MINUSD=\"\"\nif [ \"$JIRA_HOME\" != \"\" ]; then\n"
           "        JIRA_HOME_MINUSD=-Djira.home=$JIRA_HOME\nfi\n"_s
        << int(Product::Jira) << QString();
    QTest::newRow("sh export") << u"export JIRA_HOME=\"/srv/jira home\"\n"_s << int(Product::Jira)
                               << u"/srv/jira home"_s;
    QTest::newRow("sh -D in CATALINA_OPTS with a script variable")
        << u"BASE=/srv/conf\nCATALINA_OPTS=\"-Dconfluence.home=${BASE}/home ${CATALINA_OPTS}\"\n"_s
        << int(Product::Confluence) << u"/srv/conf/home"_s;
    QTest::newRow("the last assignment wins")
        << u"set JIRA_HOME=C:\\first\nset JIRA_HOME=C:\\second\n"_s << int(Product::Jira)
        << u"C:\\second"_s;
    QTest::newRow("other product ignored")
        << u"set JIRA_HOME=C:\\jira\n"_s << int(Product::Confluence) << QString();
}

void TestDiscovery::readsHomeFromSetenvScripts() {
    QFETCH(QString, script);
    QFETCH(int, product);
    QFETCH(QString, home);
    QCOMPARE(discovery::homeFromSetenv(script, Product(product)), home);
}

void TestDiscovery::mapsWindowsPathsThroughMounts() {
    discovery::DiscoveryOptions o;
    o.windowsMounts.insert(u"c:"_s, u"/mnt/winc"_s);
    o.windowsMounts.insert(u"\\\\fs01\\jira-shared"_s, u"/mnt/shared"_s);
    QCOMPARE(discovery::localPath(u"\"C:\\\\Atlassian\\\\Application Data\\\\JIRA\""_s, o),
             u"/mnt/winc/Atlassian/Application Data/JIRA"_s);
    QCOMPARE(discovery::localPath(u"C:/"_s, o), u"/mnt/winc"_s);
    QCOMPARE(discovery::localPath(u"//FS01/jira-shared/node1"_s, o), u"/mnt/shared/node1"_s);
    QCOMPARE(discovery::localPath(u"/var/atlassian/application-data/jira"_s, o),
             u"/var/atlassian/application-data/jira"_s);
#ifndef Q_OS_WIN
    // An unmapped drive cannot be resolved on Linux: no guess, no half path.
    QCOMPARE(discovery::localPath(u"D:\\Atlassian"_s, o), QString());
    QCOMPARE(discovery::localPath(u"\\\\fs02\\other"_s, o), QString());
#endif
    const QStringList installs = discovery::windowsDefaultInstallDirs(Product::Jira, u"C:"_s);
    QVERIFY(installs.contains(u"C:/Program Files/Atlassian/JIRA"_s));
    const QStringList homes = discovery::windowsDefaultHomeDirs(Product::Confluence, u"C:"_s);
    QVERIFY(homes.contains(u"C:/Atlassian/Application Data/Confluence"_s));
    QVERIFY(homes.contains(u"C:/Program Files/Atlassian/Application Data/Confluence"_s));
}

void TestDiscovery::detectsWindowsJira() {
    // Without the mapping nothing on "C:" is visible.
    discovery::DiscoveryOptions none = onlyDrive(QString());
    none.windowsMounts.clear();
    QVERIFY(discovery::detectInstallations(none).isEmpty());

    const auto found = discovery::detectInstallations(onlyDrive(m_jira.windowsDrive));
    QCOMPARE(found.size(), 1);
    const discovery::Installation& j = found.first();
    QCOMPARE(j.product, Product::Jira);
    QCOMPARE(j.productName, u"Jira Software"_s);
    QCOMPARE(j.version, u"9.12.2"_s);
    QCOMPARE(j.versionSource, u"atlassian-jira/WEB-INF/lib/jira-api-9.12.2.jar"_s);
    QCOMPARE(j.installDir, m_jira.installDir);
    QCOMPARE(j.homeDir, m_jira.homeDir);
    // The files name C:\ paths only, so these resolved through the mapping.
    QVERIFY(discovery::readSmallFile(m_jira.homeDir + u"/cluster.properties"_s)
                .contains(u"jira.shared.home = C:\\\\Atlassian\\\\Application Data"_s));
    QVERIFY(
        discovery::readSmallFile(m_jira.installDir +
                                 u"/atlassian-jira/WEB-INF/classes/jira-application.properties"_s)
            .contains(u"jira.home = C:/Atlassian/Application Data/JIRA"_s));
    QCOMPARE(j.sharedHomeDir, m_jira.sharedHomeDir);
    QVERIFY(j.dataCenter);
    QCOMPARE(j.nodeId, m_jira.nodeId);
    QCOMPARE(j.databaseType, u"postgres72"_s);
    QCOMPARE(j.pid, qint64(0));
}

void TestDiscovery::windowsJiraHomeFromEachSource() {
    // A hand-made C: with one Jira whose files disagree: the order decides.
    QTemporaryDir c;
    const QString install = c.filePath(u"Program Files/Atlassian/JIRA"_s);
    const QString pointer =
        install + u"/atlassian-jira/WEB-INF/classes/jira-application.properties"_s;
    const QString setenv = install + u"/bin/setenv.bat"_s;
    const QString varfile = install + u"/.install4j/response.varfile"_s;
    for (const QString& home : {u"A"_s, u"B"_s, u"C"_s}) {
        QVERIFY(writeFile(c.filePath(u"homes/"_s + home + u"/dbconfig.xml"_s),
                          "<database-type>mssql</database-type>"));
    }
    QVERIFY(writeFile(setenv, "@echo off\r\nset JIRA_HOME=C:\\homes\\A\r\n"));
    QVERIFY(writeFile(pointer, "jira.home = C:/homes/B\n"));
    QVERIFY(writeFile(varfile, "# install4j response file for JIRA Software 8.1.0\n"
                               "app.jiraHome=C\\:\\\\homes\\\\C\n"));
    const auto options = onlyDrive(c.path());
    const auto homeNow = [&] {
        auto inst = discovery::describeInstallation(u"C:\\Program Files\\Atlassian\\JIRA"_s,
                                                    QString(), options);
        return inst ? QDir(c.path()).relativeFilePath(inst->homeDir) : inst.error().toString();
    };
    QCOMPARE(homeNow(), u"homes/A"_s); // setenv.bat: JIRA_HOME becomes -Djira.home
    QVERIFY(QFile::remove(setenv));
    QCOMPARE(homeNow(), u"homes/B"_s); // jira-application.properties
    QVERIFY(QFile::remove(pointer));
    QCOMPARE(homeNow(), u"homes/C"_s); // the installer's answers
    auto inst = discovery::describeInstallation(install, QString(), options);
    QVERIFY(inst);
    QCOMPARE(inst->databaseType, u"mssql"_s);
    QCOMPARE(inst->version, u"8.1.0"_s);
    QCOMPARE(inst->versionSource, u".install4j/response.varfile"_s);
    // A pointer to a folder that does not exist is no home.
    QVERIFY(writeFile(varfile, "app.jiraHome=C\\:\\\\homes\\\\missing\n"));
    QCOMPARE(homeNow(), QString());
}

void TestDiscovery::detectsWindowsConfluence() {
    const auto found = discovery::detectInstallations(onlyDrive(m_confluence.windowsDrive));
    QCOMPARE(found.size(), 1);
    const discovery::Installation& c = found.first();
    QCOMPARE(c.product, Product::Confluence);
    QCOMPARE(c.version, u"8.5.4"_s);
    QCOMPARE(c.buildNumber, u"8804"_s);
    QCOMPARE(c.versionSource,
             u"confluence/META-INF/maven/com.atlassian.confluence/confluence-webapp/"
             "pom.properties"_s);
    QCOMPARE(c.installDir, m_confluence.installDir);
    QCOMPARE(c.homeDir, m_confluence.homeDir);
    QVERIFY(discovery::readSmallFile(m_confluence.homeDir + u"/confluence.cfg.xml"_s)
                .contains(u"<property name=\"confluence.cluster.home\">C:\\Atlassian\\"_s));
    QCOMPARE(c.sharedHomeDir, m_confluence.sharedHomeDir);
    QVERIFY(c.dataCenter);
    QCOMPARE(c.nodeId, m_confluence.nodeId);
    QCOMPARE(c.databaseType, u"postgresql"_s);

    // setenv.bat (set "CATALINA_OPTS=-Dconfluence.home=...") alone is enough, and so is
    // confluence-init.properties (confluence.home=C:\\...) alone.
    const QString install = m_confluence.installDir;
    const QString init = install + u"/confluence/WEB-INF/classes/confluence-init.properties"_s;
    const QString varfile = install + u"/.install4j/response.varfile"_s;
    QFile initFile(init), varFile(varfile);
    QVERIFY(initFile.rename(init + u".away"_s));
    QVERIFY(varFile.rename(varfile + u".away"_s));
    auto fromSetenv =
        discovery::describeInstallation(install, QString(), onlyDrive(m_confluence.windowsDrive));
    QVERIFY(QFile::rename(init + u".away"_s, init));
    QVERIFY(QFile::rename(varfile + u".away"_s, varfile));
    QVERIFY(fromSetenv);
    QCOMPARE(fromSetenv->homeDir, m_confluence.homeDir);
    const QString setenv = install + u"/bin/setenv.bat"_s;
    QVERIFY(QFile::rename(setenv, setenv + u".away"_s));
    auto fromInit =
        discovery::describeInstallation(install, QString(), onlyDrive(m_confluence.windowsDrive));
    QVERIFY(QFile::rename(setenv + u".away"_s, setenv));
    QVERIFY(fromInit);
    QCOMPARE(fromInit->homeDir, m_confluence.homeDir);
    QVERIFY(discovery::readSmallFile(init).contains(u"confluence.home=C:\\\\Atlassian"_s));
}

void TestDiscovery::collectsWindowsJira() {
    auto inst = discovery::describeInstallation(m_jira.installDir, QString(),
                                                onlyDrive(m_jira.windowsDrive));
    QVERIFY(inst);
    auto inv = collect::buildInventory(*inst, {}, nullptr);
    QVERIFY(inv);
    for (const char* p :
         {"tomcat-logs/jira-stdout.2026-11-18.log", "tomcat-logs/commons-daemon.2026-11-18.log",
          "tomcat-logs/catalina.2026-11-18.log", "tomcat-access-logs/access_log.2026-11-19",
          "application-config/setenv.bat", "application-config/jira-application.properties",
          "application-config/response.varfile", "application-config/dbconfig.xml",
          "application-config/cluster.properties", "application-logs/atlassian-jira.log",
          "application-logs/atlassian-jira.log.3",
          "application-logs/audit/20261118-00000.audit.log", "tomcat-config/server.xml"}) {
        QVERIFY2(collected(*inv, QLatin1StringView(p)), p);
    }
    // A Windows service writes no catalina.out; nothing collected is a product binary.
    QVERIFY(!collected(*inv, u"tomcat-logs/catalina.out"_s));
    const std::tuple<const char*, const char*, const char*> expectedLeftOut[] = {
        {"home", "data", "attachments"},
        {"home", "export", "backups"},
        {"home", "caches", "indexes"},
        {"home", "plugins", "plugin"},
        {"shared", "data", "shared home"},
        {"shared", "export", "shared home"},
        {"install", "bin/java_pid1234.hprof", "heap"}};
    for (const auto& [root, rel, why] : expectedLeftOut) {
        const auto* item = leftOut(*inv, QLatin1StringView(root), QLatin1StringView(rel));
        QVERIFY2(item && item->reason.contains(QLatin1StringView(why)), rel);
    }
    const QString root = m_jira.root;
    for (const auto& f : inv->files) {
        const QString rel = QDir(root).relativeFilePath(f.sourcePath);
        QVERIFY2(!m_jira.neverCollected.contains(rel), qPrintable(rel));
    }
}

void TestDiscovery::collectsWindowsConfluence() {
    auto inst = discovery::describeInstallation(m_confluence.installDir, QString(),
                                                onlyDrive(m_confluence.windowsDrive));
    QVERIFY(inst);
    auto inv = collect::buildInventory(*inst, {}, nullptr);
    QVERIFY(inv);
    for (const char* p :
         {"tomcat-logs/confluence-stdout.2026-11-18.log",
          "tomcat-logs/commons-daemon.2026-11-18.log", "application-config/setenv.bat",
          "application-config/confluence-init.properties", "application-config/confluence.cfg.xml",
          "application-config/shared/confluence.cfg.xml",
          "tomcat-access-logs/conf_access_log2026-11-18.log",
          "application-logs/atlassian-confluence.log",
          "application-logs/atlassian-confluence.log.2", "healthchecks/healthcheckResults.txt"}) {
        QVERIFY2(collected(*inv, QLatin1StringView(p)), p);
    }
    const auto* attachments = leftOut(*inv, u"home"_s, u"attachments"_s);
    QVERIFY(attachments && attachments->reason.contains(u"attachments"_s));
    const auto* webapp = leftOut(*inv, u"install"_s, u"confluence"_s);
    QVERIFY(webapp && webapp->reason.contains(u"web application"_s));
    const auto* sharedBackups = leftOut(*inv, u"shared"_s, u"backups"_s);
    QVERIFY(sharedBackups && sharedBackups->reason.contains(u"shared home"_s));
    for (const auto& f : inv->files) {
        const QString rel = QDir(m_confluence.root).relativeFilePath(f.sourcePath);
        QVERIFY2(!m_confluence.neverCollected.contains(rel), qPrintable(rel));
        QVERIFY2(!f.sourcePath.endsWith(u"pom.properties"_s), qPrintable(f.sourcePath));
        QVERIFY2(!f.sourcePath.endsWith(u"default.properties"_s), qPrintable(f.sourcePath));
    }
}

void TestDiscovery::confluenceVersionFromEachSource() {
    QTemporaryDir dir;
    const QString install = dir.filePath(u"install"_s);
    const QString webapp = install + u"/confluence/"_s;
    const QString home = dir.filePath(u"home"_s);
    QVERIFY(writeFile(webapp + u"WEB-INF/web.xml"_s, "<web-app/>"));
    QVERIFY(writeFile(home + u"/confluence.cfg.xml"_s,
                      "<confluence-configuration><buildNumber>8804</buildNumber>"
                      "</confluence-configuration>"));
    const auto version = [&] {
        auto inst = discovery::describeInstallation(install, home, {});
        return inst ? inst->version + u'|' + inst->buildNumber + u'|' + inst->versionSource
                    : inst.error().toString();
    };
    // Home only: the build number, no version.
    QCOMPARE(version(), u"|8804|confluence.cfg.xml"_s);
    // The installer's answers.
    QVERIFY(writeFile(install + u"/.install4j/response.varfile"_s,
                      "# install4j response file for Confluence 8.5.1\n"));
    QCOMPARE(version(), u"8.5.1|8804|.install4j/response.varfile"_s);
    // The jar's name (a look-alike jar is not it).
    QVERIFY(writeFile(webapp + u"WEB-INF/lib/confluence-rest-api-9.9.9.jar"_s, "PK"));
    QVERIFY(writeFile(webapp + u"WEB-INF/lib/confluence-8.5.3.jar"_s, "PK"));
    QCOMPARE(version(), u"8.5.3|8804|confluence/WEB-INF/lib/confluence-8.5.3.jar"_s);
    // default.properties: version and build number.
    const QString defaults = u"WEB-INF/classes/com/atlassian/confluence/default.properties"_s;
    QVERIFY(writeFile(webapp + defaults, "build.number=8804\nversion.number=8.5.4\n"));
    QCOMPARE(version(), u"8.5.4|8804|confluence/"_s + defaults);
    // pom.properties is the strongest for the version; the build number stays.
    const QString pom =
        u"META-INF/maven/com.atlassian.confluence/confluence-webapp/pom.properties"_s;
    QVERIFY(writeFile(webapp + pom, "groupId=com.atlassian.confluence\nversion=8.5.5\n"));
    QCOMPARE(version(), u"8.5.5|8804|confluence/"_s + pom);
    // A broken value falls through to the next source.
    QVERIFY(writeFile(webapp + pom, "version=${project.version}\n"));
    QCOMPARE(version(), u"8.5.4|8804|confluence/"_s + defaults);
}

void TestDiscovery::confluenceInstallVersionWinsOverHome() {
    // The home's build number is written when upgrade tasks finish (or the home was copied from
    // another server); the install dir's files are what runs: they win.
    discovery::VersionInfo webapp{QString(), u"8.5.4"_s, u"9012"_s, u"webapp"_s};
    discovery::VersionInfo installer{u"Confluence"_s, u"8.5.1"_s, QString(), u"varfile"_s};
    discovery::VersionInfo home{QString(), QString(), u"8804"_s, u"home"_s};
    const auto v = discovery::resolveVersion(webapp, installer, home);
    QCOMPARE(v.version, u"8.5.4"_s);
    QCOMPARE(v.buildNumber, u"9012"_s);
    QCOMPARE(v.productName, u"Confluence"_s); // the edition name only the installer knows
    QCOMPARE(v.source, u"webapp"_s);

    // The same through the files of a real layout.
    QTemporaryDir dir;
    const QString install = dir.filePath(u"install"_s);
    QVERIFY(writeFile(
        install + u"/confluence/WEB-INF/classes/com/atlassian/confluence/default.properties"_s,
        "build.number=9012\nversion.number=8.5.4\n"));
    QVERIFY(writeFile(dir.filePath(u"home/confluence.cfg.xml"_s),
                      "<confluence-configuration><buildNumber>8804</buildNumber>"
                      "<properties><property name=\"confluence.database.choice\">oracle"
                      "</property></properties></confluence-configuration>"));
    auto inst = discovery::describeInstallation(install, dir.filePath(u"home"_s), {});
    QVERIFY(inst);
    QCOMPARE(inst->buildNumber, u"9012"_s);
    QCOMPARE(inst->version, u"8.5.4"_s);
    QCOMPARE(inst->databaseType, u"oracle"_s); // the home still describes the rest
}

void TestDiscovery::runningAndStoppedFromAFakeProc() {
    // A Linux installation outside every default location: only its JVM's command line (a
    // fake /proc, no process) leads to it.
    QTemporaryDir dir;
    supportzip::fixtures::SampleOptions options;
    options.dataCenter = false;
    auto sample = supportzip::fixtures::generateInstallation(dir.filePath(u"srv"_s), options);
    QVERIFY(sample);
    const QString proc = dir.filePath(u"proc"_s);
    const auto process = [&](const QString& pid, const QList<QByteArray>& arguments) {
        QVERIFY(writeFile(proc + u'/' + pid + u"/cmdline"_s, arguments.join('\0') + '\0'));
    };
    process(u"4242"_s, {sample->installDir.toUtf8() + "/jre/bin/java", "-Xmx8g",
                        "-Djira.home=" + sample->homeDir.toUtf8(),
                        "-Dcatalina.home=" + sample->installDir.toUtf8(),
                        "org.apache.catalina.startup.Bootstrap", "start"});
    process(u"77"_s, {"/usr/bin/java", "-jar", "/opt/other/app.jar"});
    discovery::DiscoveryOptions o;
    o.linuxDefaults = false;
    o.environment = false;
    o.procRoot = proc;
    const auto running = discovery::detectInstallations(o);
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.first().pid, qint64(4242));
    QCOMPARE(running.first().installDir, sample->installDir);
    QCOMPARE(running.first().homeDir, sample->homeDir);
    QVERIFY(!running.first().dataCenter);

    // Stopped: the process is gone; given folders are still described, as not running.
    QVERIFY(QDir(proc + u"/4242"_s).removeRecursively());
    QVERIFY(discovery::detectInstallations(o).isEmpty());
    auto stopped = discovery::describeInstallation(sample->installDir, QString(), o);
    QVERIFY(stopped);
    QCOMPARE(stopped->pid, qint64(0));
    QCOMPARE(stopped->homeDir, sample->homeDir);
}

void TestDiscovery::detectsLinuxConfluence() {
    QTemporaryDir dir;
    supportzip::fixtures::SampleOptions options;
    options.product = u"confluence"_s;
    auto sample = supportzip::fixtures::generateInstallation(dir.filePath(u"linux"_s), options);
    QVERIFY(sample);
    // The install dir alone: the home from confluence-init.properties (setenv.sh names none).
    auto c = discovery::describeInstallation(sample->installDir, QString(), {});
    QVERIFY2(c, c ? "" : qPrintable(c.error().toString()));
    QCOMPARE(c->product, Product::Confluence);
    QCOMPARE(c->homeDir, sample->homeDir);
    QCOMPARE(c->sharedHomeDir, sample->sharedHomeDir);
    QCOMPARE(c->version, u"8.5.4"_s);
    QCOMPARE(c->buildNumber, u"8804"_s);
    QVERIFY(c->dataCenter);
    QCOMPARE(c->nodeId, sample->nodeId);
    QCOMPARE(c->databaseType, u"postgresql"_s);
    QCOMPARE(discovery::homeFromSetenv(
                 discovery::readSmallFile(sample->installDir + u"/bin/setenv.sh"_s),
                 Product::Confluence),
             QString());
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
