// SPDX-License-Identifier: GPL-3.0-or-later
// Reading single values out of the small configuration files discovery looks at (Java
// properties, Atlassian XML), without a full parser: the files are the product's, not ours.
#pragma once

#include <QString>

namespace supportzip::core::discovery {

// The file's text, or empty when it is missing, unreadable or larger than a configuration file
// can be (so a hostile or misplaced file is never read whole).
QString readSmallFile(const QString& path);

// Undoes Java properties escapes: "\\" -> "\", "\:" -> ":", "\=" -> "=", "\ " -> " ", "\t".
// install4j writes "C\:\\Program Files\\..." and Jira wants "C:\\Atlassian\\...".
QString unescapePropertyValue(const QString& raw);

// The first "key = value" / "key: value" / "key value" of a properties text, unescaped, with
// blanks around it removed; empty when absent or commented out.
QString propertyValue(const QString& text, const QString& key);

// <name>value</name> and <property name="name">value</property> (first match, trimmed).
QString xmlElement(const QString& text, const QString& name);
QString xmlProperty(const QString& text, const QString& name);

} // namespace supportzip::core::discovery
