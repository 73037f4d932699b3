// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's rules file (YAML, or JSON by name) and custom terms as regular expressions: what
// each key does, what a bad file says, and that a pattern removes what it matches and nothing
// the detectors would keep.
#include "scrubtesthelpers.h"

#include "common/yamlfile.h"
#include "scrub/regexterms.h"

#include <QTemporaryDir>
#include <QTest>

using namespace supportzip;
using namespace supportzip::core::scrub;
using supportzip::core::ErrorCode;
using supportzip::core::Expected;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return f.fileName();
}

Expected<ScrubRules> rulesFrom(const QTemporaryDir& dir, const QString& name,
                               const QByteArray& text) {
    auto defaults = loadDefaultRules();
    Q_ASSERT(defaults);
    return applyRulesFile(*defaults, writeFile(dir, name, text));
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void yamlRulesFileSetsActionsTermsAndKeep();
    void jsonRulesFileIsReadByName();
    void secretsCannotBePseudonymized();
    void badYamlNamesLineAndColumn();
    void unknownKeyIsRefused();
    void invalidPatternIsNamed();
    void patternTermsReplaceMatchesAndKeepDiagnostics();
    void patternTermsSurviveInvalidUtf8();
};

void TestRules::yamlRulesFileSetsActionsTermsAndKeep() {
    QTemporaryDir dir;
    auto rules = rulesFrom(dir, QStringLiteral("rules.yaml"), R"(# rules for the Northwind bundle
version: 1
actions:
  network: keep     # support needs the real addresses this time
  person: redact
terms:
  - Northwind
  - regex: 'PRJ-[0-9]{4}'
  - literal: Project Falcon
keep: [jira-test.example.com]
)");
    QVERIFY2(rules, rules ? "" : qPrintable(rules.error().toString()));
    QCOMPARE(rules->actionFor(Category::Network), Action::Keep);
    QCOMPARE(rules->actionFor(Category::Person), Action::Redact);
    QCOMPARE(rules->customTerms,
             (QStringList{QStringLiteral("Northwind"), QStringLiteral("Project Falcon")}));
    QCOMPARE(rules->termPatterns, QStringList{QStringLiteral("PRJ-[0-9]{4}")});
    QVERIFY(rules->regexTerms);
    QVERIFY(rules->keep.contains(QStringLiteral("jira-test.example.com")));
}

void TestRules::jsonRulesFileIsReadByName() {
    QTemporaryDir dir;
    auto rules = rulesFrom(dir, QStringLiteral("rules.json"),
                           R"({"actions": {"content": "keep"},
	"terms": ["Northwind", {"regex": "falcon-\\d+"}], "keep": []})");
    QVERIFY2(rules, rules ? "" : qPrintable(rules.error().toString()));
    QCOMPARE(rules->actionFor(Category::Content), Action::Keep);
    QCOMPARE(rules->termPatterns, QStringList{QStringLiteral("falcon-\\d+")});
}

void TestRules::secretsCannotBePseudonymized() {
    QTemporaryDir dir;
    auto rules = rulesFrom(dir, QStringLiteral("r.yml"), "actions: {secret: pseudonymize}\n");
    QVERIFY(rules);
    QCOMPARE(rules->actionFor(Category::Secret), Action::Redact);
}

void TestRules::badYamlNamesLineAndColumn() {
    QTemporaryDir dir;
    auto rules =
        rulesFrom(dir, QStringLiteral("bad.yaml"), "actions:\n  person: [redact\nkeep: x\n");
    QVERIFY(!rules);
    QCOMPARE(rules.error().code, ErrorCode::MalformedInput);
    QVERIFY2(rules.error().message.contains(QStringLiteral("line ")),
             qPrintable(rules.error().message));
    QVERIFY(rules.error().path.endsWith(QStringLiteral("bad.yaml")));
    auto list = rulesFrom(dir, QStringLiteral("list.yaml"), "- just\n- a list\n");
    QVERIFY(!list);
    QVERIFY(list.error().message.contains(QStringLiteral("mapping")));
}

void TestRules::unknownKeyIsRefused() {
    // "term:" instead of "terms:" must not silently scrub less than the admin asked for.
    QTemporaryDir dir;
    auto rules = rulesFrom(dir, QStringLiteral("typo.yaml"), "term:\n  - Northwind\n");
    QVERIFY(!rules);
    QCOMPARE(rules.error().code, ErrorCode::InvalidArgument);
    QVERIFY(rules.error().message.contains(QStringLiteral("\"term\"")));
    auto action = rulesFrom(dir, QStringLiteral("a.yaml"), "actions: {persons: keep}\n");
    QVERIFY(!action);
    QVERIFY(action.error().message.contains(QStringLiteral("persons")));
}

void TestRules::invalidPatternIsNamed() {
    QTemporaryDir dir;
    auto rules = rulesFrom(dir, QStringLiteral("re.yaml"), "terms:\n  - regex: 'falcon-(\\d+'\n");
    QVERIFY(!rules);
    QCOMPARE(rules.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(rules.error().message.contains(QStringLiteral("falcon-(")),
             qPrintable(rules.error().message));
    QVERIFY(rules.error().message.contains(QStringLiteral("position")));
}

void TestRules::patternTermsReplaceMatchesAndKeepDiagnostics() {
    tests::TestEngine engine;
    engine.rules.termPatterns = {QStringLiteral("PRJ-[0-9]{4}"), QStringLiteral("falcon\\w*")};
    QVERIFY(compileTermPatterns(engine.rules));
    CategoryCounts counts{};
    const std::string in =
        "2026-11-20 08:00:01,317+0000 http-nio-8080-exec-7 INFO [c.a.jira.project.Sync] "
        "synced prj-0042 for FalconLabs in 12 ms, version 9.12.2\n"
        "\tat com.example.falconsync.Job.run(Job.java:88) [falconsync-1.4.2.jar:?]\n";
    const std::string out = engine.scrub(in, &counts);
    QVERIFY2(out.find("prj-0042") == std::string::npos, out.c_str()); // case-insensitive
    QVERIFY(out.find("FalconLabs") == std::string::npos);
    QVERIFY(out.find("falconsync") == std::string::npos); // terms reach stack frames too
    QVERIFY(out.find("term-") != std::string::npos);
    QVERIFY(counts[static_cast<std::size_t>(Category::Custom)] >= 3);
    // Kept: what the patterns do not match.
    for (const char* kept :
         {"2026-11-20 08:00:01,317+0000", "http-nio-8080-exec-7", "[c.a.jira.project.Sync]",
          "12 ms", "version 9.12.2", "(Job.java:88)"}) {
        QVERIFY2(out.find(kept) != std::string::npos, kept);
    }
}

void TestRules::patternTermsSurviveInvalidUtf8() {
    tests::TestEngine engine;
    engine.rules.termPatterns = {QStringLiteral("falcon\\w*")};
    QVERIFY(compileTermPatterns(engine.rules));
    const std::string in = "bad \xC3\x28 bytes \xFF then Falcon2 and caf\xC3\xA9 falconé\n";
    const std::string out = engine.scrub(in);
    QVERIFY2(out.find("Falcon2") == std::string::npos, out.c_str());
    QVERIFY(out.find("bad \xC3\x28 bytes \xFF then ") == 0); // the rest is untouched
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
