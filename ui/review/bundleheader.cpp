// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/bundleheader.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace supportzip::ui {
namespace {

// Readable on a light and a dark palette: the colour's lightness follows the window's.
QColor stateColor(BundleHeader::State state, const QPalette& palette) {
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    switch (state) {
    case BundleHeader::State::Intact:
        return dark ? QColor(0x7e, 0xd9, 0x7e) : QColor(0x1b, 0x7a, 0x1b);
    case BundleHeader::State::Failed:
    case BundleHeader::State::Refused:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    default:
        return palette.color(QPalette::WindowText);
    }
}

QString dateText(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                       : QStringLiteral("—");
}

} // namespace

QString integritySentence(const core::bundle::VerifyReport& report) {
    if (report.intact()) {
        return report.membersChecked == 1
                   ? BundleHeader::tr("The one file matches the manifest")
                   : BundleHeader::tr("All %1 files match the manifest").arg(report.membersChecked);
    }
    QStringList parts;
    for (const auto& issue : report.issues) {
        parts.append(QStringLiteral("%1 (%2)").arg(issue.member, issue.problem));
    }
    const QString count =
        report.issues.size() == 1
            ? BundleHeader::tr("1 file does not match the manifest: ")
            : BundleHeader::tr("%1 files do not match the manifest: ").arg(report.issues.size());
    return count + parts.join(QStringLiteral("; "));
}

BundleHeader::BundleHeader(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_integrity = new QLabel(this);
    m_integrity->setObjectName(QStringLiteral("integrityLabel"));
    m_integrity->setAccessibleName(tr("Integrity"));
    m_integrity->setWordWrap(true);
    m_integrity->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_integrity->font();
    bold.setBold(true);
    m_integrity->setFont(bold);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("bundleDetails"));
    m_details->setAccessibleName(tr("Bundle details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_consent = new QLabel(this);
    m_consent->setObjectName(QStringLiteral("consentLabel"));
    m_consent->setAccessibleName(tr("Consent record"));
    m_consent->setWordWrap(true);
    m_consent->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_integrity);
    layout->addWidget(m_details);
    layout->addWidget(m_consent);
    clear();
}

void BundleHeader::clear() {
    setIntegrity(State::Empty,
                 tr("No bundle open. Open one with File → Open bundle, or drop a .zip here."));
    m_details->clear();
    m_consent->clear();
}

void BundleHeader::setManifest(const core::bundle::Manifest& m) {
    const QString product = m.productName.isEmpty() ? m.product : m.productName;
    m_details->setText(
        tr("%1 %2%3 · node %4 · created %5 · supportzip %6 · rules %7 (%n rule(s)) · %8", nullptr,
           static_cast<int>(m.rules.size()))
            .arg(product, m.version, m.dataCenter ? tr(" Data Center") : QString(),
                 m.node.isEmpty() ? tr("—") : m.node, dateText(m.created), m.toolVersion,
                 m.rulesVersion, m.categoryActions.join(QStringLiteral(", "))));
    const core::bundle::Consent& c = m.consent;
    if (c.statement.isEmpty()) {
        m_consent->setText(tr("No consent record."));
        return;
    }
    m_consent->setText(tr("Consent: %1 <%2> on %3 · recipient %4 · ticket %5 · delete by %6")
                           .arg(c.name, c.email, dateText(c.time), c.recipient,
                                c.ticket.isEmpty() ? tr("—") : c.ticket,
                                c.deleteBy.isValid() ? c.deleteBy.toString(Qt::ISODate) : tr("—")));
    m_consent->setToolTip(c.statement);
}

void BundleHeader::setChecking() {
    setIntegrity(State::Checking, tr("Checking every file against the manifest…"));
}

void BundleHeader::setReport(const core::bundle::VerifyReport& report) {
    setIntegrity(report.intact() ? State::Intact : State::Failed, integritySentence(report));
}

void BundleHeader::setRefused(const core::Error& error) {
    setIntegrity(State::Refused, tr("Refused: %1").arg(error.message));
    m_details->clear();
    m_consent->clear();
}

QString BundleHeader::integrityText() const {
    return m_integrity->text();
}

void BundleHeader::setIntegrity(State state, const QString& text) {
    m_state = state;
    m_integrity->setText(text);
    QPalette p = m_integrity->palette();
    p.setColor(QPalette::WindowText, stateColor(state, palette()));
    m_integrity->setPalette(p);
}

} // namespace supportzip::ui
