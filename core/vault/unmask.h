// SPDX-License-Identifier: GPL-3.0-or-later
// Turns a reply from support back into plain names: every pseudonym known to the local mapping is
// replaced by its original; text that looks like a pseudonym but is not in the mapping (another
// machine's, or mistyped) is left as it is and reported. Pure text work: nothing leaves the
// machine. `supportzip unmask` and the GUI's unmask window both call this.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace supportzip::core::vault {

struct UnmaskSpan {
    int start = 0; // in characters of UnmaskResult::text
    int length = 0;
    QString pseudonym; // what stood there in the reply
};

struct UnmaskResult {
    QString text;
    QList<UnmaskSpan> replaced; // the originals put in, in text order
    QList<UnmaskSpan> unknown;  // pseudonym-shaped text without a mapping, in text order
};

// mapping: pseudonym -> original (Vault::readMapping). A pseudonym is replaced only as a whole
// token, the longest first where two start at the same place (an email over its user name).
UnmaskResult unmaskText(const QString& reply, const QHash<QString, QString>& mapping);

} // namespace supportzip::core::vault
