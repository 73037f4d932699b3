// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/wizardsettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace supportzip::ui::WizardSettings {
namespace {
QVariant get(const char* key, const QVariant& fallback = {}) {
    return QSettings().value(QLatin1StringView(key), fallback);
}
void put(const char* key, const QVariant& value) {
    QSettings().setValue(QLatin1StringView(key), value);
}
} // namespace

QString lastOpenDir() {
    return get("wizard/lastOpenDir").toString();
}
void setLastOpenDir(const QString& dir) {
    put("wizard/lastOpenDir", dir);
}
QString outputDir() {
    return get("wizard/outputDir",
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}
void setOutputDir(const QString& dir) {
    put("wizard/outputDir", dir);
}
QStringList terms() {
    return get("wizard/terms").toStringList();
}
void setTerms(const QStringList& terms) {
    put("wizard/terms", terms);
}
QStringList keep() {
    return get("wizard/keep").toStringList();
}
void setKeep(const QStringList& keep) {
    put("wizard/keep", keep);
}

} // namespace supportzip::ui::WizardSettings
