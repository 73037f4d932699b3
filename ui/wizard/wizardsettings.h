// SPDX-License-Identifier: GPL-3.0-or-later
// What the wizard remembers per user (QSettings): folders, custom terms and the allow-list.
// Tests point QSettings at a temporary location (QStandardPaths test mode).
#pragma once

#include <QString>
#include <QStringList>

namespace supportzip::ui::WizardSettings {

QString lastOpenDir();
void setLastOpenDir(const QString& dir);
QString outputDir(); // default: the user's documents folder
void setOutputDir(const QString& dir);
QStringList terms();
void setTerms(const QStringList& terms);
QStringList keep();
void setKeep(const QStringList& keep);

} // namespace supportzip::ui::WizardSettings
