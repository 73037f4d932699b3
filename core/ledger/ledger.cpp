// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/ledger.h"

#include "ledger/subjectsearch.h"
#include "logging/logging.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QUrl>

#include <algorithm>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace supportzip::core::ledger {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr int kFormat = 1;
constexpr int kLockWaitMs = 10000;

// Forces the appended line to the disk before the job reports success: the admin relies on the
// ledger, and a crash right after "bundle written" must not lose the record.
bool syncToDisk(QFile& file) {
    if (!file.flush()) {
        return false;
    }
#if defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

// A pre-signed upload URL carries its signature in the query: a credential, not a record.
QString endpointWithoutSecrets(const QString& endpoint) {
    QUrl url(endpoint);
    if (!url.isValid() || url.scheme().isEmpty()) {
        return endpoint.section(u'?', 0, 0);
    }
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url.toString();
}

Error writeError(const QString& what, const QString& path) {
    return Error{ErrorCode::WriteFailed,
                 QStringLiteral("cannot write the local ledger: %1").arg(what), path};
}

} // namespace

Ledger::Ledger(QString vaultDir)
    : m_vault(std::move(vaultDir)) {
}

QString Ledger::path() const {
    return m_vault.directory() + QStringLiteral("/ledger.jsonl");
}

Expected<void> Ledger::append(const QJsonObject& line) const {
    const QString file = path();
    if (!QDir().mkpath(m_vault.directory())) {
        return tl::unexpected(writeError(QStringLiteral("cannot create its folder"), file));
    }
    QFile::setPermissions(m_vault.directory(), kOwnerOnly | QFileDevice::ExeOwner);
    QLockFile lock(file + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockWaitMs)) {
        return tl::unexpected(
            writeError(QStringLiteral("another supportzip holds its lock; try again"), file));
    }
    QFile out(file);
    if (!out.open(QIODevice::ReadWrite | QIODevice::Append, kOwnerOnly)) {
        return tl::unexpected(writeError(out.errorString(), file));
    }
    QFile::setPermissions(file, kOwnerOnly); // also when an older file was made with looser ones
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    // A line torn by a crash has no newline: end it, so this record stands on a line of its own.
    if (out.size() > 0 && out.seek(out.size() - 1) && out.peek(1) != "\n") {
        bytes.prepend('\n');
    }
    out.seek(out.size());
    if (out.write(bytes) != bytes.size() || !syncToDisk(out)) {
        return tl::unexpected(writeError(out.errorString(), file));
    }
    return {};
}

Expected<void> Ledger::recordBundle(const BundleRecord& record) const {
    QJsonObject line = toJson(record);
    line.insert(QStringLiteral("format"), kFormat);
    return append(line);
}

Expected<void> Ledger::recordDelivery(const QString& bundleSha256,
                                      const DeliveryReceipt& receipt) const {
    auto contents = read();
    if (!contents) {
        return tl::unexpected(contents.error());
    }
    const QString sha = bundleSha256.trimmed().toLower();
    const bool known =
        std::any_of(contents->bundles.cbegin(), contents->bundles.cend(),
                    [&](const BundleRecord& b) { return b.sha256.toLower() == sha; });
    if (sha.isEmpty() || !known) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no bundle with this SHA-256 is in the local ledger (it "
                                        "was written on another machine or with another vault); "
                                        "the delivery was not recorded"),
                         path());
    }
    DeliveryReceipt stored = receipt;
    stored.endpoint = endpointWithoutSecrets(receipt.endpoint);
    if (!stored.time.isValid()) {
        stored.time = QDateTime::currentDateTimeUtc();
    }
    QJsonObject line = toJson(stored);
    line.insert(QStringLiteral("format"), kFormat);
    line.insert(QStringLiteral("type"), QStringLiteral("delivery"));
    line.insert(QStringLiteral("bundleSha256"), sha);
    return append(line);
}

Expected<LedgerContents> Ledger::read() const {
    LedgerContents contents;
    QFile in(path());
    if (!in.exists()) {
        return contents;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("cannot read the local ledger: %1").arg(in.errorString()),
                         path());
    }
    QHash<QString, QList<DeliveryReceipt>> deliveries;
    for (int lineNumber = 1; !in.atEnd(); ++lineNumber) {
        const QByteArray line = in.readLine().trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(QStringLiteral("type")).toString();
        if (type == QStringLiteral("bundle")) {
            if (auto record = bundleRecordFromJson(o)) {
                contents.bundles.append(*record);
                continue;
            }
        } else if (type == QStringLiteral("delivery")) {
            deliveries[o.value(QStringLiteral("bundleSha256")).toString()].append(
                deliveryReceiptFromJson(o));
            continue;
        } else if (!type.isEmpty()) {
            continue; // a record type of a newer version
        }
        contents.warnings.append(
            QStringLiteral("line %1 of the ledger is damaged (an interrupted write?) and was "
                           "ignored")
                .arg(lineNumber));
        logging::logger("supportzip.core.ledger")
            ->warn("ledger line {} is damaged, ignored", lineNumber);
    }
    std::reverse(contents.bundles.begin(), contents.bundles.end());
    for (BundleRecord& b : contents.bundles) {
        b.deliveries = deliveries.value(b.sha256.toLower());
    }
    return contents;
}

Expected<QList<SubjectMatch>> Ledger::bySubject(const QString& value) const {
    if (value.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("give a user name, e-mail, display name, host or IP"));
    }
    auto contents = read();
    if (!contents) {
        return tl::unexpected(contents.error());
    }
    if (contents->bundles.isEmpty()) {
        return QList<SubjectMatch>();
    }
    auto key = m_vault.loadOrCreateKey();
    if (!key) {
        return tl::unexpected(key.error());
    }
    auto mapping = m_vault.readMapping();
    if (!mapping) {
        return tl::unexpected(mapping.error());
    }
    return matchSubject(contents->bundles, value, SubjectKey(*key), *mapping);
}

QList<BundleRecord> overdueBundles(const LedgerContents& contents, const QDate& today) {
    QList<BundleRecord> out;
    std::copy_if(contents.bundles.cbegin(), contents.bundles.cend(), std::back_inserter(out),
                 [&](const BundleRecord& b) { return b.isOverdue(today); });
    return out;
}

} // namespace supportzip::core::ledger
