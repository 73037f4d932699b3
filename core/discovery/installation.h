// SPDX-License-Identifier: GPL-3.0-or-later
// What discovery knows about one Jira or Confluence installation. Paths are the admin's own and
// stay local; anything that goes into a bundle (node id) is pseudonymized by the pipeline.
#pragma once

#include <QString>

namespace supportzip::core::discovery {

enum class Product { Unknown, Jira, Confluence };

QString productId(Product product); // "jira", "confluence", "unknown"
Product productFromId(const QString& id);

struct Installation {
    Product product = Product::Unknown;
    QString productName;   // as the installer names it: "Jira Software", "Confluence"
    QString version;       // "9.12.2", or empty when unknown
    QString buildNumber;   // Confluence build number when known
    QString versionSource; // the file the version was read from, e.g. ".install4j/response.varfile"
    QString installDir;
    QString homeDir;
    QString sharedHomeDir;
    QString nodeId; // Data Center node id (customer data: never bundled as is)
    bool dataCenter = false;
    qint64 pid = 0;       // of the running JVM, 0 when not running (or not visible to this user)
    QString databaseType; // from dbconfig.xml / confluence.cfg.xml, never the credentials
};

} // namespace supportzip::core::discovery
