// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

namespace supportzip::cli {

std::vector<std::unique_ptr<Command>> allCommands() {
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(std::make_unique<DetectCommand>());
    list.push_back(std::make_unique<CollectCommand>());
    list.push_back(std::make_unique<PreviewCommand>());
    list.push_back(std::make_unique<ScrubCommand>());
    list.push_back(std::make_unique<RulesCommand>());
    list.push_back(std::make_unique<VerifyCommand>());
    list.push_back(std::make_unique<InspectCommand>());
    list.push_back(std::make_unique<MergeCommand>());
    list.push_back(std::make_unique<UnmaskCommand>());
    list.push_back(std::make_unique<KeyCommand>());
    list.push_back(std::make_unique<LedgerCommand>());
    list.push_back(std::make_unique<SendCommand>());
    return list;
}

} // namespace supportzip::cli
