// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/productversion.h"

#include "discovery/configtext.h"

#include <QDir>
#include <QRegularExpression>

namespace supportzip::core::discovery {
namespace {

const QString kVersionPattern = QStringLiteral(R"(\d+(?:\.\d+)+)");

bool looksLikeVersion(const QString& v) {
    static const QRegularExpression re(QRegularExpression::anchoredPattern(kVersionPattern));
    return re.match(v).hasMatch();
}

// The version in the name of the one jar called <stem>-X.Y.Z.jar (not <stem>-rest-X.jar).
QString versionFromJarName(const QString& libDir, const QString& stem) {
    const QRegularExpression re(
        QRegularExpression::anchoredPattern(QRegularExpression::escape(stem) + u'-' + u'(' +
                                            kVersionPattern + QStringLiteral(")\\.jar")));
    const QStringList jars =
        QDir(libDir).entryList({stem + QStringLiteral("-*.jar")}, QDir::Files, QDir::Name);
    for (const QString& jar : jars) {
        if (const auto m = re.match(jar); m.hasMatch()) {
            return m.captured(1);
        }
    }
    return {};
}

QString firstNonEmpty(std::initializer_list<QString> values) {
    for (const QString& v : values) {
        if (!v.isEmpty()) {
            return v;
        }
    }
    return {};
}

} // namespace

VersionInfo installerVersion(const QString& installDir) {
    VersionInfo info;
    const QString text = readSmallFile(installDir + QStringLiteral("/.install4j/response.varfile"));
    static const QRegularExpression header(
        QStringLiteral(R"(^#\s*install4j response file for (.+?) (\d+(?:\.\d+)+)\s*$)"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    if (const auto m = header.match(text); m.hasMatch()) {
        info.productName = m.captured(1);
        info.version = m.captured(2);
        info.source = QStringLiteral(".install4j/response.varfile");
    }
    return info;
}

VersionInfo confluenceWebappVersion(const QString& installDir) {
    VersionInfo info;
    const QString webapp = installDir + QStringLiteral("/confluence/");
    const QString pom =
        QStringLiteral("META-INF/maven/com.atlassian.confluence/confluence-webapp/pom.properties");
    const QString defaults =
        QStringLiteral("WEB-INF/classes/com/atlassian/confluence/default.properties");
    const QString fromPom = propertyValue(readSmallFile(webapp + pom), QStringLiteral("version"));
    const QString defaultsText = readSmallFile(webapp + defaults);
    const QString fromDefaults = propertyValue(defaultsText, QStringLiteral("version.number"));
    const QString build = propertyValue(defaultsText, QStringLiteral("build.number"));
    const QString fromJar =
        versionFromJarName(webapp + QStringLiteral("WEB-INF/lib"), QStringLiteral("confluence"));
    if (looksLikeVersion(fromPom)) {
        info.version = fromPom;
        info.source = QStringLiteral("confluence/") + pom;
    } else if (looksLikeVersion(fromDefaults)) {
        info.version = fromDefaults;
        info.source = QStringLiteral("confluence/") + defaults;
    } else if (!fromJar.isEmpty()) {
        info.version = fromJar;
        info.source =
            QStringLiteral("confluence/WEB-INF/lib/confluence-") + fromJar + QStringLiteral(".jar");
    }
    static const QRegularExpression digits(QStringLiteral(R"(^\d+$)"));
    if (digits.match(build).hasMatch()) {
        info.buildNumber = build;
        if (info.source.isEmpty()) {
            info.source = QStringLiteral("confluence/") + defaults;
        }
    }
    return info;
}

VersionInfo jiraWebappVersion(const QString& installDir) {
    VersionInfo info;
    info.version = versionFromJarName(installDir + QStringLiteral("/atlassian-jira/WEB-INF/lib"),
                                      QStringLiteral("jira-api"));
    if (!info.version.isEmpty()) {
        info.source = QStringLiteral("atlassian-jira/WEB-INF/lib/jira-api-") + info.version +
                      QStringLiteral(".jar");
    }
    return info;
}

VersionInfo confluenceHomeVersion(const QString& homeDir) {
    VersionInfo info;
    const QString build = xmlElement(readSmallFile(homeDir + QStringLiteral("/confluence.cfg.xml")),
                                     QStringLiteral("buildNumber"));
    static const QRegularExpression digits(QStringLiteral(R"(^\d+$)"));
    if (digits.match(build).hasMatch()) {
        info.buildNumber = build;
        info.source = QStringLiteral("confluence.cfg.xml");
    }
    return info;
}

VersionInfo resolveVersion(const VersionInfo& webapp, const VersionInfo& installer,
                           const VersionInfo& home) {
    VersionInfo out;
    out.productName = installer.productName;
    out.version = firstNonEmpty({webapp.version, installer.version, home.version});
    out.buildNumber = firstNonEmpty({webapp.buildNumber, installer.buildNumber, home.buildNumber});
    if (!webapp.version.isEmpty() || !webapp.buildNumber.isEmpty()) {
        out.source = webapp.source;
    } else if (!installer.version.isEmpty()) {
        out.source = installer.source;
    } else {
        out.source = home.source;
    }
    return out;
}

} // namespace supportzip::core::discovery
