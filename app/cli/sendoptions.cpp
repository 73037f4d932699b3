// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendoptions.h"

#include "delivery/deliveryledger.h"
#include "delivery/tokensource.h"
#include "exitcode.h"
#include "interruptwatcher.h"
#include "tokenprompt.h"

#include <QElapsedTimer>
#include <QLocale>

#include <chrono>
#include <optional>

namespace supportzip::cli {
namespace {

using core::delivery::DeliveryReceipt;
using core::delivery::TransferProgress;

QString opt(const char* name) {
    return QString::fromLatin1(name);
}

QString bytesText(double bytes) {
    return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 1,
                                          QLocale::DataSizeTraditionalFormat);
}

// One status line on a terminal (rewritten in place), a line per stage otherwise.
class ProgressPrinter {
public:
    ProgressPrinter(QTextStream& err, bool terminal)
        : m_err(err)
        , m_terminal(terminal) {
        m_sinceLast.start();
    }

    void operator()(const TransferProgress& p) {
        const bool stageChanged = p.stage != m_lastStage || p.attempt != m_lastAttempt;
        m_lastStage = p.stage;
        m_lastAttempt = p.attempt;
        if (p.stage == TransferProgress::Stage::Waiting) {
            clear();
            m_err << "supportzip: " << p.reason << "; attempt " << p.attempt << " in "
                  << QString::number(static_cast<double>(p.retryIn.count()) / 1000.0) << " s\n"
                  << Qt::flush;
            return;
        }
        if (!m_terminal) {
            if (stageChanged) {
                m_err << "supportzip: " << core::delivery::stageName(p.stage) << "\n" << Qt::flush;
            }
            return;
        }
        const bool done = p.bytesTotal > 0 && p.bytesSent == p.bytesTotal;
        if (!stageChanged && !done && m_sinceLast.elapsed() < 200) {
            return;
        }
        m_sinceLast.restart();
        QString line = core::delivery::stageName(p.stage).leftJustified(8);
        if (p.stage == TransferProgress::Stage::Upload && p.bytesTotal > 0) {
            line += QStringLiteral("%1 / %2  %3%  %4/s")
                        .arg(bytesText(static_cast<double>(p.bytesSent)),
                             bytesText(static_cast<double>(p.bytesTotal)))
                        .arg(100 * p.bytesSent / p.bytesTotal)
                        .arg(bytesText(p.bytesPerSecond));
        }
        m_err << "\r" << line.leftJustified(m_width) << Qt::flush;
        m_width = std::max<qsizetype>(m_width, line.size());
    }

    void clear() {
        if (m_terminal && m_width > 0) {
            m_err << "\r" << QString(m_width, u' ') << "\r" << Qt::flush;
            m_width = 0;
        }
    }

private:
    QTextStream& m_err;
    bool m_terminal;
    QElapsedTimer m_sinceLast;
    TransferProgress::Stage m_lastStage = TransferProgress::Stage::Verify;
    int m_lastAttempt = 0;
    qsizetype m_width = 0;
};

int usage(CommandContext& ctx, const QString& message) {
    ctx.err << "supportzip: " << message << "\n";
    return ExitCode::Usage;
}

std::optional<QByteArray> readToken(CommandContext& ctx, const QCommandLineParser& p,
                                    const QString& who) {
    if (p.isSet(opt("token-file"))) {
        auto file = core::delivery::readTokenFile(p.value(opt("token-file")));
        if (!file) {
            ctx.err << "supportzip: " << file.error().toString() << "\n";
            return std::nullopt;
        }
        if (file->readableByOthers) {
            ctx.err << "supportzip: warning: the token file can be read by other users; "
                       "restrict it with chmod 600\n";
        }
        return file->token;
    }
    if (!stdinIsTerminal()) {
        ctx.err << "supportzip: pass the token with --token-file FILE (it is never read from "
                   "the command line or the environment)\n";
        return std::nullopt;
    }
    auto token = promptNoEcho(ctx.err, QStringLiteral("Token for %1: ").arg(who));
    if (!token || token->isEmpty()) {
        ctx.err << "supportzip: no token given\n";
        return std::nullopt;
    }
    return token;
}

void printReceipt(QTextStream& out, const DeliveryReceipt& r) {
    if (r.kind == DeliveryReceipt::Kind::JsmRequest) {
        out << "sent " << r.fileName << " to " << r.requestKey << " at " << r.endpoint
            << " (attachment " << (r.attachmentId.isEmpty() ? QStringLiteral("?") : r.attachmentId)
            << ", " << r.bytesSent << " bytes, SHA-256 " << r.bundleSha256 << ")\n";
    } else {
        out << "sent " << r.fileName << " to " << r.endpoint << " (" << r.bytesSent
            << " bytes, SHA-256 " << r.bundleSha256
            << (r.attachmentId.isEmpty() ? QString() : QStringLiteral(", ETag ") + r.attachmentId)
            << ")\n";
    }
}

} // namespace

void addSendOptions(QCommandLineParser& p) {
    p.addOption({opt("jsm"),
                 QStringLiteral("Send the bundle to a Jira Service Management portal "
                                "(https://example.atlassian.net)."),
                 QStringLiteral("BASE_URL")});
    p.addOption({opt("request"), QStringLiteral("The customer request to attach it to (SUP-123)."),
                 QStringLiteral("KEY")});
    p.addOption({opt("user"), QStringLiteral("Your portal account's e-mail (Cloud API token)."),
                 QStringLiteral("EMAIL")});
    p.addOption(
        {opt("bearer"), QStringLiteral("The token is a personal access token (Data Center).")});
    p.addOption({opt("token-file"),
                 QStringLiteral("File holding the API token (else asked on the terminal)."),
                 QStringLiteral("FILE")});
    p.addOption({opt("comment"), QStringLiteral("Comment to post with the attachment."),
                 QStringLiteral("TEXT")});
    p.addOption({opt("put-url"),
                 QStringLiteral("Instead: upload with HTTP PUT to this pre-signed HTTPS URL."),
                 QStringLiteral("URL")});
    p.addOption({opt("ca-file"),
                 QStringLiteral("PEM file of extra CA certificates to trust (private CAs)."),
                 QStringLiteral("FILE")});
    p.addOption({opt("timeout"),
                 QStringLiteral("Give up when nothing moves for this long (default 60)."),
                 QStringLiteral("SECONDS")});
}

bool sendRequested(const QCommandLineParser& p) {
    return p.isSet(opt("jsm")) || p.isSet(opt("put-url"));
}

int fillDeliveryRequest(CommandContext& ctx, const QCommandLineParser& p,
                        core::delivery::DeliveryRequest& request) {
    using namespace core::delivery;
    if (p.isSet(opt("jsm")) == p.isSet(opt("put-url"))) {
        return usage(ctx, QStringLiteral("give either --jsm BASE_URL (with --request, --user, "
                                         "--token-file) or --put-url URL"));
    }
    if (p.isSet(opt("put-url"))) {
        request.destination = PutDestination{QUrl(p.value(opt("put-url")), QUrl::StrictMode)};
    } else {
        JsmDestination jsm;
        jsm.baseUrl = QUrl(p.value(opt("jsm")), QUrl::StrictMode);
        jsm.requestKey = p.value(opt("request"));
        jsm.comment = p.value(opt("comment"));
        jsm.credentials.scheme =
            p.isSet(opt("bearer")) ? Credentials::Scheme::Bearer : Credentials::Scheme::Basic;
        jsm.credentials.user = p.value(opt("user"));
        if (jsm.requestKey.isEmpty()) {
            return usage(ctx, QStringLiteral("--jsm needs --request KEY (e.g. SUP-123)"));
        }
        if (!p.isSet(opt("bearer")) && jsm.credentials.user.isEmpty()) {
            return usage(ctx, QStringLiteral("--jsm needs --user EMAIL (or --bearer with a "
                                             "Data Center personal access token)"));
        }
        request.destination = jsm;
    }
    if (auto ok = DeliveryJob::checkDestination(request.destination, false); !ok) {
        return usage(ctx, ok.error().message);
    }
    if (p.isSet(opt("timeout"))) {
        bool ok = false;
        const int seconds = p.value(opt("timeout")).toInt(&ok);
        if (!ok || seconds <= 0) {
            return usage(ctx, QStringLiteral("--timeout needs a number of seconds"));
        }
        request.options.inactivityTimeout = std::chrono::seconds(seconds);
    }
    request.options.caFile = p.value(opt("ca-file"));
    if (auto* jsm = std::get_if<JsmDestination>(&request.destination)) {
        auto token = readToken(
            ctx, p, jsm->credentials.user.isEmpty() ? jsm->baseUrl.host() : jsm->credentials.user);
        if (!token) {
            return ExitCode::Usage;
        }
        jsm->credentials.token = *token;
    }
    return -1;
}

int runDelivery(CommandContext& ctx, const QCommandLineParser& p,
                const core::delivery::DeliveryRequest& request) {
    core::delivery::DeliveryJob job(request);
    const bool quiet = p.isSet(opt("quiet"));
    ProgressPrinter printer(ctx.err, ctx.errIsTerminal);
    std::optional<InterruptWatcher> watcher(std::in_place, ctx.interrupted,
                                            [&job] { job.requestCancel(); });
    auto receipt = job.run([&](const TransferProgress& progress) {
        if (!quiet) {
            printer(progress);
        }
    });
    watcher.reset();
    printer.clear();
    if (!receipt) {
        ctx.err << "supportzip: " << receipt.error().toString() << "\n";
        return exitCodeFor(receipt.error().code);
    }
    // The delivery happened: a ledger that cannot record it is worth a warning, not a failure.
    if (auto recorded = core::delivery::recordDeliveryInLedger(*receipt, p.value(opt("vault")));
        !recorded) {
        ctx.err << "supportzip: warning: the delivery is not in the local ledger: "
                << recorded.error().toString() << "\n";
    }
    printReceipt(ctx.out, *receipt);
    return ExitCode::Success;
}

int exitCodeFor(core::ErrorCode code) {
    using core::ErrorCode;
    switch (code) {
    case ErrorCode::VerificationFailed:
        return ExitCode::VerificationFailed;
    case ErrorCode::Cancelled:
        return ExitCode::Cancelled;
    case ErrorCode::InvalidArgument:
        return ExitCode::Usage;
    case ErrorCode::AuthenticationFailed:
        return ExitCode::SendAuthFailed;
    case ErrorCode::AccessDenied:
        return ExitCode::SendAccessDenied;
    case ErrorCode::RemoteNotFound:
        return ExitCode::SendNotFound;
    case ErrorCode::AttachmentsDisabled:
        return ExitCode::SendAttachmentsOff;
    case ErrorCode::TooLarge:
        return ExitCode::SendTooLarge;
    case ErrorCode::NetworkTimeout:
        return ExitCode::SendTimeout;
    case ErrorCode::TlsFailed:
        return ExitCode::SendTlsFailed;
    case ErrorCode::ProxyFailed:
        return ExitCode::SendProxyFailed;
    case ErrorCode::NetworkFailed:
        return ExitCode::SendFailed;
    default:
        return ExitCode::Failure;
    }
}

} // namespace supportzip::cli
