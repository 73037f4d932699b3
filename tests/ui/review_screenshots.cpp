// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the review and unmask windows offscreen over a generated bundle and saves
// docs/screenshots/review.png, unmask.png and ledger.png (with the ledger window). Run by hand (not
// in CI):
//   cmake --build build/dev --target review-screenshots
//   QT_QPA_PLATFORM=offscreen build/dev/tests/ui/review-screenshots docs/screenshots
#include "reviewfixture.h"

#include "ledgerwindow/ledgerwindow.h"
#include "review/memberviewer.h"
#include "review/reviewwindow.h"
#include "unmask/unmaskwindow.h"
#include "viewer/logfilemodel.h"
#include "vault/vault.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTemporaryDir>

using namespace supportzip;

namespace {

bool waitFor(QSignalSpy& spy) {
    return !spy.isEmpty() || spy.wait(60'000);
}

bool shootReview(const QString& bundle, const QString& out) {
    ui::ReviewWindow w;
    w.resize(1400, 900);
    QSignalSpy checked(&w, &ui::ReviewWindow::integrityChecked);
    QSignalSpy opened(&w, &ui::ReviewWindow::memberOpened);
    QSignalSpy searched(&w, &ui::ReviewWindow::searchFinished);
    w.show();
    if (!w.openBundle(bundle) || !waitFor(checked)) {
        return false;
    }
    w.openMember(QStringLiteral("application-logs/atlassian-jira.log"), 24);
    if (!waitFor(opened)) {
        return false;
    }
    ui::LogFileModel* model = w.viewer()->model();
    while (model->isIndexing()) {
        QTest::qWait(50);
    }
    static const QRegularExpression user(QStringLiteral("user: (user-[0-9a-f]{6,})"));
    QString token;
    for (int row = 0; row < model->rowCount() && token.isEmpty(); ++row) {
        token = user.match(model->lineText(row)).captured(1);
    }
    w.followToken(token);
    waitFor(searched);
    QTest::qWait(300); // a screenshot tool: let the view lay out and paint
    w.viewer()->goToLine(23);
    QTest::qWait(300);
    return w.grab().save(out);
}

bool shootUnmask(const QString& vault, const QString& out) {
    ui::UnmaskWindow w(vault);
    QSignalSpy done(&w, &ui::UnmaskWindow::unmasked);
    w.setReply(QStringLiteral(
        "Hello,\n\nthe errors start when user-1a2b3c4d opens issues from the board; the request "
        "from host-77aa88.example.invalid is slow because the pool on 240.12.0.7 is exhausted.\n"
        "Could you ask user-1a2b3c4d@example.invalid to check with "
        "user-ffffff?\n\nRegards,\nSupport"));
    w.show();
    w.unmask();
    waitFor(done);
    QApplication::processEvents();
    return w.grab().save(out);
}

bool shootLedger(const QString& vault, const QString& out) {
    ui::LedgerWindow w(vault);
    QSignalSpy loaded(&w, &ui::LedgerWindow::loaded);
    QSignalSpy searched(&w, &ui::LedgerWindow::subjectSearched);
    w.show();
    if (!waitFor(loaded)) {
        return false;
    }
    w.findSubject(QStringLiteral("jnovak"));
    waitFor(searched);
    QApplication::processEvents();
    return w.grab().save(out);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString outDir =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    QTemporaryDir dir;
    const QString vault = dir.filePath(QStringLiteral("vault"));
    const QString bundle = reviewtest::collectSampleBundle(dir.path(), vault);
    const std::vector<core::scrub::MappingEntry> planted{
        {"user-1a2b3c4d", "jana.novak", core::scrub::ValueKind::User},
        {"user-1a2b3c4d@example.invalid", "jana.novak@acme.example", core::scrub::ValueKind::Email},
        {"host-77aa88.example.invalid", "jira-db01.acme.lan", core::scrub::ValueKind::Host},
        {"240.12.0.7", "10.12.0.7", core::scrub::ValueKind::Ipv4}};
    if (bundle.isEmpty() ||
        !core::vault::Vault(vault).recordMapping(planted, QStringLiteral("demo.zip"))) {
        return 1;
    }
    const bool ok = shootReview(bundle, outDir + QStringLiteral("/review.png")) &&
                    shootUnmask(vault, outDir + QStringLiteral("/unmask.png")) &&
                    shootLedger(vault, outDir + QStringLiteral("/ledger.png"));
    return ok ? 0 : 1;
}
