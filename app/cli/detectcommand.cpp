// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundleoptions.h"
#include "commands.h"

#include "discovery/discovery.h"
#include "exitcode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {

QString DetectCommand::name() const {
    return QStringLiteral("detect");
}
QString DetectCommand::description() const {
    return QStringLiteral("Find Jira and Confluence installations on this machine.");
}

void DetectCommand::addOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    parser.addOption({QStringLiteral("install"),
                      QStringLiteral("Describe the installation in DIR."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("home"), QStringLiteral("Describe the home folder DIR."),
                      QStringLiteral("DIR")});
    addWindowsPathOption(parser);
}

int DetectCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    using namespace core::discovery;
    QList<Installation> found;
    const QString install = parser.value(QStringLiteral("install"));
    const QString home = parser.value(QStringLiteral("home"));
    DiscoveryOptions options;
    if (const int rc = fillWindowsPaths(ctx, parser, options); rc >= 0) {
        return rc;
    }
    if (!install.isEmpty() || !home.isEmpty()) {
        auto one = describeInstallation(install, home, options);
        if (!one) {
            ctx.err << "supportzip detect: " << one.error().toString() << "\n";
            return ExitCode::NothingFound;
        }
        found.append(*one);
    } else {
        found = detectInstallations(options);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Installation& i : found) {
            list.append(QJsonObject{{QStringLiteral("product"), productId(i.product)},
                                    {QStringLiteral("productName"), i.productName},
                                    {QStringLiteral("version"), i.version},
                                    {QStringLiteral("buildNumber"), i.buildNumber},
                                    {QStringLiteral("versionSource"), i.versionSource},
                                    {QStringLiteral("installDir"), i.installDir},
                                    {QStringLiteral("homeDir"), i.homeDir},
                                    {QStringLiteral("sharedHomeDir"), i.sharedHomeDir},
                                    {QStringLiteral("dataCenter"), i.dataCenter},
                                    {QStringLiteral("nodeId"), i.nodeId},
                                    {QStringLiteral("databaseType"), i.databaseType},
                                    {QStringLiteral("running"), i.pid > 0},
                                    {QStringLiteral("pid"), i.pid}});
        }
        ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    } else {
        for (const Installation& i : found) {
            ctx.out << i.productName << " "
                    << (i.version.isEmpty() ? QStringLiteral("(version unknown)") : i.version)
                    << (i.dataCenter ? QStringLiteral(" Data Center node ") + i.nodeId : QString())
                    << "\n"
                    << "  install: " << i.installDir << "\n  home:    " << i.homeDir << "\n";
        }
    }
    if (found.isEmpty()) {
        ctx.err
            << "supportzip detect: no Jira or Confluence installation found (looked at JIRA_HOME, "
               "CONFLUENCE_HOME, running JVMs, /opt/atlassian, /var/atlassian/application-data "
               "and C:\\Program Files\\Atlassian, C:\\Atlassian\\Application Data on mapped "
               "Windows drives); pass --install and --home\n";
        return ExitCode::NothingFound;
    }
    return ExitCode::Success;
}

} // namespace supportzip::cli
