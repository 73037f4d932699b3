// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "exitcode.h"
#include "ledger/ledger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {
namespace {

using core::ledger::BundleRecord;
using core::ledger::SubjectMatch;

QString shortTime(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QStringLiteral("-");
}

QString orDash(const QString& s) {
    return s.isEmpty() ? QStringLiteral("-") : s;
}

QString deleteByText(const BundleRecord& b, const QDate& today) {
    if (!b.consent.deleteBy.isValid()) {
        return QStringLiteral("-");
    }
    return b.consent.deleteBy.toString(Qt::ISODate) +
           (b.isOverdue(today) ? QStringLiteral(" OVERDUE") : QString());
}

// Columns padded to their widest cell; the last column is not padded.
void printTable(QTextStream& out, const QList<QStringList>& rows) {
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    for (const QStringList& row : rows) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c) {
            cells << (c + 1 < row.size() ? row[c].leftJustified(widths[c]) : row[c]);
        }
        out << cells.join(QStringLiteral("  ")) << "\n";
    }
}

void printDeliveries(QTextStream& out, const BundleRecord& b) {
    for (const auto& d : b.deliveries) {
        out << "    sent " << shortTime(d.time) << " to " << d.endpoint;
        if (!d.requestKey.isEmpty()) {
            out << " (request " << d.requestKey << ")";
        }
        out << "\n";
    }
}

void printBundles(QTextStream& out, const QList<BundleRecord>& bundles, const QDate& today) {
    QList<QStringList> rows{
        {QStringLiteral("WRITTEN (UTC)"), QStringLiteral("FILE"), QStringLiteral("RECIPIENT"),
         QStringLiteral("TICKET"), QStringLiteral("DELETE BY"), QStringLiteral("SENT"),
         QStringLiteral("FINDINGS (secret/person/network/custom/keys/content)")}};
    for (const BundleRecord& b : bundles) {
        QStringList counts;
        for (const auto n : b.counts) {
            counts << QString::number(n);
        }
        rows.append({shortTime(b.recorded), b.fileName, orDash(b.consent.recipient),
                     orDash(b.consent.ticket), deleteByText(b, today),
                     b.deliveries.isEmpty() ? QStringLiteral("no")
                                            : QString::number(b.deliveries.size()) + u'x',
                     counts.join(u'/')});
    }
    printTable(out, rows);
}

void printSubject(QTextStream& out, const QList<SubjectMatch>& matches, const QDate& today) {
    for (const SubjectMatch& m : matches) {
        const BundleRecord& b = m.bundle;
        out << shortTime(b.recorded) << "  " << b.fileName << "  to " << orDash(b.consent.recipient)
            << ", ticket " << orDash(b.consent.ticket) << ", delete by " << deleteByText(b, today)
            << "\n";
        out << "    " << b.path << "\n";
        printDeliveries(out, b);
        for (const auto& hit : m.hits) {
            out << "  as " << hit.pseudonym << " (" << core::ledger::valueKindText(hit.kind)
                << (hit.viaMapping ? QStringLiteral(", from the mapping") : QString()) << ") in "
                << hit.files.size() << (hit.files.size() == 1 ? " file:\n" : " files:\n");
            for (const QString& f : hit.files) {
                out << "      " << f << "\n";
            }
        }
    }
}

QJsonObject bundleJson(const BundleRecord& b, const QDate& today) {
    QJsonObject o = core::ledger::toJson(b);
    for (const char* internal : {"type", "files", "pseudonyms", "keyId"}) {
        o.remove(QLatin1StringView(internal));
    }
    o.insert(QStringLiteral("overdue"), b.isOverdue(today));
    o.insert(QStringLiteral("pseudonymCount"), b.pseudonyms.size());
    QJsonArray deliveries;
    for (const auto& d : b.deliveries) {
        deliveries.append(core::ledger::toJson(d));
    }
    o.insert(QStringLiteral("deliveries"), deliveries);
    return o;
}

QJsonObject hitJson(const core::ledger::SubjectHit& hit) {
    const auto category = core::scrub::categoryName(core::scrub::defaultCategory(hit.kind));
    return {{QStringLiteral("pseudonym"), hit.pseudonym},
            {QStringLiteral("kind"), core::ledger::valueKindText(hit.kind)},
            {QStringLiteral("category"),
             QString::fromLatin1(category.data(), static_cast<qsizetype>(category.size()))},
            {QStringLiteral("files"), QJsonArray::fromStringList(hit.files)},
            {QStringLiteral("matchedBy"),
             hit.viaMapping ? QStringLiteral("mapping") : QStringLiteral("key")}};
}

void printJson(QTextStream& out, const QJsonObject& document) {
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

// --subject: every bundle that held the value, under which pseudonyms, in which files.
int runSubjectQuery(CommandContext& ctx, const QCommandLineParser& parser,
                    const core::ledger::Ledger& ledger, qsizetype bundleCount,
                    QJsonObject document) {
    const QString value = parser.value(QStringLiteral("subject")).trimmed();
    if (value.isEmpty()) {
        ctx.err << "supportzip ledger: --subject needs a user name, e-mail, display name, host or "
                   "IP\n";
        return ExitCode::Usage;
    }
    auto matches = ledger.bySubject(value);
    if (!matches) {
        ctx.err << "supportzip ledger: " << matches.error().toString() << "\n";
        return ExitCode::Failure;
    }
    const QDate today = QDate::currentDate();
    if (parser.isSet(QStringLiteral("overdue"))) {
        matches->removeIf([&](const SubjectMatch& m) { return !m.bundle.isOverdue(today); });
    }
    if (matches->isEmpty()) {
        ctx.err << "supportzip ledger: none of the " << bundleCount
                << " bundles in the ledger held data about \"" << value << "\"\n";
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const SubjectMatch& m : *matches) {
            QJsonObject o = bundleJson(m.bundle, today);
            QJsonArray hits;
            for (const auto& hit : m.hits) {
                hits.append(hitJson(hit));
            }
            o.insert(QStringLiteral("hits"), hits);
            array.append(o);
        }
        document.insert(QStringLiteral("subject"), value);
        document.insert(QStringLiteral("bundles"), array);
        printJson(ctx.out, document);
    } else {
        printSubject(ctx.out, *matches, today);
    }
    return matches->isEmpty() ? ExitCode::NothingFound : ExitCode::Success;
}

} // namespace

QString LedgerCommand::name() const {
    return QStringLiteral("ledger");
}
QString LedgerCommand::description() const {
    return QStringLiteral("List the bundles written on this machine, or those that held data "
                          "about a person or host.");
}

void LedgerCommand::addOptions(QCommandLineParser& parser) const {
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON for scripts.")});
    parser.addOption({QStringLiteral("vault"), QStringLiteral("Folder of the local vault."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("subject"),
         QStringLiteral("Only bundles that held this user name, e-mail, display name, host or IP; "
                        "with the pseudonyms and files."),
         QStringLiteral("VALUE")});
    parser.addOption({QStringLiteral("overdue"),
                      QStringLiteral("Only bundles whose delete-by date has passed.")});
}

int LedgerCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    const core::ledger::Ledger ledger(parser.value(QStringLiteral("vault")));
    const auto contents = ledger.read();
    if (!contents) {
        ctx.err << "supportzip ledger: " << contents.error().toString() << "\n";
        return ExitCode::Failure;
    }
    for (const QString& w : contents->warnings) {
        ctx.err << "supportzip ledger: warning: " << w << "\n";
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool onlyOverdue = parser.isSet(QStringLiteral("overdue"));
    const QDate today = QDate::currentDate();
    QJsonObject document{{QStringLiteral("ledger"), ledger.path()}};
    if (contents->bundles.isEmpty()) {
        ctx.err << "supportzip ledger: no bundle has been written with this vault yet ("
                << ledger.path() << ")\n";
        if (json) {
            document.insert(QStringLiteral("bundles"), QJsonArray());
            printJson(ctx.out, document);
        }
        return ExitCode::NothingFound;
    }
    if (parser.isSet(QStringLiteral("subject"))) {
        return runSubjectQuery(ctx, parser, ledger, contents->bundles.size(), document);
    }
    const QList<BundleRecord> bundles =
        onlyOverdue ? core::ledger::overdueBundles(*contents, today) : contents->bundles;
    if (bundles.isEmpty()) {
        ctx.err << "supportzip ledger: no bundle is past its delete-by date\n";
    }
    if (json) {
        QJsonArray array;
        for (const BundleRecord& b : bundles) {
            array.append(bundleJson(b, today));
        }
        document.insert(QStringLiteral("bundles"), array);
        printJson(ctx.out, document);
    } else if (!bundles.isEmpty()) {
        printBundles(ctx.out, bundles, today);
    }
    return ExitCode::Success;
}

} // namespace supportzip::cli
