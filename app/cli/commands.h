// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's commands; each is a small class in its own file.
#pragma once

#include "command.h"

namespace supportzip::cli {

#define SUPPORTZIP_DECLARE_COMMAND(ClassName)                                                      \
    class ClassName final : public Command {                                                       \
    public:                                                                                        \
        QString name() const override;                                                             \
        QString description() const override;                                                      \
        void addOptions(QCommandLineParser& parser) const override;                                \
        int execute(CommandContext& context, const QCommandLineParser& parser) const override;     \
    };

SUPPORTZIP_DECLARE_COMMAND(DetectCommand)
SUPPORTZIP_DECLARE_COMMAND(CollectCommand)
SUPPORTZIP_DECLARE_COMMAND(PreviewCommand)
SUPPORTZIP_DECLARE_COMMAND(ScrubCommand)
SUPPORTZIP_DECLARE_COMMAND(RulesCommand)
SUPPORTZIP_DECLARE_COMMAND(UnmaskCommand)
SUPPORTZIP_DECLARE_COMMAND(VerifyCommand)
SUPPORTZIP_DECLARE_COMMAND(InspectCommand)
SUPPORTZIP_DECLARE_COMMAND(KeyCommand)
SUPPORTZIP_DECLARE_COMMAND(MergeCommand)
SUPPORTZIP_DECLARE_COMMAND(LedgerCommand)
SUPPORTZIP_DECLARE_COMMAND(SendCommand)

#undef SUPPORTZIP_DECLARE_COMMAND

} // namespace supportzip::cli
