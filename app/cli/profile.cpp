// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "common/yamlfile.h"

#include <QJsonArray>

namespace supportzip::cli {

core::Expected<QStringList> profileArguments(const QString& path) {
    auto object = core::readYamlObject(path);
    if (!object) {
        return tl::unexpected(object.error());
    }
    QStringList args;
    for (auto it = object->begin(); it != object->end(); ++it) {
        const QString option = QStringLiteral("--") + it.key();
        if (it.key() == QStringLiteral("profile")) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   QStringLiteral("a profile cannot name another profile"), path);
        }
        const QJsonValue value = it.value();
        if (value.isNull()) {
            args << option; // "dry-run:" with no value: a flag
        } else if (value.isArray()) {
            for (const QJsonValue& item : value.toArray()) {
                if (item.isArray() || item.isObject()) {
                    return core::makeError(
                        core::ErrorCode::InvalidArgument,
                        QStringLiteral("\"%1\" must list plain values").arg(it.key()), path);
                }
                args << option << item.toString();
            }
        } else if (value.isObject()) {
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" must be a value or a list, not a mapping").arg(it.key()),
                path);
        } else {
            const QString text = value.toString();
            if (text == QStringLiteral("true")) {
                args << option;
            } else if (text != QStringLiteral("false")) {
                args << option << text;
            }
        }
    }
    return args;
}

} // namespace supportzip::cli
