// SPDX-License-Identifier: GPL-3.0-or-later
// Windows path syntax as Jira and Confluence configuration files spell it, handled as text so
// it works (and is tested) on Linux too: drive letters, backslashes doubled or not, quotes,
// UNC shares and %VAR% references.
#pragma once

#include <QHash>
#include <QString>

namespace supportzip::core::discovery {

// "C:\x", "c:/x", "C:\\x" (escaped), "\\server\share\x", "//server/share/x".
bool isWindowsAbsolutePath(const QString& path);

// Removes one pair of surrounding double or single quotes and surrounding blanks.
QString unquote(const QString& value);

// The path with forward slashes, the drive letter in upper case, repeated separators folded
// (doubled backslashes from properties files included) and no trailing separator:
// "c:\\Atlassian\\Application Data\\JIRA\\" -> "C:/Atlassian/Application Data/JIRA",
// "\\\\fs01\\jira-shared" -> "//fs01/jira-shared". Anything else comes back unquoted only.
QString normalizeWindowsPath(const QString& path);

// "C:" for a drive path, "//server/share" for a UNC path (both normalized), empty otherwise.
QString windowsPathPrefix(const QString& normalizedPath);

// Replaces %NAME% with vars' value (names compared case-insensitively, as cmd.exe does).
// Unknown references stay as they are, so a caller can tell the value was not resolved.
QString expandWindowsVariables(const QString& text, const QHash<QString, QString>& vars);

} // namespace supportzip::core::discovery
