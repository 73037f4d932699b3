// SPDX-License-Identifier: GPL-3.0-or-later
// Running instances from JVM command lines, and thread dumps through jcmd (a stand-in script
// here: the CI machine runs no Jira).
#include "collect/threaddumps.h"
#include "discovery/processscan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace supportzip::core;

class TestRunningJvm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesAtlassianCommandLines();
    void scansAProcFolder();
    void takesSpacedThreadDumps();
    void explainsWhyNoDumpWasTaken();
};

void TestRunningJvm::parsesAtlassianCommandLines() {
    discovery::RunningInstance jira;
    QVERIFY(discovery::parseJvmCommandLine(
        {QStringLiteral("/opt/atlassian/jira/jre/bin/java"), QStringLiteral("-Xmx4g"),
         QStringLiteral("-Djira.home=/var/atlassian/application-data/jira"),
         QStringLiteral("-Dcatalina.home=/opt/atlassian/jira"),
         QStringLiteral("org.apache.catalina.startup.Bootstrap"), QStringLiteral("start")},
        &jira));
    QCOMPARE(jira.installDir, QStringLiteral("/opt/atlassian/jira"));
    QCOMPARE(jira.homeDir, QStringLiteral("/var/atlassian/application-data/jira"));
    discovery::RunningInstance other;
    QVERIFY(!discovery::parseJvmCommandLine(
        {QStringLiteral("/usr/bin/java"), QStringLiteral("-jar"), QStringLiteral("jenkins.war")},
        &other));
    QVERIFY(!discovery::parseJvmCommandLine(
        {QStringLiteral("/usr/bin/python3"), QStringLiteral("-Djira.home=/x")}, &other));
}

void TestRunningJvm::scansAProcFolder() {
    QTemporaryDir proc;
    const auto process = [&](const QString& pid, const QList<QByteArray>& arguments) {
        const QByteArray cmdline = arguments.join('\0') + '\0'; // /proc's format
        QDir().mkpath(proc.filePath(pid));
        QFile f(proc.filePath(pid + QStringLiteral("/cmdline")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(cmdline);
    };
    process(QStringLiteral("4242"), {"/opt/java/bin/java", "-Dconfluence.home=/srv/conf-home",
                                     "-Dcatalina.home=/opt/atlassian/confluence"});
    process(QStringLiteral("17"), {"/usr/sbin/sshd", "-D"});
    process(QStringLiteral("self"), {"/opt/java/bin/java", "-Djira.home=/x"});
    const auto found = discovery::runningInstances(proc.path());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].pid, qint64(4242));
    QCOMPARE(found[0].homeDir, QStringLiteral("/srv/conf-home"));
    QCOMPARE(found[0].installDir, QStringLiteral("/opt/atlassian/confluence"));
}

void TestRunningJvm::takesSpacedThreadDumps() {
    QTemporaryDir dir;
    const QString jcmd = dir.filePath(QStringLiteral("jcmd"));
    QFile script(jcmd);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(
        "#!/bin/sh\n[ \"$2\" = Thread.print ] || exit 2\n"
        "echo \"$1:\"\necho 'Full thread dump OpenJDK 64-Bit Server VM (17.0.8+7 mixed mode):'\n"
        "echo '\"http-nio-8080-exec-7 url: /browse/OPS-1; user: jnovak\" #214 daemon prio=5'\n");
    script.close();
    QVERIFY(QFile::setPermissions(jcmd, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner));
    collect::ThreadDumpOptions options{2, 0, jcmd};
    const auto result = collect::takeThreadDumps(4242, dir.path(), options, nullptr);
    QVERIFY2(result.skippedReason.isEmpty(), qPrintable(result.skippedReason));
    QCOMPARE(result.files.size(), 2);
    QFile first(result.files[0]);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray dump = first.readAll();
    QVERIFY(dump.startsWith("4242:\nFull thread dump"));
    QVERIFY(dump.contains("http-nio-8080-exec-7"));
}

void TestRunningJvm::explainsWhyNoDumpWasTaken() {
    QTemporaryDir dir;
    const auto missing = collect::takeThreadDumps(
        1, dir.path(), {1, 0, dir.filePath(QStringLiteral("no-jcmd"))}, nullptr);
    QVERIFY(missing.files.isEmpty());
    QVERIFY(missing.skippedReason.contains(QStringLiteral("jcmd was not found")));
    const QString failing = dir.filePath(QStringLiteral("jcmd"));
    QFile script(failing);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 'Unable to open socket file' >&2\nexit 1\n");
    script.close();
    QFile::setPermissions(failing,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const auto refused = collect::takeThreadDumps(1, dir.path(), {1, 0, failing}, nullptr);
    QVERIFY(refused.files.isEmpty());
    QVERIFY(refused.skippedReason.contains(QStringLiteral("run supportzip as the user")));
}

QTEST_GUILESS_MAIN(TestRunningJvm)
#include "tst_runningjvm.moc"
