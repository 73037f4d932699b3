// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/yamlfile.h"

#include <QFile>
#include <QJsonArray>

#include <yaml-cpp/yaml.h>

namespace supportzip::core {
namespace {

QJsonValue toJson(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node) {
            array.append(toJson(item));
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& entry : node) {
            object.insert(QString::fromStdString(entry.first.as<std::string>()),
                          toJson(entry.second));
        }
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

Expected<QJsonObject> parseYamlObject(const QByteArray& text, const QString& origin) {
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (!root.IsMap()) {
            return makeError(ErrorCode::MalformedInput,
                             QStringLiteral("the file must hold a mapping (key: value lines) at "
                                            "its top level"),
                             origin);
        }
        return toJson(root).toObject();
    } catch (const YAML::Exception& e) {
        // yaml-cpp reports 0-based positions; editors count from 1.
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("not valid YAML at line %1, column %2: %3")
                             .arg(e.mark.line + 1)
                             .arg(e.mark.column + 1)
                             .arg(QString::fromStdString(e.msg)),
                         origin);
    }
}

Expected<QJsonObject> readYamlObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot open: %1").arg(file.errorString()), path);
    }
    return parseYamlObject(file.readAll(), path);
}

} // namespace supportzip::core
