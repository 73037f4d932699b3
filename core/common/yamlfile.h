// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the admin's YAML files (rules, profiles) into Qt's JSON types, so one code path
// interprets YAML and JSON alike (JSON is YAML too). yaml-cpp does the parsing: YAML's block
// and flow styles, quoting, anchors and comments are more than we should write by hand.
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QString>

namespace supportzip::core {

// The top level must be a mapping. Scalars stay strings (true, 7, 2026-11-01 included): each
// reader decides what a value means. Errors: NotFound, MalformedInput with line and column.
Expected<QJsonObject> readYamlObject(const QString& path);
// The same from text (tests, and files read already); `origin` names it in errors.
Expected<QJsonObject> parseYamlObject(const QByteArray& text, const QString& origin);

} // namespace supportzip::core
