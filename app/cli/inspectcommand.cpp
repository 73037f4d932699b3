// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "bundle/bundlereader.h"
#include "exitcode.h"
#include "passwordoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace supportzip::cli {
namespace {

QString findingsText(const QJsonObject& f) {
    QStringList parts;
    for (const char* c : {"secret", "person", "network", "custom", "keys", "content"}) {
        parts << QStringLiteral("%1 %2")
                     .arg(f.value(QLatin1StringView(c)).toInteger())
                     .arg(QLatin1StringView(c));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString InspectCommand::name() const {
    return QStringLiteral("inspect");
}
QString InspectCommand::description() const {
    return QStringLiteral("Show a bundle's manifest: source, consent, files and findings.");
}

void InspectCommand::addOptions(QCommandLineParser& parser) const {
    parser.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("The bundle to inspect."),
                                 QStringLiteral("BUNDLE.zip"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the manifest as JSON.")});
    addPasswordOptions(parser, PasswordUse::Read);
}

int InspectCommand::execute(CommandContext& ctx, const QCommandLineParser& parser) const {
    if (parser.positionalArguments().size() != 1) {
        ctx.err << "supportzip inspect: give exactly one bundle\n";
        return ExitCode::Usage;
    }
    core::Secret password;
    if (const int rc = readPassword(ctx, parser, PasswordUse::Read, password); rc >= 0) {
        return rc;
    }
    auto reader = core::bundle::BundleReader::open(parser.positionalArguments().first(), password);
    if (!reader) {
        ctx.err << "supportzip inspect: " << reader.error().toString() << "\n";
        return ExitCode::Failure;
    }
    auto bytes = (*reader)->read(QStringLiteral("manifest.json"), 256LL << 20);
    const QJsonObject m = bytes ? QJsonDocument::fromJson(*bytes).object() : QJsonObject();
    if (m.isEmpty()) {
        ctx.err << "supportzip inspect: the bundle has no readable manifest.json\n";
        return ExitCode::Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(m).toJson(QJsonDocument::Indented);
        return ExitCode::Success;
    }
    const QJsonObject s = m.value(QStringLiteral("source")).toObject();
    const QJsonObject c = m.value(QStringLiteral("consent")).toObject();
    ctx.out
        << s.value(QStringLiteral("productName")).toString() << " "
        << s.value(QStringLiteral("version")).toString()
        << (s.value(QStringLiteral("dataCenter")).toBool()
                ? QStringLiteral(" Data Center, node ") + s.value(QStringLiteral("node")).toString()
                : QString())
        << "\nsource: " << s.value(QStringLiteral("kind")).toString() << ", database "
        << s.value(QStringLiteral("databaseType")).toString() << ", "
        << s.value(QStringLiteral("platform")).toString() << "\nencryption: "
        << m.value(QStringLiteral("encryption")).toString(QStringLiteral("none"))
        << "\ncreated: " << m.value(QStringLiteral("created")).toString() << " by supportzip "
        << m.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString()
        << "\nconsent: " << c.value(QStringLiteral("name")).toString() << " <"
        << c.value(QStringLiteral("email")).toString() << "> at "
        << c.value(QStringLiteral("time")).toString()
        << "\nrecipient: " << c.value(QStringLiteral("recipient")).toString()
        << ", ticket: " << c.value(QStringLiteral("ticket")).toString()
        << ", delete by: " << c.value(QStringLiteral("deleteBy")).toString()
        << "\nfindings: " << findingsText(m.value(QStringLiteral("findings")).toObject())
        << "\n\nfiles:\n";
    for (const QJsonValue& v : m.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        ctx.out << "  " << f.value(QStringLiteral("path")).toString() << "  "
                << f.value(QStringLiteral("sizeAfter")).toInteger() << " bytes"
                << (f.value(QStringLiteral("truncated")).toBool()
                        ? QStringLiteral(" (newest part only)")
                        : QString())
                << "  " << findingsText(f.value(QStringLiteral("findings")).toObject()) << "\n";
    }
    const QJsonArray leftOut = m.value(QStringLiteral("leftOut")).toArray();
    ctx.out << "\nleft out (" << leftOut.size() << "):\n";
    for (const QJsonValue& v : leftOut) {
        const QJsonObject l = v.toObject();
        ctx.out << "  " << l.value(QStringLiteral("path")).toString()
                << (l.value(QStringLiteral("folder")).toBool() ? "/" : "") << ": "
                << l.value(QStringLiteral("reason")).toString() << "\n";
    }
    return ExitCode::Success;
}

} // namespace supportzip::cli
