// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/discovery.h"

#include "discovery/configtext.h"
#include "discovery/processscan.h"
#include "discovery/productversion.h"
#include "discovery/setenvscript.h"
#include "discovery/windowspaths.h"
#include "logging/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <utility>

namespace supportzip::core::discovery {
namespace {

#ifdef Q_OS_WIN
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseInsensitive;
#else
constexpr Qt::CaseSensitivity kPathCase = Qt::CaseSensitive;
#endif

bool exists(const QString& dir, const char* relative) {
    return QFileInfo::exists(dir + u'/' + QLatin1StringView(relative));
}

Product productOfInstallDir(const QString& dir) {
    if (dir.isEmpty()) {
        return Product::Unknown;
    }
    if (exists(dir, "atlassian-jira") || exists(dir, "bin/start-jira.sh") ||
        exists(dir, "bin/start-jira.bat")) {
        return Product::Jira;
    }
    if (exists(dir, "confluence/WEB-INF") || exists(dir, "bin/start-confluence.sh") ||
        exists(dir, "bin/start-confluence.bat")) {
        return Product::Confluence;
    }
    return Product::Unknown;
}

Product productOfHomeDir(const QString& dir) {
    if (dir.isEmpty()) {
        return Product::Unknown;
    }
    if (exists(dir, "dbconfig.xml") || exists(dir, "log/atlassian-jira.log")) {
        return Product::Jira;
    }
    if (exists(dir, "confluence.cfg.xml")) {
        return Product::Confluence;
    }
    return Product::Unknown;
}

QString existingDir(const QString& configured, const DiscoveryOptions& options) {
    const QString local = localPath(configured, options);
    return !local.isEmpty() && QFileInfo(local).isDir() ? QFileInfo(local).absoluteFilePath()
                                                        : QString();
}

// In the order the product itself decides: the setenv script turns JIRA_HOME into
// -Djira.home (which beats the pointer file), then the pointer file, then the installer's
// answers (written once at install time).
QString homeFromInstallDir(const QString& installDir, Product product,
                           const DiscoveryOptions& options) {
    const bool jira = product == Product::Jira;
    QStringList candidates;
    for (const char* script : {"bin/setenv.sh", "bin/setenv.bat"}) {
        candidates << homeFromSetenv(readSmallFile(installDir + u'/' + QLatin1StringView(script)),
                                     product);
    }
    const QString pointer =
        jira ? QStringLiteral("/atlassian-jira/WEB-INF/classes/jira-application.properties")
             : QStringLiteral("/confluence/WEB-INF/classes/confluence-init.properties");
    candidates << propertyValue(readSmallFile(installDir + pointer),
                                jira ? QStringLiteral("jira.home")
                                     : QStringLiteral("confluence.home"));
    candidates << propertyValue(
        readSmallFile(installDir + QStringLiteral("/.install4j/response.varfile")),
        jira ? QStringLiteral("app.jiraHome") : QStringLiteral("app.confHome"));
    for (const QString& c : candidates) {
        if (const QString dir = existingDir(c, options); !dir.isEmpty()) {
            return dir;
        }
    }
    return {};
}

void readVersion(Installation& inst) {
    const bool jira = inst.product == Product::Jira;
    VersionInfo webapp, installer, home;
    if (!inst.installDir.isEmpty()) {
        webapp =
            jira ? jiraWebappVersion(inst.installDir) : confluenceWebappVersion(inst.installDir);
        installer = installerVersion(inst.installDir);
    }
    if (!jira && !inst.homeDir.isEmpty()) {
        home = confluenceHomeVersion(inst.homeDir);
    }
    if (!webapp.buildNumber.isEmpty() && !home.buildNumber.isEmpty() &&
        webapp.buildNumber != home.buildNumber) {
        logging::logger("supportzip.core.discovery")
            ->warn("build number {} in the install dir, {} in the home: using the install dir's "
                   "(an unfinished upgrade or a copied home)",
                   webapp.buildNumber.toStdString(), home.buildNumber.toStdString());
    }
    // The installer's own product name is the edition ("Jira Service Management").
    const VersionInfo v = resolveVersion(webapp, installer, home);
    inst.productName = v.productName;
    inst.version = v.version;
    inst.buildNumber = v.buildNumber;
    inst.versionSource = v.source;
}

void readJiraHome(Installation& inst, const DiscoveryOptions& options) {
    const QString db = readSmallFile(inst.homeDir + QStringLiteral("/dbconfig.xml"));
    inst.databaseType = xmlElement(db, QStringLiteral("database-type"));
    const QString cluster = readSmallFile(inst.homeDir + QStringLiteral("/cluster.properties"));
    inst.nodeId = propertyValue(cluster, QStringLiteral("jira.node.id"));
    const QString shared = propertyValue(cluster, QStringLiteral("jira.shared.home"));
    inst.sharedHomeDir = localPath(shared, options);
    inst.dataCenter = !inst.nodeId.isEmpty();
}

void readConfluenceHome(Installation& inst, const DiscoveryOptions& options) {
    const QString cfg = readSmallFile(inst.homeDir + QStringLiteral("/confluence.cfg.xml"));
    inst.databaseType = xmlProperty(cfg, QStringLiteral("confluence.database.choice"));
    if (inst.databaseType.isEmpty()) {
        inst.databaseType = xmlProperty(cfg, QStringLiteral("hibernate.dialect")).section(u'.', -1);
    }
    inst.dataCenter =
        xmlProperty(cfg, QStringLiteral("confluence.cluster")) == QStringLiteral("true");
    inst.nodeId = xmlProperty(cfg, QStringLiteral("confluence.cluster.node.name"));
    QString shared = xmlProperty(cfg, QStringLiteral("confluence.cluster.home"));
    if (shared.isEmpty()) {
        shared = xmlProperty(cfg, QStringLiteral("shared-home"));
    }
    inst.sharedHomeDir = localPath(shared, options);
}

QString canonical(const QString& path) {
    return path.isEmpty() ? QString() : QFileInfo(path).canonicalFilePath();
}

bool samePath(const QString& a, const QString& b) {
    const QString ca = canonical(a);
    return !ca.isEmpty() && ca.compare(canonical(b), kPathCase) == 0;
}

QStringList productFolderNames(Product product) {
    return product == Product::Jira ? QStringList{QStringLiteral("JIRA"), QStringLiteral("Jira")}
                                    : QStringList{QStringLiteral("Confluence")};
}

// Drives whose default locations are searched: every mapped one, and C: and D: on Windows.
QStringList searchedDrives(const DiscoveryOptions& options) {
    QStringList drives;
    for (auto it = options.windowsMounts.cbegin(); it != options.windowsMounts.cend(); ++it) {
        const QString prefix = windowsPathPrefix(normalizeWindowsPath(it.key() + u'/'));
        if (prefix.size() == 2) {
            drives << prefix;
        }
    }
#ifdef Q_OS_WIN
    drives << QStringLiteral("C:") << QStringLiteral("D:");
#endif
    drives.removeDuplicates();
    drives.sort();
    return drives;
}

struct Candidate {
    Product product = Product::Unknown; // Unknown: from the environment or a running JVM
    QString install;
    QString home;
    // For a default install dir whose own files name no existing home: the default homes.
    QStringList fallbackHomes;
};

} // namespace

QString localPath(const QString& configured, const DiscoveryOptions& options) {
    const QString value = unquote(configured);
    if (!isWindowsAbsolutePath(value)) {
        return value;
    }
    const QString path = normalizeWindowsPath(value);
    const QString prefix = windowsPathPrefix(path);
    for (auto it = options.windowsMounts.cbegin(); it != options.windowsMounts.cend(); ++it) {
        const QString mount = windowsPathPrefix(normalizeWindowsPath(it.key() + u'/'));
        if (!mount.isEmpty() && mount.compare(prefix, Qt::CaseInsensitive) == 0) {
            return QDir::cleanPath(it.value() + path.mid(prefix.size()));
        }
    }
#ifdef Q_OS_WIN
    return path;
#else
    return {};
#endif
}

QStringList windowsDefaultInstallDirs(Product product, const QString& drive) {
    QStringList dirs;
    for (const QString& name : productFolderNames(product)) {
        dirs << drive + QStringLiteral("/Program Files/Atlassian/") + name
             << drive + QStringLiteral("/Program Files (x86)/Atlassian/") + name
             << drive + QStringLiteral("/Atlassian/") + name;
    }
    return dirs;
}

QStringList windowsDefaultHomeDirs(Product product, const QString& drive) {
    QStringList dirs;
    for (const QString& name : productFolderNames(product)) {
        dirs << drive + QStringLiteral("/Program Files/Atlassian/Application Data/") + name
             << drive + QStringLiteral("/Atlassian/Application Data/") + name;
    }
    return dirs;
}

QString productId(Product product) {
    switch (product) {
    case Product::Jira:
        return QStringLiteral("jira");
    case Product::Confluence:
        return QStringLiteral("confluence");
    case Product::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Product productFromId(const QString& id) {
    if (id == QStringLiteral("jira")) {
        return Product::Jira;
    }
    if (id == QStringLiteral("confluence")) {
        return Product::Confluence;
    }
    return Product::Unknown;
}

Expected<Installation> describeInstallation(const QString& installDir, const QString& homeDir,
                                            const DiscoveryOptions& options) {
    Installation inst;
    const QString install = localPath(installDir, options);
    const QString home = localPath(homeDir, options);
    const std::pair<QString, QString> givenAndLocal[] = {{installDir, install}, {homeDir, home}};
    for (const auto& [given, local] : givenAndLocal) {
        if (!given.isEmpty() && (local.isEmpty() || !QFileInfo(local).isDir())) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the folder does not exist or is not a folder"), given);
        }
    }
    inst.installDir = install.isEmpty() ? QString() : QFileInfo(install).absoluteFilePath();
    inst.homeDir = home.isEmpty() ? QString() : QFileInfo(home).absoluteFilePath();
    inst.product = productOfInstallDir(inst.installDir);
    if (inst.product == Product::Unknown) {
        inst.product = productOfHomeDir(inst.homeDir);
    }
    if (inst.product == Product::Unknown) {
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("no Jira or Confluence installation found: looked for "
                           "atlassian-jira/ or confluence/WEB-INF in the install dir and "
                           "dbconfig.xml or confluence.cfg.xml in the home dir; pass "
                           "--install and --home"),
            inst.installDir.isEmpty() ? inst.homeDir : inst.installDir);
    }
    if (inst.homeDir.isEmpty() && !inst.installDir.isEmpty()) {
        inst.homeDir = homeFromInstallDir(inst.installDir, inst.product, options);
    }
    if (!inst.homeDir.isEmpty()) {
        inst.product == Product::Jira ? readJiraHome(inst, options)
                                      : readConfluenceHome(inst, options);
    }
    readVersion(inst);
    if (inst.productName.isEmpty()) {
        inst.productName =
            inst.product == Product::Jira ? QStringLiteral("Jira") : QStringLiteral("Confluence");
    }
    if (!options.procRoot.isEmpty()) {
        for (const RunningInstance& r : runningInstances(options.procRoot)) {
            if (!inst.homeDir.isEmpty() && samePath(localPath(r.homeDir, options), inst.homeDir)) {
                inst.pid = r.pid;
            }
        }
    }
    logging::logger("supportzip.core.discovery")
        ->info("found {} {} (data center: {})", productId(inst.product).toStdString(),
               inst.version.toStdString(), inst.dataCenter);
    return inst;
}

QList<Installation> detectInstallations(const DiscoveryOptions& options) {
    QList<Candidate> candidates;
    // Running JVMs first: their command line names the real folders, wherever they are.
    if (!options.procRoot.isEmpty()) {
        for (const RunningInstance& r : runningInstances(options.procRoot)) {
            candidates.append({Product::Unknown, r.installDir, r.homeDir, {}});
        }
    }
    if (options.environment) {
        for (const char* env : {"JIRA_HOME", "CONFLUENCE_HOME"}) {
            if (const QString v = qEnvironmentVariable(env); !v.isEmpty()) {
                candidates.append({Product::Unknown, QString(), v, {}});
            }
        }
    }
    for (const Product product : {Product::Jira, Product::Confluence}) {
        QStringList installs, homes;
        if (options.linuxDefaults) {
            installs << QStringLiteral("/opt/atlassian/") + productId(product);
            homes << QStringLiteral("/var/atlassian/application-data/") + productId(product);
        }
        for (const QString& drive : searchedDrives(options)) {
            installs << windowsDefaultInstallDirs(product, drive);
            homes << windowsDefaultHomeDirs(product, drive);
        }
        for (const QString& i : installs) {
            candidates.append({product, i, QString(), homes});
        }
        for (const QString& h : homes) {
            candidates.append({product, QString(), h, {}});
        }
    }
    QList<Installation> found;
    QSet<QString> seen; // canonical install and home folders already described
    const auto alreadySeen = [&seen](const QString& path) {
        const QString c = canonical(path);
        return !c.isEmpty() && seen.contains(kPathCase == Qt::CaseInsensitive ? c.toLower() : c);
    };
    const auto remember = [&seen](const QString& path) {
        if (const QString c = canonical(path); !c.isEmpty()) {
            seen.insert(kPathCase == Qt::CaseInsensitive ? c.toLower() : c);
        }
    };
    for (const Candidate& c : candidates) {
        const QString i = existingDir(c.install, options);
        const QString h = existingDir(c.home, options);
        if ((i.isEmpty() && h.isEmpty()) || alreadySeen(i) || alreadySeen(h)) {
            continue;
        }
        auto inst = describeInstallation(i, h, options);
        for (const QString& fallback : c.fallbackHomes) {
            const QString home = existingDir(fallback, options);
            if (!inst || !inst->homeDir.isEmpty() || home.isEmpty() || alreadySeen(home) ||
                productOfHomeDir(home) != c.product) {
                continue;
            }
            inst = describeInstallation(i, home, options);
        }
        if (!inst || (c.product != Product::Unknown && inst->product != c.product) ||
            alreadySeen(inst->homeDir)) {
            continue;
        }
        remember(inst->installDir);
        remember(inst->homeDir);
        found.append(*inst);
    }
    return found;
}

} // namespace supportzip::core::discovery
