// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordoptions.h"

#include "bundle/bundleencryption.h"
#include "common/secretfile.h"
#include "exitcode.h"
#include "tokenprompt.h"

namespace supportzip::cli {
namespace {

const QString kFile = QStringLiteral("password-file");
const QString kPrompt = QStringLiteral("password-prompt");
const QString kInputFile = QStringLiteral("input-password-file");

int fromFile(CommandContext& ctx, const QString& path, core::Secret& password) {
    auto read = core::readPasswordFile(path);
    if (!read) {
        ctx.err << "supportzip: " << read.error().toString() << "\n";
        return ExitCode::Usage;
    }
    password = *read;
    return -1;
}

int fromPrompt(CommandContext& ctx, PasswordUse use, core::Secret& password) {
    if (!stdinIsTerminal()) {
        ctx.err << "supportzip: --password-prompt needs a terminal; in a script use "
                   "--password-file FILE\n";
        return ExitCode::Usage;
    }
    auto first = promptNoEcho(ctx.err, QStringLiteral("Bundle password: "));
    if (!first || first->isEmpty()) {
        ctx.err << "supportzip: no password given\n";
        return ExitCode::Usage;
    }
    core::Secret entered = core::Secret::take(*first);
    if (use == PasswordUse::Write) {
        auto again = promptNoEcho(ctx.err, QStringLiteral("Same password again: "));
        const core::Secret confirmed = again ? core::Secret::take(*again) : core::Secret();
        if (!entered.sameAs(confirmed)) {
            ctx.err << "supportzip: the two passwords differ; nothing was written\n";
            return ExitCode::Usage;
        }
    }
    password = entered;
    return -1;
}

} // namespace

void addPasswordOptions(QCommandLineParser& p, PasswordUse use) {
    if (use == PasswordUse::Write) {
        p.addOption({kFile,
                     QStringLiteral("Encrypt every member with AES-256 under the password on the "
                                    "first line of FILE (chmod 600; at least %1 characters).")
                         .arg(core::bundle::kMinPasswordLength),
                     QStringLiteral("FILE")});
        p.addOption({kPrompt, QStringLiteral("Encrypt with AES-256; ask for the password on the "
                                             "terminal (twice, not echoed).")});
        return;
    }
    p.addOption({kFile,
                 QStringLiteral("Password of an encrypted bundle: the first line of FILE "
                                "(chmod 600)."),
                 QStringLiteral("FILE")});
    p.addOption({kPrompt, QStringLiteral("Ask for the password of an encrypted bundle on the "
                                         "terminal (not echoed).")});
}

int readPassword(CommandContext& ctx, const QCommandLineParser& p, PasswordUse use,
                 core::Secret& password) {
    if (p.isSet(kFile) && p.isSet(kPrompt)) {
        ctx.err << "supportzip: give --password-file or --password-prompt, not both\n";
        return ExitCode::Usage;
    }
    if (p.isSet(kFile)) {
        return fromFile(ctx, p.value(kFile), password);
    }
    return p.isSet(kPrompt) ? fromPrompt(ctx, use, password) : -1;
}

int readInputPassword(CommandContext& ctx, const QCommandLineParser& p, core::Secret& password) {
    return p.isSet(kInputFile) ? fromFile(ctx, p.value(kInputFile), password) : -1;
}

} // namespace supportzip::cli
