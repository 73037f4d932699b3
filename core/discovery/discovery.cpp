// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/discovery.h"

#include "discovery/processscan.h"
#include "logging/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace supportzip::core::discovery {
namespace {

constexpr qint64 kMaxConfigBytes = 4 * 1024 * 1024;

QString readSmallFile(const QString& path) {
    QFile f(path);
    if (f.size() > kMaxConfigBytes || !f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

// "key = value" from a Java properties text (first match), with escaped backslashes undone.
QString propertyValue(const QString& text, const QString& key) {
    const QRegularExpression re(
        QStringLiteral("^\\s*%1\\s*[=:]\\s*(.+?)\\s*$").arg(QRegularExpression::escape(key)),
        QRegularExpression::MultilineOption);
    const auto m = re.match(text);
    return m.hasMatch()
               ? QString(m.captured(1)).replace(QStringLiteral("\\\\"), QStringLiteral("\\"))
               : QString();
}

QString xmlElement(const QString& text, const QString& name) {
    const QRegularExpression re(QStringLiteral("<%1>\\s*([^<]*?)\\s*</%1>").arg(name));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString xmlProperty(const QString& text, const QString& name) {
    const QRegularExpression re(QStringLiteral("<property name=\"%1\">\\s*([^<]*?)\\s*</property>")
                                    .arg(QRegularExpression::escape(name)));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

Product productOfInstallDir(const QString& dir) {
    if (dir.isEmpty()) {
        return Product::Unknown;
    }
    if (QFileInfo::exists(dir + QStringLiteral("/atlassian-jira")) ||
        QFileInfo::exists(dir + QStringLiteral("/bin/start-jira.sh"))) {
        return Product::Jira;
    }
    if (QFileInfo::exists(dir + QStringLiteral("/confluence/WEB-INF")) ||
        QFileInfo::exists(dir + QStringLiteral("/bin/start-confluence.sh"))) {
        return Product::Confluence;
    }
    return Product::Unknown;
}

Product productOfHomeDir(const QString& dir) {
    if (dir.isEmpty()) {
        return Product::Unknown;
    }
    if (QFileInfo::exists(dir + QStringLiteral("/dbconfig.xml")) ||
        QFileInfo::exists(dir + QStringLiteral("/log/atlassian-jira.log"))) {
        return Product::Jira;
    }
    if (QFileInfo::exists(dir + QStringLiteral("/confluence.cfg.xml"))) {
        return Product::Confluence;
    }
    return Product::Unknown;
}

QString homeFromInstallDir(const QString& installDir, Product product) {
    const QString pointer =
        product == Product::Jira
            ? installDir +
                  QStringLiteral("/atlassian-jira/WEB-INF/classes/jira-application.properties")
            : installDir + QStringLiteral("/confluence/WEB-INF/classes/confluence-init.properties");
    const QString key =
        product == Product::Jira ? QStringLiteral("jira.home") : QStringLiteral("confluence.home");
    QString home = propertyValue(readSmallFile(pointer), key);
    if (home.isEmpty()) {
        const QString varfile =
            readSmallFile(installDir + QStringLiteral("/.install4j/response.varfile"));
        home = propertyValue(varfile, product == Product::Jira ? QStringLiteral("app.jiraHome")
                                                               : QStringLiteral("app.confHome"));
    }
    return home;
}

// "# install4j response file for Jira Software 9.12.2"
void readInstallerAnswers(Installation& inst) {
    const QString text =
        readSmallFile(inst.installDir + QStringLiteral("/.install4j/response.varfile"));
    static const QRegularExpression header(
        QStringLiteral("^#\\s*install4j response file for (.+?) (\\d+(?:\\.\\d+)+)\\s*$"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const auto m = header.match(text);
    if (m.hasMatch()) {
        inst.productName = m.captured(1);
        inst.version = m.captured(2);
    }
}

void readJiraHome(Installation& inst) {
    const QString db = readSmallFile(inst.homeDir + QStringLiteral("/dbconfig.xml"));
    inst.databaseType = xmlElement(db, QStringLiteral("database-type"));
    const QString cluster = readSmallFile(inst.homeDir + QStringLiteral("/cluster.properties"));
    inst.nodeId = propertyValue(cluster, QStringLiteral("jira.node.id"));
    inst.sharedHomeDir = propertyValue(cluster, QStringLiteral("jira.shared.home"));
    inst.dataCenter = !inst.nodeId.isEmpty();
}

void readConfluenceHome(Installation& inst) {
    const QString cfg = readSmallFile(inst.homeDir + QStringLiteral("/confluence.cfg.xml"));
    inst.buildNumber = xmlElement(cfg, QStringLiteral("buildNumber"));
    inst.databaseType = xmlProperty(cfg, QStringLiteral("confluence.database.choice"));
    if (inst.databaseType.isEmpty()) {
        inst.databaseType = xmlProperty(cfg, QStringLiteral("hibernate.dialect")).section(u'.', -1);
    }
    inst.dataCenter =
        xmlProperty(cfg, QStringLiteral("confluence.cluster")) == QStringLiteral("true");
    inst.nodeId = xmlProperty(cfg, QStringLiteral("confluence.cluster.node.name"));
    inst.sharedHomeDir = xmlProperty(cfg, QStringLiteral("confluence.cluster.home"));
    if (inst.sharedHomeDir.isEmpty()) {
        inst.sharedHomeDir = xmlProperty(cfg, QStringLiteral("shared-home"));
    }
}

} // namespace

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

Expected<Installation> describeInstallation(const QString& installDir, const QString& homeDir) {
    Installation inst;
    inst.installDir = installDir.isEmpty() ? QString() : QFileInfo(installDir).absoluteFilePath();
    inst.homeDir = homeDir.isEmpty() ? QString() : QFileInfo(homeDir).absoluteFilePath();
    for (const QString& dir : {inst.installDir, inst.homeDir}) {
        if (!dir.isEmpty() && !QFileInfo(dir).isDir()) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the folder does not exist or is not a folder"), dir);
        }
    }
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
        const QString home = homeFromInstallDir(inst.installDir, inst.product);
        if (!home.isEmpty() && QFileInfo(home).isDir()) {
            inst.homeDir = QFileInfo(home).absoluteFilePath();
        }
    }
    if (!inst.installDir.isEmpty()) {
        readInstallerAnswers(inst);
    }
    if (inst.productName.isEmpty()) {
        inst.productName =
            inst.product == Product::Jira ? QStringLiteral("Jira") : QStringLiteral("Confluence");
    }
    if (!inst.homeDir.isEmpty()) {
        inst.product == Product::Jira ? readJiraHome(inst) : readConfluenceHome(inst);
    }
    for (const RunningInstance& r : runningInstances()) {
        if (!inst.homeDir.isEmpty() && QFileInfo(r.homeDir).canonicalFilePath() ==
                                           QFileInfo(inst.homeDir).canonicalFilePath()) {
            inst.pid = r.pid;
        }
    }
    logging::logger("supportzip.core.discovery")
        ->info("found {} {} (data center: {})", productId(inst.product).toStdString(),
               inst.version.toStdString(), inst.dataCenter);
    return inst;
}

QList<Installation> detectInstallations() {
    QStringList homes;
    for (const char* env : {"JIRA_HOME", "CONFLUENCE_HOME"}) {
        const QString v = qEnvironmentVariable(env);
        if (!v.isEmpty()) {
            homes << v;
        }
    }
    QList<QPair<QString, QString>> candidates;
    for (const QString& product : {QStringLiteral("jira"), QStringLiteral("confluence")}) {
        candidates.append({QStringLiteral("/opt/atlassian/") + product,
                           QStringLiteral("/var/atlassian/application-data/") + product});
    }
    for (const QString& h : homes) {
        candidates.append({QString(), h});
    }
    // Running JVMs first: their command line names the real folders, wherever they are.
    const QList<RunningInstance> running = runningInstances();
    for (const RunningInstance& r : running) {
        candidates.prepend({r.installDir, r.homeDir});
    }
    QList<Installation> found;
    QStringList seenHomes;
    for (const auto& [install, home] : candidates) {
        const QString i = QFileInfo(install).isDir() ? install : QString();
        const QString h = QFileInfo(home).isDir() ? home : QString();
        if (i.isEmpty() && h.isEmpty()) {
            continue;
        }
        auto inst = describeInstallation(i, h);
        if (!inst || seenHomes.contains(inst->homeDir)) {
            continue;
        }
        seenHomes << inst->homeDir;
        for (const RunningInstance& r : running) {
            if (QFileInfo(r.homeDir).canonicalFilePath() ==
                QFileInfo(inst->homeDir).canonicalFilePath()) {
                inst->pid = r.pid;
            }
        }
        found.append(*inst);
    }
    return found;
}

} // namespace supportzip::core::discovery
