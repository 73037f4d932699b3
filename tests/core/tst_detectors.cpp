// SPDX-License-Identifier: GPL-3.0-or-later
// Every detector on realistic lines: what must be removed and what must be kept, per row.
#include "scrubtesthelpers.h"

#include "scrub/substringsearch.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <set>

using namespace supportzip;
using namespace Qt::StringLiterals;

class TestDetectors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scrubsLine_data();
    void scrubsLine();
    void keepsDiagnosticLines_data();
    void keepsDiagnosticLines();
    void propagatesLearnedValuesToOtherLines();
    void pseudonymsAreConsistentAndShaped();
    void ipv4HostsOfOneSubnetNeverCollideInAnyOrder();
    void markerSearchFindsWhatStdFindFinds();
    void customTermsAndAllowList();
    void stackFramesKeepCodeButNotTerms();
    void keptCategoryNeverShieldsAnother();
};

void TestDetectors::scrubsLine_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QStringList>("kept");

    QTest::newRow("jira-log-mdc-user-ip-chain")
        << u"2023-10-03 08:00:45,317+0000 http-nio-8080-exec-7 url: /login.jsp; user: jnovak INFO jnovak 480x1412x2 1x8k2qz 198.51.100.23,10.20.30.41 /login.jsp [c.a.jira.login.LoginLoggers] login : 'jnovak' tried to login successfully"_s
        << QStringList{u"jnovak"_s, u"198.51.100.23"_s, u"10.20.30.41"_s}
        << QStringList{u"2023-10-03 08:00:45,317+0000"_s,
                       u"http-nio-8080-exec-7"_s,
                       u"url: /login.jsp"_s,
                       u"INFO"_s,
                       u"480x1412x2"_s,
                       u"[c.a.jira.login.LoginLoggers]"_s,
                       u"tried to login successfully"_s};
    QTest::newRow("jira-log-issue-key-in-url")
        << u"2023-10-03 08:02:13,552+0000 http-nio-8080-exec-12 url: /rest/api/2/issue/OPS-1423/comment; user: m.oconnor ERROR m.oconnor 482x1533x3 zq7vd1 203.0.113.45 /rest/api/2/issue/OPS-1423/comment [c.a.j.rest.exception.ExceptionInterceptor] Returning internal server error in response"_s
        << QStringList{u"m.oconnor"_s, u"OPS-1423"_s, u"203.0.113.45"_s}
        << QStringList{u"/rest/api/2/issue/"_s, u"-1423/comment"_s, u"ERROR"_s, u"482x1533x3"_s,
                       u"[c.a.j.rest.exception.ExceptionInterceptor]"_s};
    QTest::newRow("mail-thread-name")
        << u"2023-10-03 08:03:41,090+0000 Sending mailitem To='tomas.berg@kundenfirma.example' Subject='[JIRA] (SD-5012) Invoice 2023-0917 not received' From='null' FromName='Jana Novak (Jira)' Cc='null' Bcc='null' ReplyTo='null' InReplyTo='null' MimeType='text/html' Encoding='UTF-8' Multipart='null' MessageId='null' ERROR anonymous    [c.a.mail.queue.MailQueueImpl] Error occurred in sending e-mail: javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful for svc-jira-mail@northwind-logistics.example"_s
        << QStringList{u"tomas.berg@kundenfirma.example"_s, u"SD-5012"_s,
                       u"Invoice 2023-0917 not received"_s, u"Jana Novak"_s,
                       u"svc-jira-mail@northwind-logistics.example"_s}
        << QStringList{u"Sending mailitem To='"_s,
                       u"[JIRA]"_s,
                       u"(Jira)"_s,
                       u"MimeType='text/html'"_s,
                       u"Encoding='UTF-8'"_s,
                       u"javax.mail.AuthenticationFailedException"_s,
                       u"535 5.7.3"_s,
                       u"[c.a.mail.queue.MailQueueImpl]"_s};
    QTest::newRow("jql-users-and-text")
        << u"2023-10-03 08:05:02,774+0000 http-nio-8080-exec-3 url: /rest/api/2/search; user: pkrause WARN pkrause 485x1620x1 1ia9vad 10.20.30.52 /rest/api/2/search [c.a.j.bc.issue.search.DefaultSearchService] JQL query 'assignee = \"jnovak\" AND summary ~ \"Lohnabrechnung Meier\"' took 8123 ms"_s
        << QStringList{u"pkrause"_s, u"jnovak"_s, u"Lohnabrechnung Meier"_s, u"10.20.30.52"_s}
        << QStringList{u"assignee = \""_s, u"AND summary ~ \""_s, u"took 8123 ms"_s,
                       u"[c.a.j.bc.issue.search.DefaultSearchService]"_s};
    QTest::newRow("git-url-token-userinfo")
        << u"2023-10-03 08:10:40,616+0000 bigbrassband-gitplugin-reindex-queue:thread - 1 ERROR      [c.b.jira.git.services.gitmanager.SingleGitManager] Error updating the repository (repoId=12): Authentication failed for 'https://deploy-bot:ghp_EXAMPLE0example0EXAMPLE0example0ABC@git.northwind-logistics.example/nwl/payroll-exporter.git'"_s
        << QStringList{u"deploy-bot"_s, u"ghp_EXAMPLE0example0EXAMPLE0example0ABC"_s,
                       u"git.northwind-logistics.example"_s}
        << QStringList{u"bigbrassband-gitplugin-reindex-queue:thread - 1"_s,
                       u"[c.b.jira.git.services.gitmanager.SingleGitManager]"_s, u"repoId=12"_s,
                       u"https://"_s};
    QTest::newRow("user-key-ipv6")
        << u"2023-10-03 08:11:02,955+0000 http-nio-8080-exec-4 url: /secure/ViewProfile.jspa; user: JIRAUSER10100 INFO JIRAUSER10100 491x1799x1 k2mf0x 2001:db8::17 /secure/ViewProfile.jspa [c.a.j.web.action.user.ViewProfile] Profile viewed"_s
        << QStringList{u"JIRAUSER10100"_s, u"2001:db8::17"_s}
        << QStringList{u"/secure/ViewProfile.jspa"_s, u"491x1799x1"_s,
                       u"[c.a.j.web.action.user.ViewProfile]"_s};
    QTest::newRow("confluence-context-line")
        << u" -- url: /display/OPS/Forklift+Sensor+Runbook | traceId: 5f2a9c1d0b7e4a31 | userName: jnovak | referer: https://wiki.northwind-logistics.example/display/~m.oconnor/Weekly+Notes | action: viewpage | page: 163841234"_s
        << QStringList{u"Forklift+Sensor+Runbook"_s, u"jnovak"_s,
                       u"wiki.northwind-logistics.example"_s, u"m.oconnor"_s, u"Weekly+Notes"_s}
        << QStringList{u" -- url: /display/"_s, u"traceId: 5f2a9c1d0b7e4a31"_s,
                       u"action: viewpage"_s, u"page: 163841234"_s};
    QTest::newRow("ldap-dn-and-host")
        << u"2023-10-03 10:17:44,902 INFO [ldap-sync-1] [atlassian.crowd.directory.DbCachingRemoteDirectory] synchroniseAll synchronisation for directory [ 163841 ] starting (Corporate AD ldap://ldap.nwl.internal:389, base DN OU=Staff,DC=nwl,DC=internal)"_s
        << QStringList{u"ldap.nwl.internal"_s, u"OU=Staff"_s, u"DC=nwl"_s}
        << QStringList{u"[ldap-sync-1]"_s,
                       u"[atlassian.crowd.directory.DbCachingRemoteDirectory]"_s, u":389"_s,
                       u"OU="_s, u"DC="_s};
    QTest::newRow("security-password-as-user")
        << u"2023-10-03 08:04:10,019+0000 http-nio-8080-exec-15 anonymous 484x1590x1 - 203.0.113.99 /rest/api/2/myself The user 'Wint3r!Harbor#42' has FAILED authentication.  Failure count equals 1"_s
        << QStringList{u"Wint3r!Harbor#42"_s, u"203.0.113.99"_s}
        << QStringList{u"anonymous 484x1590x1"_s,
                       u"has FAILED authentication.  Failure count equals 1"_s};
    QTest::newRow("access-log-os-password")
        << u"10.20.30.11 493x1830x1 svc-backup [03/Oct/2023:08:13:40 +0000] \"GET /rest/api/2/serverInfo?os_username=svc-backup&os_password=Sp1nnaker-77 HTTP/1.1\" 200 512 14 \"-\" \"Java/17.0.8\" \"-\""_s
        << QStringList{u"svc-backup"_s, u"Sp1nnaker-77"_s, u"10.20.30.11"_s}
        << QStringList{u"493x1830x1"_s, u"[03/Oct/2023:08:13:40 +0000]"_s,
                       u"/rest/api/2/serverInfo?os_username="_s, u"HTTP/1.1\" 200 512 14"_s,
                       u"Java/17.0.8"_s};
    QTest::newRow("access-log-encoded-jql")
        << u"10.20.30.52 485x1620x1 pkrause [03/Oct/2023:08:05:02 +0000] \"GET /rest/api/2/search?jql=assignee%3Djnovak%20AND%20reporter%3Djana.novak%40northwind-logistics.example&maxResults=50 HTTP/1.1\" 200 48211 8123 \"-\" \"python-requests/2.31.0\" \"1ia9vad\""_s
        << QStringList{u"pkrause"_s, u"jnovak"_s, u"jana.novak%40northwind-logistics.example"_s}
        << QStringList{u"jql=assignee%3D"_s, u"maxResults=50"_s, u"python-requests/2.31.0"_s};
    QTest::newRow("catalina-jvm-args")
        << u"03-Oct-2023 07:58:12.004 INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Datlassian.recovery.password=R3cover-Me-Now!"_s
        << QStringList{u"R3cover-Me-Now!"_s}
        << QStringList{u"org.apache.catalina.startup.VersionLoggerListener.log"_s,
                       u"Command line argument: -Datlassian.recovery.password="_s};
    QTest::newRow("catalina-proxy-args")
        << u"Command line argument: -Dhttps.proxyHost=proxy.nwl.internal -Dhttps.proxyUser=svc-proxy-jira -Dhttps.proxyPassword=Pr0xy!Pass -Dsome.api.token=abc123def -Xmx4096m"_s
        << QStringList{u"proxy.nwl.internal"_s, u"svc-proxy-jira"_s, u"Pr0xy!Pass"_s,
                       u"abc123def"_s}
        << QStringList{u"-Dhttps.proxyHost="_s, u"-Dhttps.proxyUser="_s, u"-Xmx4096m"_s};
    QTest::newRow("dbconfig-xml")
        << u"    <url>jdbc:postgresql://db01.nwl.internal:5432/jiradb</url>\n    <username>jiradbuser</username>\n    <password>s3cr3t-DB-pa55</password>\n    <pool-max-size>40</pool-max-size>"_s
        << QStringList{u"db01.nwl.internal"_s, u"jiradbuser"_s, u"s3cr3t-DB-pa55"_s}
        << QStringList{u"jdbc:postgresql://"_s, u":5432/jiradb"_s,
                       u"<pool-max-size>40</pool-max-size>"_s, u"<username>"_s, u"<password>"_s};
    QTest::newRow("server-xml-attributes")
        << u"<Connector port=\"8443\" keystorePass=\"Wint3r!Harbor#42\" proxyName=\"jira.northwind-logistics.example\" maxThreads=\"150\"/><Certificate certificateKeystorePassword=\"K3y-St0re\"/>"_s
        << QStringList{u"Wint3r!Harbor#42"_s, u"jira.northwind-logistics.example"_s, u"K3y-St0re"_s}
        << QStringList{u"port=\"8443\""_s, u"maxThreads=\"150\""_s, u"keystorePass=\""_s};
    QTest::newRow("multiline-license")
        << u"<property name=\"atlassian.license.message\">AAABbQ0ODAoPeNp9kV1PwjAUhu/7K5p4XdMOUSHpBa5VMWOQbahccZGsM2\nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F\nX02ab</property>\n<property name=\"hibernate.dialect\">PostgreSQLDialect</property>"_s
        << QStringList{u"AAABbQ0ODAoPeNp9kV1PwjAUhu"_s,
                       u"nnVbpLzUf2xeeS7yPDa3Bdq9Jz5Xnf5O3s1tKzeNhTE0EqhJJXHDOGv4kLHpK2F"_s,
                       u"X02ab"_s}
        << QStringList{u"<property name=\"atlassian.license.message\">"_s, u"</property>"_s,
                       u"PostgreSQLDialect"_s};
    QTest::newRow("pem-block")
        << u"jwt.private.key=\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nabcdEFGH1234\n-----END PRIVATE KEY-----\nnext=1"_s
        << QStringList{u"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"_s, u"abcdEFGH1234"_s}
        << QStringList{u"next=1"_s, u"[REDACTED:pem-block]"_s};
    QTest::newRow("http-headers")
        << u"Authorization: Bearer NzMxMDQ2OTE4MjI0OlBLfKRMZdF7Zna8nnrdp6JkNroc\nCookie: JSESSIONID=DEE505FCE3CA65FB44DCE328E54B89A1; atlassian.xsrf.token=BWP3-NZB2-6EDY-6C7K|4b7b9b1d|lin"_s
        << QStringList{u"NzMxMDQ2OTE4MjI0OlBLfKRMZdF7Zna8nnrdp6JkNroc"_s,
                       u"DEE505FCE3CA65FB44DCE328E54B89A1"_s, u"BWP3-NZB2-6EDY-6C7K"_s}
        << QStringList{u"Authorization: Bearer "_s, u"Cookie: JSESSIONID="_s,
                       u"atlassian.xsrf.token="_s};
    QTest::newRow("tokens-and-cloud-keys")
        << u"found AKIAIOSFODNN7EXAMPLE token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqbm92YWsifQ.c2lnbmF0dXJlMTIz mac 3c:22:fb:12:ab:9e"_s
        << QStringList{u"AKIAIOSFODNN7EXAMPLE"_s,
                       u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqbm92YWsifQ.c2lnbmF0dXJlMTIz"_s,
                       u"3c:22:fb:12:ab:9e"_s}
        << QStringList{u"found "_s, u" mac "_s};
    QTest::newRow("windows-user-path")
        << u"Java Home: C:\\Users\\pkrause\\AppData\\Local\\jdk-17.0.8 and file:/C:/Users/m.oconnor/work"_s
        << QStringList{u"pkrause"_s, u"m.oconnor"_s}
        << QStringList{u"\\AppData\\Local\\jdk-17.0.8"_s, u"file:/C:/Users/"_s};
    QTest::newRow("cluster-properties")
        << u"jira.node.id=jira-node-a1\nehcache.listener.hostName=10.20.30.11\nehcache.listener.port=40001"_s
        << QStringList{u"jira-node-a1"_s, u"10.20.30.11"_s}
        << QStringList{u"jira.node.id="_s, u"ehcache.listener.port=40001"_s};
    QTest::newRow("properties-secret-with-blanks")
        << u"application.password   my secret phrase & more\nldap.password=Tr0ub4dor&3 x"_s
        << QStringList{u"secret phrase"_s, u"& more"_s, u"Tr0ub4dor"_s, u"&3 x"_s}
        << QStringList{u"application.password   [REDACTED:password]"_s,
                       u"ldap.password=[REDACTED:password]"_s};
    QTest::newRow("names-that-look-like-pseudonyms")
        << u"Connecting to node-2.nwl.internal:5701 for user-support@nwl.example"_s
        << QStringList{u"node-2.nwl.internal"_s, u"user-support@nwl.example"_s}
        << QStringList{u"Connecting to "_s, u":5701"_s};
    QTest::newRow("partial-overlap-name-and-host")
        << u"relay mx1.nwl.internal accepted message for delivery to recipient Tomas Berg <t.berg@kunde.example>"_s
        << QStringList{u"nwl.internal"_s, u"Tomas Berg"_s, u"t.berg@kunde.example"_s}
        << QStringList{u"relay "_s};
    QTest::newRow("display-name-inside-single-quotes")
        << u"SD mail handler[10100]: Creating request from 'Tomas Berg <tomas.berg@kunde.example>' subject 'Re: x'"_s
        << QStringList{u"Tomas"_s, u"Berg"_s, u"tomas.berg@kunde.example"_s}
        << QStringList{u"SD mail handler[10100]: Creating request from '"_s, u"' subject '"_s};
    QTest::newRow("display-name-with-apostrophe-in-double-quotes")
        << u"To=\"Mairéad O'Connor\" <m.oconnor@nwl.example>, From=jira@nwl.example"_s
        << QStringList{u"Mairéad"_s, u"O'Connor"_s, u"m.oconnor@nwl.example"_s}
        << QStringList{u"To=\""_s, u"\" <"_s};
    QTest::newRow("prose-at-line-start-is-not-a-property")
        << u"login by jnovak from 10.20.30.40\npassword   Tr0ub4dor&3\nhost is down, user name unknown"_s
        << QStringList{u"10.20.30.40"_s, u"Tr0ub4dor"_s}
        << QStringList{u"login by "_s, u"host is down, user name unknown"_s};
    QTest::newRow("jql-lists-and-form-encoding")
        << u"JQL assignee in (jnovak, pkrause) and /rest/api/2/search?jql=reporter+%3D+mairead+AND+x"_s
        << QStringList{u"jnovak"_s, u"pkrause"_s, u"mairead"_s}
        << QStringList{u"assignee in ("_s, u"jql=reporter+%3D+"_s, u"+AND+x"_s};
    QTest::newRow("hosts-with-more-tlds")
        << u"see https://intranet.nwl.internal/jira and jira.nwl.it, test.nwl.internal, jira.acme.dev"_s
        << QStringList{u"intranet.nwl.internal"_s, u"jira.nwl.it"_s, u"test.nwl.internal"_s,
                       u"jira.acme.dev"_s}
        << QStringList{u"see https://"_s, u"/jira and "_s};
    QTest::newRow("har-name-value-pairs")
        << u"{\"name\": \"Authorization\", \"value\": \"Basic dXNlcjpwYXNzd29yZA==\"},\n{\"name\": \"JSESSIONID\",\n \"value\": \"DEE505FCE3CA65FB44DCE328E54B89A1\"},\n{\"name\": \"os_username\", \"value\": \"pkrause\"}, {\"name\": \"Accept\", \"value\": \"text/html\"}"_s
        << QStringList{u"dXNlcjpwYXNzd29yZA=="_s, u"DEE505FCE3CA65FB44DCE328E54B89A1"_s,
                       u"pkrause"_s}
        << QStringList{u"\"name\": \"Authorization\""_s, u"\"value\": \"text/html\""_s,
                       u"\"name\": \"JSESSIONID\""_s};
    QTest::newRow("audit-json")
        << u"{\"author\":{\"id\":\"JIRAUSER10100\",\"displayName\":\"Jana Novak\",\"type\":\"user\"},\"source\":\"198.51.100.23\",\"system\":\"https://jira.northwind-logistics.example\",\"auditType\":{\"action\":\"User updated\"}}"_s
        << QStringList{u"JIRAUSER10100"_s, u"Jana Novak"_s, u"198.51.100.23"_s,
                       u"jira.northwind-logistics.example"_s}
        << QStringList{u"\"auditType\":{\"action\":\"User updated\"}"_s, u"\"type\":\"user\""_s};
}

void TestDetectors::scrubsLine() {
    QFETCH(QString, line);
    QFETCH(QStringList, removed);
    QFETCH(QStringList, kept);
    tests::TestEngine engine;
    const QString out = QString::fromStdString(engine.scrub(line.toStdString()));
    for (const QString& r : removed) {
        QVERIFY2(!out.contains(r, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("survived: %1\n in: %2").arg(r, out)));
    }
    for (const QString& k : kept) {
        QVERIFY2(out.contains(k), qPrintable(QStringLiteral("damaged: %1\n in: %2").arg(k, out)));
    }
}

void TestDetectors::keepsDiagnosticLines_data() {
    QTest::addColumn<QString>("line");
    QTest::newRow("stack-frame")
        << u"\tat com.atlassian.jira.notification.DefaultNotificationManager.notifyWatcher(DefaultNotificationManager.java:214)"_s;
    QTest::newRow("module-frame") << u"\tat java.base/java.lang.Thread.run(Thread.java:833)"_s;
    QTest::newRow("lambda-frame")
        << u"\tat com.atlassian.jira.web.Foo$$Lambda$1476/0x0000000800c5b440.apply(Unknown Source) [atlassian-core-7.0.2.jar:?]"_s;
    QTest::newRow("gc-line")
        << u"[2023-10-03T08:01:12.345+0000][3.214s] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 512M->128M(2048M) 23.456ms"_s;
    QTest::newRow("versions")
        << u"Server version name: Apache Tomcat/9.0.82 JVM Version: 17.0.8+7 Jira 8.20.10 java 1.8.0_392"_s;
    QTest::newRow("thread-dump-header")
        << u"\"Caesium-1-4\" #212 daemon prio=5 os_prio=0 cpu=123.45ms elapsed=3600.12s tid=0x00007f3c2c1d2800 nid=0x1a2b waiting on condition  [0x00007f3bf1dfe000]"_s;
    QTest::newRow("loopback-and-public")
        << u"Connecting to 127.0.0.1:8005 and ::1, binding 0.0.0.0, see https://confluence.atlassian.com/x/abc and http://www.apache.org/licenses/ on localhost"_s;
    QTest::newRow("plugin-keys")
        << u"Plugin system started: com.atlassian.jira.plugins.jira-slack-server-integration-plugin net.kentcom.confluence-blog-tools com.k15t.scroll.scroll-platform"_s;
    QTest::newRow("not-keys")
        << u"Encoding UTF-8 ISO-8859-1 SHA-256 CVE-2021-44228 HTTP-1 charset"_s;
    QTest::newRow("files")
        << u"Loaded /opt/atlassian/jira/bin/setenv.sh and log4j.properties and catalina.out"_s;
    QTest::newRow("exception")
        << u"java.lang.IllegalStateException: Could not notify watcher; nested exception is org.springframework.dao.DataAccessResourceFailureException"_s;
}

void TestDetectors::keepsDiagnosticLines() {
    QFETCH(QString, line);
    tests::TestEngine engine;
    core::scrub::CategoryCounts counts{};
    const QString out = QString::fromStdString(engine.scrub(line.toStdString(), &counts));
    QCOMPARE(out, line);
    for (auto c : counts) {
        QCOMPARE(c, 0);
    }
}

void TestDetectors::propagatesLearnedValuesToOtherLines() {
    tests::TestEngine engine;
    // "pkrause" is learned from the user field on line 2 and replaced on line 1 as well; the
    // project key HR is learned from /browse/ and replaced in free text.
    const std::string text =
        "Session expired for pkrause while reindexing HR-77 on node jira-node-a1\n"
        "2023-10-03 08:05:02,774+0000 http-nio-8080-exec-3 url: /browse/HR-77; user: pkrause WARN "
        "pkrause 485x1620x1 1ia9vad - /browse/HR-77 [c.a.j.Foo] x\n"
        "jira.node.id=jira-node-a1\n";
    const QString out = QString::fromStdString(engine.scrub(text));
    QVERIFY2(!out.contains(QStringLiteral("pkrause")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("HR-77")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("jira-node-a1")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("Session expired for user-")));
    QVERIFY(out.contains(QStringLiteral("-77 on node node-")));
}

void TestDetectors::pseudonymsAreConsistentAndShaped() {
    core::scrub::Pseudonymizer p(QByteArray(32, 'k'));
    using core::scrub::ValueKind;
    const std::string a = p.pseudonym(ValueKind::User, "jnovak");
    QCOMPARE(p.pseudonym(ValueKind::User, "JNovak"), a); // case-insensitive users
    QVERIFY(a.rfind("user-", 0) == 0);
    QVERIFY(p.pseudonym(ValueKind::Email, "a@b.example").find("@example.invalid") !=
            std::string::npos);
    QVERIFY(p.pseudonym(ValueKind::Host, "db01.nwl.internal").find(".example.invalid") !=
            std::string::npos);
    const std::string ip1 = p.pseudonym(ValueKind::Ipv4, "10.20.30.11");
    const std::string ip2 = p.pseudonym(ValueKind::Ipv4, "10.20.30.41");
    const std::string ip3 = p.pseudonym(ValueKind::Ipv4, "10.20.31.41");
    QCOMPARE(ip1.substr(0, ip1.rfind('.')),
             ip2.substr(0, ip2.rfind('.'))); // same /24 stays together
    QVERIFY(ip1.substr(0, ip1.rfind('.')) != ip3.substr(0, ip3.rfind('.')));
    QVERIFY(ip1 != ip2);
    const std::string key = p.pseudonym(ValueKind::ProjectKey, "OPS");
    QCOMPARE(key.size(), std::size_t(3));
    for (char c : key) {
        QVERIFY(c >= 'A' && c <= 'Z');
    }
    core::scrub::Pseudonymizer other(QByteArray(32, 'x'));
    QVERIFY(other.pseudonym(ValueKind::User, "jnovak") != a); // the key matters
    QCOMPARE(p.mapping().size(), std::size_t(7));
}

void TestDetectors::ipv4HostsOfOneSubnetNeverCollideInAnyOrder() {
    // A busy /24 fills most of its 254 host numbers; the pseudonyms must stay distinct and must
    // not depend on the order the addresses are met in (the pipeline runs on several threads).
    using core::scrub::ValueKind;
    std::vector<std::string> addresses;
    for (int host = 0; host <= 255; ++host) {
        addresses.push_back("10.20.30." + std::to_string(host));
    }
    core::scrub::Pseudonymizer forward(QByteArray(32, 'k'));
    core::scrub::Pseudonymizer backward(QByteArray(32, 'k'));
    std::map<std::string, std::string> seen;
    for (const std::string& a : addresses) {
        seen[a] = forward.pseudonym(ValueKind::Ipv4, a);
    }
    std::set<std::string> distinct;
    std::string subnet;
    for (auto it = addresses.rbegin(); it != addresses.rend(); ++it) {
        const std::string p = backward.pseudonym(ValueKind::Ipv4, *it);
        QCOMPARE(p, seen[*it]); // order-independent
        QVERIFY2(p != *it, p.c_str());
        QVERIFY(p.rfind("24", 0) == 0); // 240.0.0.0/4: reserved, never a real address
        distinct.insert(p);
        const std::string net = p.substr(0, p.rfind('.'));
        QVERIFY(subnet.empty() || net == subnet); // one subnet stays one subnet
        subnet = net;
    }
    QCOMPARE(distinct.size(), addresses.size()); // no collision, no fallback
    QVERIFY(seen["10.20.30.0"].substr(seen["10.20.30.0"].rfind('.')) == ".0");
    QVERIFY(seen["10.20.30.255"].substr(seen["10.20.30.255"].rfind('.')) == ".255");
    // The shuffle is keyed: another key gives another order.
    core::scrub::Pseudonymizer other(QByteArray(32, 'x'));
    int same = 0;
    for (int host = 1; host < 255; ++host) {
        const std::string a = "10.20.30." + std::to_string(host);
        const std::string mine = seen[a];
        const std::string theirs = other.pseudonym(ValueKind::Ipv4, a);
        same += mine.substr(mine.rfind('.')) == theirs.substr(theirs.rfind('.')) ? 1 : 0;
    }
    QVERIFY(same < 20);
}

void TestDetectors::markerSearchFindsWhatStdFindFinds() {
    // The detectors' vectorized search must agree with std::string_view::find everywhere: at
    // every offset, near both ends, across the 16-byte blocks, with repeated first/last bytes.
    QRandomGenerator rng(42);
    const std::string alphabet = "ab/(-_ ";
    for (int round = 0; round < 3000; ++round) {
        std::string hay(rng.bounded(0, 80), ' ');
        for (char& c : hay) {
            c = alphabet[rng.bounded(static_cast<int>(alphabet.size()))];
        }
        std::string needle(rng.bounded(0, 6), ' ');
        for (char& c : needle) {
            c = alphabet[rng.bounded(static_cast<int>(alphabet.size()))];
        }
        const std::size_t from = rng.bounded(0, 90);
        QCOMPARE(core::scrub::chars::find(hay, needle, from),
                 std::string_view(hay).find(needle, from));
    }
    const std::string line = std::string(40, '/') + "/browse/OPS-1 and /browse/";
    QCOMPARE(core::scrub::chars::find(line, "/browse/"), std::size_t(40));
    QCOMPARE(core::scrub::chars::find(line, "/browse/", 41), line.size() - 8);
    QCOMPARE(core::scrub::chars::find(line, "/browse/x"), std::string_view::npos);
}

void TestDetectors::customTermsAndAllowList() {
    tests::TestEngine engine;
    engine.known.add(core::scrub::ValueKind::Term, "Northwind");
    engine.rules.keep << QStringLiteral("10.20.30.41");
    const QString out = QString::fromStdString(
        engine.scrub("Northwind Logistics server 10.20.30.41 and 10.20.30.42\n"));
    QVERIFY2(!out.contains(QStringLiteral("Northwind")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("10.20.30.41")), qPrintable(out));
    QVERIFY2(!out.contains(QStringLiteral("10.20.30.42")), qPrintable(out));
}

void TestDetectors::keptCategoryNeverShieldsAnother() {
    tests::TestEngine engine;
    engine.rules.actions[static_cast<std::size_t>(core::scrub::Category::Content)] =
        core::scrub::Action::Keep;
    const QString out = QString::fromStdString(
        engine.scrub("Sending mailitem Subject='Ask jana.novak@northwind-logistics.example about "
                     "(SD-1)' From='null'\n"));
    QVERIFY2(!out.contains(QStringLiteral("jana.novak")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Subject='Ask ")),
             qPrintable(out)); // the subject itself is kept
}

void TestDetectors::stackFramesKeepCodeButNotTerms() {
    tests::TestEngine engine;
    engine.known.add(core::scrub::ValueKind::Term, "northwind");
    const std::string frame =
        "\tat com.northwind.sync.PayrollJob.run(PayrollJob.java:88) [payroll-sync-1.4.2.jar:?]\n";
    const QString out = QString::fromStdString(engine.scrub(frame));
    QVERIFY2(!out.contains(QStringLiteral("northwind")), qPrintable(out));
    QVERIFY(out.contains(
        QStringLiteral(".sync.PayrollJob.run(PayrollJob.java:88) [payroll-sync-1.4.2.jar:?]")));
    // Not a frame (an address inside): the full detectors run.
    const QString odd =
        QString::fromStdString(engine.scrub("\tat connecting to 10.20.30.41 (retry 3)\n"));
    QVERIFY2(!odd.contains(QStringLiteral("10.20.30.41")), qPrintable(odd));
}

QTEST_GUILESS_MAIN(TestDetectors)
#include "tst_detectors.moc"
