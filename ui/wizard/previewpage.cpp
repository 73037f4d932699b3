// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/previewpage.h"

#include "viewer/inflatedlog.h"
#include "viewer/logfilemodel.h"
#include "viewer/logview.h"
#include "wizard/categorytexts.h"
#include "wizard/keyboardorder.h"
#include "wizard/wizardcontroller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace supportzip::ui {
namespace {

// Byte offsets of a UTF-8 line to character offsets of its displayed text.
int chars(const char* data, std::uint32_t bytes) {
    return static_cast<int>(QString::fromUtf8(data, static_cast<qsizetype>(bytes)).size());
}

// What row (0-based) of the file inherits from the lines before it, if anything.
core::scrub::CarriedState carriedAt(const core::scrub::CarriedStates& carried, qint64 row) {
    const auto it = std::lower_bound(carried.begin(), carried.end(), row + 1,
                                     [](const auto& e, qint64 line) { return e.first < line; });
    return it != carried.end() && it->first == row + 1 ? it->second : core::scrub::CarriedState{};
}

LogFileModel::LineTransform transformFor(std::shared_ptr<core::pipeline::ScrubSession> session,
                                         core::scrub::CarriedStates carried, bool sanitized) {
    return [session, carried = std::move(carried), sanitized](qint64 row, const QByteArray& raw,
                                                              Highlights* highlights) {
        // With what the line inherits, a PEM block or a wrapped license reads as in the bundle;
        // lines the bundle leaves out show empty on the sanitized side, marked on the original.
        const auto line = session->scrubLine(std::string_view(raw.constData(), raw.size()),
                                             carriedAt(carried, row));
        const char* text = sanitized ? line.text.data() : raw.constData();
        for (const auto& m : line.marks) {
            const auto begin = sanitized ? m.outBegin : m.inBegin;
            const auto length = sanitized ? m.outLength : m.inLength;
            const int start = chars(text, begin);
            highlights->append({start, chars(text, begin + length) - start, m.category});
        }
        return sanitized ? QString::fromStdString(line.text) : QString::fromUtf8(raw);
    };
}

QString truncatedNote() {
    return PreviewPage::tr(
        "Over the size limit: the bundle keeps only the newest part of this file.");
}

} // namespace

PreviewPage::PreviewPage(WizardController* controller, QWidget* parent)
    : QWizardPage(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("previewPage"));
    setTitle(tr("Preview: what support will see"));
    setSubTitle(tr("Every file was scrubbed without writing anything. Pick a file to compare its "
                   "original (left, never sent) with what the bundle will hold (right)."));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("previewProgress"));
    m_progress->setAccessibleName(tr("Preview progress"));
    m_cancel = new QPushButton(tr("&Stop"), this);
    m_cancel->setObjectName(QStringLiteral("previewCancel"));
    top->addWidget(m_status, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    layout->addLayout(top);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_files = new QTreeWidget(split);
    m_files->setObjectName(QStringLiteral("previewFiles"));
    m_files->setAccessibleName(tr("Files with their findings"));
    QStringList headers{tr("File")};
    for (std::size_t i = 0; i < core::scrub::kCategoryCount; ++i) {
        headers << categoryTitle(static_cast<core::scrub::Category>(i));
    }
    m_files->setHeaderLabels(headers);
    m_files->setRootIsDecorated(false);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* viewer = new QWidget(split);
    auto* vl = new QVBoxLayout(viewer);
    vl->setContentsMargins(0, 0, 0, 0);
    vl->addWidget(buildViewerBar());
    m_viewerNote = new QLabel(viewer);
    m_viewerNote->setObjectName(QStringLiteral("viewerNote"));
    m_viewerNote->setWordWrap(true);
    m_viewerNote->hide();
    vl->addWidget(m_viewerNote);
    auto* sides = new QSplitter(Qt::Horizontal, viewer);
    m_originalModel = new LogFileModel(this);
    m_sanitizedModel = new LogFileModel(this);
    m_original = new LogView(sides);
    m_original->setObjectName(QStringLiteral("originalView"));
    m_original->setAccessibleName(tr("Original text, stays on this machine"));
    m_original->setLogModel(m_originalModel);
    m_sanitized = new LogView(sides);
    m_sanitized->setObjectName(QStringLiteral("sanitizedView"));
    m_sanitized->setAccessibleName(tr("Sanitized text, as the bundle holds it"));
    m_sanitized->setLogModel(m_sanitizedModel);
    vl->addWidget(sides, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_inflated = new InflatedLog(this);
    connectInflatedLog();
    setKeyboardOrder();

    connect(m_cancel, &QPushButton::clicked, controller, &WizardController::cancelPreview);
    connect(m_files, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        showFile(item ? m_files->indexOfTopLevelItem(item) : -1);
    });
    // Both sides have the same lines: keep them on the same one.
    connect(m_sanitized, &LogView::currentLineChanged, this, [this](int row) {
        if (m_original->currentLine() != row) {
            m_original->goToLine(row);
        }
    });
    connect(m_original, &LogView::currentLineChanged, this, [this](int row) {
        if (m_sanitized->currentLine() != row) {
            m_sanitized->goToLine(row);
        }
    });
    connect(m_original, &LogView::tokenActivated, m_value, &QLineEdit::setText);
    addSelectionActions();
    connect(controller, &WizardController::previewStarted, this, [this] { setRunning(true); });
    connect(controller, &WizardController::previewProgress, this,
            [this](const QString&, const QString&, qint64 done, qint64 total) {
                m_progress->setRange(0, 1000);
                m_progress->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
            });
    connect(controller, &WizardController::previewReady, this, [this] {
        setRunning(false);
        fillFiles();
    });
    connect(controller, &WizardController::previewFailed, this,
            [this](const QString& message, bool cancelled) {
                setRunning(false);
                m_status->setText(cancelled ? tr("Preview stopped. Go back and forth to run it "
                                                 "again, or change a setting.")
                                            : tr("The preview failed: %1").arg(message));
            });
}

QWidget* PreviewPage::buildViewerBar() {
    auto* bar = new QWidget(this);
    auto* h = new QHBoxLayout(bar);
    h->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString& text, const char* name) {
        auto* b = new QPushButton(text, bar);
        b->setObjectName(QLatin1StringView(name));
        h->addWidget(b);
        return b;
    };
    auto* previous = button(tr("&Previous finding"), "previousFinding");
    auto* next = button(tr("&Next finding"), "nextFinding");
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("previewSearch"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Search…"));
    h->addWidget(m_search, 1);
    m_value = new QLineEdit(bar);
    m_value->setObjectName(QStringLiteral("previewValue"));
    m_value->setAccessibleName(tr("Value to scrub or keep everywhere"));
    m_value->setPlaceholderText(tr("Select text on the left, or type a value"));
    h->addWidget(m_value, 1);
    auto* scrub = button(tr("Scrub &everywhere"), "scrubEverywhere");
    auto* keep = button(tr("&Keep everywhere"), "keepEverywhere");
    scrub->setToolTip(tr("Scrub the selected text (or the value typed here) in every file"));
    keep->setToolTip(tr("Never scrub the selected text (or the value typed here) in any file"));
    connect(previous, &QPushButton::clicked, this, [this] { m_sanitized->previousHighlight(); });
    connect(next, &QPushButton::clicked, this, [this] { m_sanitized->nextHighlight(); });
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { m_original->find(m_search->text()); });
    connect(scrub, &QPushButton::clicked, this, [this] { m_controller->addTerm(m_value->text()); });
    connect(keep, &QPushButton::clicked, this, [this] { m_controller->addKeep(m_value->text()); });
    return bar;
}

PreviewPage::~PreviewPage() {
    // The viewers read the decompressed copy: close them before it is removed.
    closeViewers();
    m_inflated->clear();
}

void PreviewPage::setKeyboardOrder() {
    const auto named = [this](const char* name) {
        return findChild<QPushButton*>(QLatin1StringView(name));
    };
    QPushButton* previous = named("previousFinding");
    QPushButton* next = named("nextFinding");
    QPushButton* scrub = named("scrubEverywhere");
    QPushButton* keep = named("keepEverywhere");
    nameAfterText({m_cancel, previous, next, scrub, keep});
    // As the page reads: the running preview, the files, the viewer's tools, then the two sides.
    setTabChain({m_cancel, m_files, previous, next, m_search, m_value, scrub, keep, m_original,
                 m_sanitized});
}

void PreviewPage::addSelectionActions() {
    // In the original pane's context menu: act on the selected text, as the buttons act on the
    // value field (which the selection fills).
    auto* scrub = new QAction(tr("&Scrub selection everywhere"), m_original);
    scrub->setObjectName(QStringLiteral("scrubSelectionAction"));
    auto* keep = new QAction(tr("&Keep selection everywhere"), m_original);
    keep->setObjectName(QStringLiteral("keepSelectionAction"));
    for (QAction* a : {scrub, keep}) {
        a->setEnabled(false);
        m_original->addAction(a);
    }
    connect(m_original, &LogView::textSelectionChanged, this,
            [this, scrub, keep](const QString& t) {
                const bool any = !t.trimmed().isEmpty();
                scrub->setEnabled(any);
                keep->setEnabled(any);
                if (any) {
                    m_value->setText(t);
                }
            });
    connect(scrub, &QAction::triggered, this,
            [this] { m_controller->addTerm(m_original->selectedText()); });
    connect(keep, &QAction::triggered, this,
            [this] { m_controller->addKeep(m_original->selectedText()); });
}

void PreviewPage::initializePage() {
    if (m_controller->preview() == nullptr) {
        m_controller->startPreview();
    } else {
        fillFiles(); // back again after Back: the viewers were closed on leaving
    }
}

void PreviewPage::cleanupPage() {
    // Back to the settings: the preview is over, and so is the decompressed copy.
    closeViewers();
    m_inflated->clear();
    const QSignalBlocker quiet(m_files); // keeps m_shownPath: coming back shows that file again
    m_files->setCurrentItem(nullptr);
}

bool PreviewPage::isComplete() const {
    return m_controller->preview() != nullptr;
}

void PreviewPage::setRunning(bool running) {
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    if (running) {
        m_progress->setRange(0, 0);
        m_status->setText(tr("Scrubbing every file without writing…"));
    }
    Q_EMIT completeChanged();
}

void PreviewPage::fillFiles() {
    const auto* preview = m_controller->preview();
    m_files->clear();
    int reselect = -1;
    for (const auto& f : preview->files) {
        QStringList columns{f.bundlePath};
        for (const auto n : f.findings) {
            columns << QString::number(n);
        }
        auto* item = new QTreeWidgetItem(m_files, columns);
        item->setToolTip(0, f.sourcePath);
        if (f.sourcePath == m_shownPath) {
            reselect = m_files->topLevelItemCount() - 1;
        }
    }
    m_status->setText(
        tr("%n file(s), %1 after scrubbing. Findings: %2.", nullptr,
           static_cast<int>(preview->files.size()))
            .arg(QLocale().formattedDataSize(preview->bytesAfter()), countsText(preview->totals)));
    m_files->setCurrentItem(m_files->topLevelItem(std::max(reselect, 0)));
}

void PreviewPage::showFile(int index) {
    const auto* preview = m_controller->preview();
    if (preview == nullptr || index < 0 || index >= preview->files.size()) {
        return;
    }
    const auto& file = preview->files[index];
    m_shownPath = file.sourcePath;
    m_shownTruncated = file.truncated;
    // The session that produced the counts also scrubs the visible lines, so the right side is
    // exactly the bundle's text.
    m_originalModel->setLineTransform(transformFor(preview->session, file.carried, false));
    m_sanitizedModel->setLineTransform(transformFor(preview->session, file.carried, true));
    m_viewerNote->setVisible(file.truncated);
    m_viewerNote->setText(truncatedNote());
    // A rotated .gz log cannot be indexed as it is: it is shown from a decompressed private copy.
    if (file.sourcePath.endsWith(QStringLiteral(".gz"), Qt::CaseInsensitive)) {
        if (m_inflated->sourcePath() != file.sourcePath) {
            closeViewers(); // the same log after a re-run stays open where it was
        }
        m_inflated->inflate(file.sourcePath);
        return;
    }
    m_inflated->clear();
    openBoth(file.sourcePath);
}

void PreviewPage::connectInflatedLog() {
    connect(m_inflated, &InflatedLog::progress, this, [this](qint64 done, qint64 total) {
        m_viewerNote->setText(tr("Decompressing this rotated log to show it… %1%")
                                  .arg(total > 0 ? 100 * done / total : 0));
        m_viewerNote->show();
    });
    connect(m_inflated, &InflatedLog::ready, this, [this](const QString& plainPath) {
        if (m_inflated->sourcePath() != m_shownPath) {
            return;
        }
        m_viewerNote->setText(tr("This rotated log is compressed: it is shown from a private "
                                 "decompressed copy, deleted when you leave the preview.") +
                              (m_shownTruncated ? u' ' + truncatedNote() : QString()));
        m_viewerNote->show();
        openBoth(plainPath);
    });
    connect(m_inflated, &InflatedLog::failed, this, [this](const QString& message) {
        m_viewerNote->setText(tr("This compressed log cannot be shown: %1").arg(message));
        m_viewerNote->show();
    });
}

void PreviewPage::openBoth(const QString& plainPath) {
    // After a re-run the same file stays open (its transform changed): the view keeps its place.
    if (m_originalModel->path() != plainPath || m_originalModel->rowCount() == 0) {
        m_originalModel->open(plainPath);
        m_sanitizedModel->open(plainPath);
    }
}

void PreviewPage::closeViewers() {
    m_originalModel->close();
    m_sanitizedModel->close();
}

} // namespace supportzip::ui
