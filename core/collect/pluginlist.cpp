// SPDX-License-Identifier: GPL-3.0-or-later
#include "collect/pluginlist.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <zip.h>

#include <memory>

namespace supportzip::core::collect {
namespace {

constexpr zip_uint64_t kMaxDescriptorBytes = 4 << 20;

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// atlassian-plugin.xml: <atlassian-plugin key=".." name=".."><plugin-info><version>..</version>
// <vendor name=".."/></plugin-info>...
void parseDescriptor(const QByteArray& xml, PluginInfo& info) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement()) {
            continue;
        }
        if (reader.name() == QStringLiteral("atlassian-plugin")) {
            info.key = reader.attributes().value(QStringLiteral("key")).toString();
            info.name = reader.attributes().value(QStringLiteral("name")).toString();
        } else if (reader.name() == QStringLiteral("version") && info.version.isEmpty()) {
            info.version = reader.readElementText().trimmed();
        } else if (reader.name() == QStringLiteral("vendor")) {
            info.vendor = reader.attributes().value(QStringLiteral("name")).toString();
        }
    }
    if (reader.hasError() && info.key.isEmpty()) {
        info.problem = QStringLiteral("atlassian-plugin.xml is not well-formed XML");
    }
}

} // namespace

PluginInfo readPluginJar(const QString& jarPath) {
    PluginInfo info;
    info.file = QFileInfo(jarPath).fileName();
    int err = 0;
    std::unique_ptr<zip_t, ZipDiscard> jar(
        zip_open(QFile::encodeName(jarPath).constData(), ZIP_RDONLY, &err));
    if (!jar) {
        info.problem = QStringLiteral("not a readable jar");
        return info;
    }
    zip_stat_t st;
    if (zip_stat(jar.get(), "atlassian-plugin.xml", 0, &st) != 0) {
        info.problem = QStringLiteral("no atlassian-plugin.xml (not an Atlassian app)");
        return info;
    }
    if (st.size > kMaxDescriptorBytes) {
        info.problem = QStringLiteral("atlassian-plugin.xml is implausibly large");
        return info;
    }
    zip_file_t* f = zip_fopen(jar.get(), "atlassian-plugin.xml", 0);
    if (f == nullptr) {
        info.problem = QStringLiteral("atlassian-plugin.xml cannot be read");
        return info;
    }
    QByteArray xml(static_cast<qsizetype>(st.size), Qt::Uninitialized);
    const zip_int64_t n = zip_fread(f, xml.data(), st.size);
    zip_fclose(f);
    if (n != static_cast<zip_int64_t>(st.size)) {
        info.problem = QStringLiteral("atlassian-plugin.xml is damaged");
        return info;
    }
    parseDescriptor(xml, info);
    return info;
}

QList<PluginInfo> installedPlugins(const discovery::Installation& installation) {
    QList<PluginInfo> plugins;
    for (const QString& root : {installation.homeDir, installation.sharedHomeDir}) {
        if (root.isEmpty()) {
            continue;
        }
        const QDir dir(root + QStringLiteral("/plugins/installed-plugins"));
        for (const QFileInfo& jar : dir.entryInfoList(
                 {QStringLiteral("*.jar"), QStringLiteral("*.obr")}, QDir::Files, QDir::Name)) {
            plugins.append(readPluginJar(jar.absoluteFilePath()));
        }
    }
    return plugins;
}

QString pluginListText(const QList<PluginInfo>& plugins) {
    QString text = QStringLiteral(
        "# User-installed apps, read from installed-plugins/*.jar (enabled state is kept in the "
        "database and not known here)\n# key\tname\tversion\tvendor\tjar\n");
    for (const PluginInfo& p : plugins) {
        text += p.problem.isEmpty()
                    ? QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                          .arg(p.key, p.name, p.version, p.vendor, p.file)
                    : QStringLiteral("?\t?\t?\t?\t%1 (%2)\n").arg(p.file, p.problem);
    }
    return text;
}

} // namespace supportzip::core::collect
