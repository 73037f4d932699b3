// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace supportzip::core::vault {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString escapeField(const std::string& s) {
    QString v = QString::fromStdString(s);
    v.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'\t', QStringLiteral("\\t"))
        .replace(u'\n', QStringLiteral("\\n"));
    return v;
}

QString unescapeField(const QString& s) {
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size()) {
            const QChar c = s[++i];
            out += c == u't' ? QChar(u'\t') : c == u'n' ? QChar(u'\n') : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

} // namespace

Vault::Vault(QString dir)
    : m_dir(std::move(dir)) {
    if (m_dir.isEmpty()) {
        m_dir = qEnvironmentVariable("SUPPORTZIP_VAULT_DIR");
    }
    if (m_dir.isEmpty()) {
        m_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                QStringLiteral("/vault");
    }
}

Expected<void> Vault::ensureDirectory() const {
    if (!QDir().mkpath(m_dir)) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot create the local vault folder"), m_dir);
    }
    QFile::setPermissions(m_dir, kOwnerOnly | QFileDevice::ExeOwner);
    return {};
}

Expected<QByteArray> Vault::loadOrCreateKey() const {
    if (auto ok = ensureDirectory(); !ok) {
        return tl::unexpected(ok.error());
    }
    const QString path = m_dir + QStringLiteral("/pseudonym.key");
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(
                ErrorCode::PermissionDenied,
                QStringLiteral("cannot read the pseudonym key: %1").arg(file.errorString()), path);
        }
        const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
        if (key.size() < 16) {
            return makeError(
                ErrorCode::MalformedInput,
                QStringLiteral("the pseudonym key is damaged; restore it from your export or "
                               "remove it to start afresh (old pseudonyms will no longer match)"),
                path);
        }
        return key;
    }
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(key.data()),
                                         reinterpret_cast<quint32*>(key.data() + key.size()));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(key.toHex() + '\n') < 0 || !out.commit()) {
        return makeError(ErrorCode::WriteFailed, QStringLiteral("cannot write the pseudonym key"),
                         path);
    }
    QFile::setPermissions(path, kOwnerOnly);
    return key;
}

Expected<void> Vault::exportKey(const QString& path) const {
    auto key = loadOrCreateKey();
    if (!key) {
        return tl::unexpected(key.error());
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(key->toHex() + '\n') < 0 || !out.commit()) {
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("cannot write the key file: %1").arg(out.errorString()),
                         path);
    }
    QFile::setPermissions(path, kOwnerOnly);
    return {};
}

Expected<void> Vault::importKey(const QString& path, bool replace) const {
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot read the key file: %1").arg(in.errorString()),
                         path);
    }
    const QByteArray key = QByteArray::fromHex(in.read(4096).trimmed());
    if (key.size() < 16) {
        return makeError(ErrorCode::MalformedInput,
                         QStringLiteral("this is not a supportzip key file"), path);
    }
    if (auto ok = ensureDirectory(); !ok) {
        return ok;
    }
    const QString target = m_dir + QStringLiteral("/pseudonym.key");
    if (QFile::exists(target)) {
        auto current = loadOrCreateKey();
        if (current && *current == key) {
            return {};
        }
        if (!replace) {
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral(
                    "this machine already has a different pseudonym key; pseudonyms in bundles it "
                    "wrote would no longer match. Pass --replace to import anyway"),
                target);
        }
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(key.toHex() + '\n') < 0 || !out.commit()) {
        return makeError(ErrorCode::WriteFailed, QStringLiteral("cannot write the pseudonym key"),
                         target);
    }
    QFile::setPermissions(target, kOwnerOnly);
    return {};
}

Expected<void> Vault::recordMapping(const std::vector<scrub::MappingEntry>& entries,
                                    const QString& bundleName) const {
    if (auto ok = ensureDirectory(); !ok) {
        return ok;
    }
    const QString path = m_dir + QStringLiteral("/mapping.tsv");
    auto existing = readMapping();
    QFile file(path);
    if (!file.open(QIODevice::Append | QIODevice::Text)) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("cannot write the local mapping: %1").arg(file.errorString()), path);
    }
    QFile::setPermissions(path, kOwnerOnly);
    QByteArray lines;
    for (const scrub::MappingEntry& e : entries) {
        const QString pseudonym = QString::fromStdString(e.pseudonym);
        if (existing && existing->contains(pseudonym)) {
            continue;
        }
        const auto kind = scrub::valueKindName(e.kind);
        lines += (escapeField(e.pseudonym) + u'\t' + escapeField(e.original) + u'\t' +
                  QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size())) + u'\t' +
                  bundleName + u'\n')
                     .toUtf8();
    }
    if (file.write(lines) != lines.size()) {
        return makeError(
            ErrorCode::WriteFailed,
            QStringLiteral("cannot write the local mapping: %1").arg(file.errorString()), path);
    }
    return {};
}

Expected<QHash<QString, QString>> Vault::readMapping() const {
    QHash<QString, QString> map;
    QFile file(m_dir + QStringLiteral("/mapping.tsv"));
    if (!file.exists()) {
        return map;
    }
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return makeError(
            ErrorCode::PermissionDenied,
            QStringLiteral("cannot read the local mapping: %1").arg(file.errorString()),
            file.fileName());
    }
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).chopped(1).split(u'\t');
        if (fields.size() >= 2) {
            map.insert(unescapeField(fields[0]), unescapeField(fields[1]));
        }
    }
    return map;
}

} // namespace supportzip::core::vault
