// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/bundletexts.h"

#include <QFile>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>
#include <QTimeZone>

namespace supportzip::core::pipeline {
namespace {

QString memoryTotal() {
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) {
        return QStringLiteral("unknown");
    }
    const QString first = QString::fromLatin1(meminfo.readLine()).simplified();
    return first.section(u' ', 1); // "MemTotal: 16318504 kB" -> "16318504 kB"
}

QString diskLine(const QString& label, const QString& path) {
    if (path.isEmpty()) {
        return {};
    }
    const QStorageInfo storage(path);
    return QStringLiteral("%1 disk: %2 MiB free of %3 MiB (%4)\n")
        .arg(label)
        .arg(storage.bytesAvailable() / (1024 * 1024))
        .arg(storage.bytesTotal() / (1024 * 1024))
        .arg(QString::fromLatin1(storage.fileSystemType()));
}

} // namespace

QString systemFacts(const discovery::Installation& inst) {
    return QStringLiteral("OS: %1\nKernel: %2 %3\nArchitecture: %4\nCPU cores: %5\nMemory: "
                          "%6\nTime zone: %7\n")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                    QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
               .arg(QThread::idealThreadCount())
               .arg(memoryTotal(), QString::fromLatin1(QTimeZone::systemTimeZoneId())) +
           diskLine(QStringLiteral("Home"), inst.homeDir) +
           diskLine(QStringLiteral("Install"), inst.installDir);
}

QString bundleReadme(const bundle::Manifest& m) {
    const QString text =
        QStringLiteral(
            "supportzip bundle\n"
            "=================\n\n"
            "Product: %1 %2 (%3)\nCreated: %4 by supportzip %5\nRecipient: %6\nTicket: %7\n"
            "Please delete by: %8\n\n"
            "This bundle was sanitized on the customer's machine before it was sent:\n"
            "- secrets (passwords, tokens, license keys, session ids) are replaced by "
            "[REDACTED:kind];\n"
            "- personal and network data (users, e-mails, names, IPs, host names) and project,\n"
            "  issue and space keys are replaced by consistent pseudonyms such as user-3f9a2c,\n"
            "  host-7c1e.example.invalid or 240.12.7.9, so one user or host can be followed\n"
            "  across every file. Only the customer can map them back.\n\n"
            "manifest.json lists every file with its SHA-256, size before and after, and\n"
            "findings per category, every file that was left out with the reason, the rules in\n"
            "effect and the consent record. Verify with: supportzip verify <bundle.zip>\n")
            .arg(m.productName, m.version, m.product, m.created.toUTC().toString(Qt::ISODate),
                 m.toolVersion,
                 m.consent.recipient.isEmpty() ? QStringLiteral("(not given)")
                                               : m.consent.recipient,
                 m.consent.ticket.isEmpty() ? QStringLiteral("(not given)") : m.consent.ticket,
                 m.consent.deleteBy.isValid() ? m.consent.deleteBy.toString(Qt::ISODate)
                                              : QStringLiteral("(not given)"));
    if (!m.encrypted) {
        return text;
    }
    return text + QStringLiteral("\nEvery member of this bundle is encrypted with AES-256 (WinZip "
                                 "AES); the password\nreached you separately. Verify with: "
                                 "supportzip verify --password-prompt <bundle.zip>\n");
}

} // namespace supportzip::core::pipeline
