// SPDX-License-Identifier: GPL-3.0-or-later
// Parsed form of resources/collect/collection-rules.json.
#pragma once

#include "common/error.h"
#include "discovery/installation.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace supportzip::core::collect {

struct CollectRule {
    QString root;
    QRegularExpression match;
    QString category;
    QString subdir;
};

struct PruneRule {
    QString root;
    QRegularExpression match;
    QString reason;
    QStringList except; // folders inside the pruned one that are still listed (not recursed)
};

struct NeverRule {
    QRegularExpression match;
    QString reason;
};

struct CollectionRules {
    QString version;
    QList<CollectRule> collect;
    QList<PruneRule> prune;
    QList<NeverRule> never;
};

Expected<CollectionRules> loadCollectionRules(discovery::Product product);

} // namespace supportzip::core::collect
