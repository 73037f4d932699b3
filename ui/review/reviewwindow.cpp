// SPDX-License-Identifier: GPL-3.0-or-later
#include "review/reviewwindow.h"

#include "bundle/bundlereader.h"
#include "review/bundleheader.h"
#include "review/bundlemanifest.h"
#include "review/memberexport.h"
#include "review/memberviewer.h"
#include "review/passworddialog.h"
#include "review/resultspanel.h"
#include "review/summarypage.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {
namespace {

constexpr int kMemberRole = Qt::UserRole;

QString findingsText(const core::scrub::CategoryCounts& counts) {
    QStringList parts;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            const std::string_view name =
                core::scrub::categoryName(static_cast<core::scrub::Category>(i));
            parts.append(QStringLiteral("%1 %2").arg(counts[i]).arg(
                QLatin1StringView(name.data(), static_cast<qsizetype>(name.size()))));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QTreeWidgetItem* folderItem(QTreeWidget* tree, QHash<QString, QTreeWidgetItem*>& folders,
                            const QString& folder) {
    if (folder.isEmpty()) {
        return tree->invisibleRootItem();
    }
    if (auto* existing = folders.value(folder)) {
        return existing;
    }
    const qsizetype slash = folder.lastIndexOf(u'/');
    QTreeWidgetItem* parent = folderItem(tree, folders, slash < 0 ? QString() : folder.left(slash));
    auto* item = new QTreeWidgetItem(parent, {folder.mid(slash + 1)});
    item->setExpanded(true);
    folders.insert(folder, item);
    return item;
}

} // namespace

ReviewWindow::ReviewWindow(QWidget* parent)
    : QMainWindow(parent) {
    setObjectName(QStringLiteral("reviewWindow"));
    setWindowTitle(tr("supportzip review"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_header = new BundleHeader(central);
    m_files = new QTreeWidget(central);
    m_files->setObjectName(QStringLiteral("fileTree"));
    m_files->setAccessibleName(tr("Files in the bundle"));
    m_files->setHeaderLabels({tr("File"), tr("Size"), tr("Findings")});
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_viewer = new MemberViewer(central);
    m_summary = new SummaryPage(central);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->addTab(m_viewer, tr("&File"));
    m_tabs->addTab(m_summary, tr("S&ummary"));
    m_results = new ResultsPanel(central);
    auto* right = new QSplitter(Qt::Vertical, central);
    right->addWidget(m_tabs);
    auto* bottom = new QWidget(right);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(buildSearchBar());
    bottomLayout->addWidget(m_results, 1);
    right->addWidget(bottom);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, central);
    split->addWidget(m_files);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    statusBar()->addWidget(m_status, 1);
    buildMenus();

    connect(m_files, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QString m = item->data(0, kMemberRole).toString(); !m.isEmpty()) {
            openMember(m);
        }
    });
    connect(m_viewer, &MemberViewer::tokenActivated, this,
            [this](const QString& token) { followToken(token); });
    connect(m_viewer, &MemberViewer::status, m_status, &QLabel::setText);
    connect(m_results, &ResultsPanel::resultActivated, this, &ReviewWindow::openMember);
    connect(m_summary, &SummaryPage::locationActivated, this, &ReviewWindow::openMember);
    connect(&m_verify, &QFutureWatcherBase::finished, this, &ReviewWindow::verifyDone);
    connect(&m_summaryJob, &QFutureWatcherBase::finished, this, &ReviewWindow::summaryDone);
    connect(&m_searchJob, &QFutureWatcherBase::finished, this, &ReviewWindow::searchDone);
    connect(&m_extractJob, &QFutureWatcherBase::finished, this, &ReviewWindow::extractDone);
    connect(&m_exportJob, &QFutureWatcherBase::finished, this, &ReviewWindow::exportDone);
    resize(1280, 860);
}

ReviewWindow::~ReviewWindow() {
    cancelJobs();
}

void ReviewWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open bundle…"), this, &ReviewWindow::chooseBundle);
    open->setObjectName(QStringLiteral("openBundleAction"));
    open->setShortcut(QKeySequence::Open);
    QAction* exportAction =
        file->addAction(tr("&Export selected files…"), this, &ReviewWindow::chooseExport);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* close = file->addAction(tr("&Close window"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    QMenu* search = menuBar()->addMenu(tr("&Search"));
    QAction* find = search->addAction(tr("Search &all files"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction* next =
        search->addAction(tr("&Next ERROR/WARN"), this, [this] { m_viewer->nextProblem(); });
    next->setShortcut(QKeySequence(Qt::Key_F8));
    QAction* summary = search->addAction(tr("S&ummary page"), this,
                                         [this] { m_tabs->setCurrentWidget(m_summary); });
    summary->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
}

QWidget* ReviewWindow::buildSearchBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Search all &files:"), bar);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchBundleEdit"));
    m_search->setAccessibleName(tr("Search all files"));
    m_search->setPlaceholderText(tr("text, or a regular expression"));
    label->setBuddy(m_search);
    m_searchRegex = new QCheckBox(tr("Regular e&xpression"), bar);
    m_searchRegex->setObjectName(QStringLiteral("searchBundleRegex"));
    auto* go = new QPushButton(tr("Search"), bar);
    go->setObjectName(QStringLiteral("searchBundleButton"));
    go->setAutoDefault(false);
    row->addWidget(label);
    row->addWidget(m_search, 1);
    row->addWidget(m_searchRegex);
    row->addWidget(go);
    const auto start = [this] {
        searchBundle(m_search->text(), m_searchRegex->isChecked());
    };
    connect(m_search, &QLineEdit::returnPressed, this, start);
    connect(go, &QPushButton::clicked, this, start);
    return bar;
}

bool ReviewWindow::openBundle(const QString& path) {
    return openBundle(path, core::Secret());
}

bool ReviewWindow::openBundle(const QString& path, const core::Secret& password) {
    closeBundle();
    auto reader = core::bundle::BundleReader::open(path, password);
    if (!reader && (reader.error().code == core::ErrorCode::PasswordRequired ||
                    reader.error().code == core::ErrorCode::WrongPassword)) {
        askPassword(path, reader.error());
        return false;
    }
    if (!reader) {
        showRefusal(path, reader.error());
        return false;
    }
    auto manifest = core::review::readManifest(**reader);
    if (!manifest) {
        showRefusal(path, manifest.error());
        return false;
    }
    m_path = path;
    m_password = (*reader)->isEncrypted() ? password : core::Secret();
    m_manifest = *manifest;
    m_private = std::make_unique<QTemporaryDir>();
    m_cancel = std::make_shared<core::CancelToken>();
    setWindowTitle(tr("%1 — supportzip review").arg(QFileInfo(path).fileName()));
    m_header->setManifest(m_manifest);
    fillFileTree();
    startBackgroundChecks();
    m_status->setText((*reader)->isEncrypted()
                          ? tr("Opened %1 (encrypted, AES-256)").arg(QFileInfo(path).fileName())
                          : tr("Opened %1").arg(QFileInfo(path).fileName()));
    Q_EMIT bundleOpened(path);
    return true;
}

void ReviewWindow::askPassword(const QString& path, const core::Error& why) {
    const QString name = QFileInfo(path).fileName();
    const bool retry = why.code == core::ErrorCode::WrongPassword;
    m_header->setRefused(why);
    m_status->setText(retry ? tr("Wrong password for %1").arg(name)
                            : tr("%1 is encrypted; waiting for its password").arg(name));
    QInputDialog* dialog = makePasswordDialog(
        this, name, retry ? tr("The password does not open this bundle; try again.") : QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, dialog, path](QString text) {
        dialog->setTextValue(QString()); // the dialog's copy goes as it closes
        openBundle(path, core::Secret::takeText(text));
    });
    connect(dialog, &QInputDialog::rejected, this, [this, path] {
        const core::Error none{core::ErrorCode::PasswordRequired,
                               tr("the bundle is encrypted and no password was given; open it "
                                  "again to enter the password"),
                               path};
        m_header->setRefused(none);
        m_status->setText(
            tr("%1 was not opened: %2").arg(QFileInfo(path).fileName(), none.message));
    });
    dialog->open();
}

void ReviewWindow::showRefusal(const QString& path, const core::Error& error) {
    m_header->setRefused(error);
    const QString text =
        tr("%1 cannot be opened: %2").arg(QFileInfo(path).fileName(), error.message);
    m_status->setText(text);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Bundle refused"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("refusedMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, never a nested event loop
}

void ReviewWindow::closeBundle() {
    cancelJobs();
    m_viewer->close();
    m_files->clear();
    m_summary->clear();
    m_results->setMessage(QString());
    m_header->clear();
    m_extracted.clear();
    m_private.reset();
    m_path.clear();
    m_password = core::Secret();
    m_manifest = {};
}

void ReviewWindow::cancelJobs() {
    for (const auto& token : {m_cancel, m_searchCancel}) {
        if (token) {
            token->requestCancel();
        }
    }
    m_verify.waitForFinished();
    m_summaryJob.waitForFinished();
    m_searchJob.waitForFinished();
    m_extractJob.waitForFinished();
    m_exportJob.waitForFinished();
    m_cancel.reset();
    m_searchCancel.reset();
}

void ReviewWindow::fillFileTree() {
    QHash<QString, QTreeWidgetItem*> folders;
    QHash<QString, const core::bundle::ManifestFile*> listed;
    for (const auto& f : m_manifest.files) {
        listed.insert(f.bundlePath, &f);
    }
    auto reader = core::bundle::BundleReader::open(m_path);
    if (!reader) {
        return;
    }
    const QLocale locale;
    for (const core::bundle::BundleMember& m : (*reader)->members()) {
        const qsizetype slash = m.name.lastIndexOf(u'/');
        QTreeWidgetItem* parent =
            folderItem(m_files, folders, slash < 0 ? QString() : m.name.left(slash));
        const auto* entry = listed.value(m.name);
        auto* item =
            new QTreeWidgetItem(parent, {m.name.mid(slash + 1), locale.formattedDataSize(m.size),
                                         entry ? findingsText(entry->findings) : QString()});
        item->setData(0, kMemberRole, m.name);
        item->setToolTip(0, entry ? tr("Collected from %1").arg(entry->originalPath) : m.name);
    }
}

void ReviewWindow::startBackgroundChecks() {
    m_header->setChecking();
    m_summary->setBusy();
    m_verify.setFuture(QtConcurrent::run([path = m_path, password = m_password, cancel = m_cancel] {
        return core::bundle::verifyBundle(path, cancel.get(), password);
    }));
    m_summaryJob.setFuture(
        QtConcurrent::run([path = m_path, password = m_password, cancel = m_cancel] {
            core::review::SummaryOptions options;
            options.gcThresholdMs = kGcThresholdMs;
            return core::review::summarizeBundle(path, options, cancel.get(), password);
        }));
}

void ReviewWindow::verifyDone() {
    if (!m_cancel || m_cancel->isCancelled()) {
        return;
    }
    const auto report = m_verify.result();
    if (!report) {
        m_header->setRefused(report.error());
        Q_EMIT integrityChecked(false);
        return;
    }
    m_header->setReport(*report);
    Q_EMIT integrityChecked(report->intact());
}

void ReviewWindow::summaryDone() {
    if (!m_cancel || m_cancel->isCancelled()) {
        return;
    }
    const auto summary = m_summaryJob.result();
    if (summary) {
        m_summary->setSummary(m_manifest, *summary, kGcThresholdMs);
    }
    Q_EMIT summaryReady();
}

void ReviewWindow::openMember(const QString& member, qint64 line) {
    if (m_path.isEmpty()) {
        return;
    }
    m_tabs->setCurrentWidget(m_viewer);
    const int row = line > 0 ? static_cast<int>(line - 1) : -1;
    if (const QString local = m_extracted.value(member); !local.isEmpty()) {
        if (m_viewer->member() == member) {
            m_viewer->goToLine(std::max(row, 0));
        } else {
            m_viewer->openFile(local, member, row);
        }
        Q_EMIT memberOpened(member);
        return;
    }
    if (m_extractJob.isRunning()) {
        m_extractJob.waitForFinished(); // a small private copy; a new one replaces the wish
    }
    m_pendingMember = member;
    m_pendingLine = line;
    const QString target = m_private->filePath(
        QStringLiteral("%1-%2").arg(m_extracted.size()).arg(QFileInfo(member).fileName()));
    m_status->setText(tr("Opening %1…").arg(member));
    m_extractJob.setFuture(QtConcurrent::run(
        [path = m_path, password = m_password, member, target, cancel = m_cancel] {
            return core::review::extractMember(path, member, target, cancel.get(), password);
        }));
    m_extracted.insert(member, QString()); // reserved; filled when the copy is complete
    m_extractJob.setProperty("target", target);
}

void ReviewWindow::extractDone() {
    if (!m_cancel || m_cancel->isCancelled()) {
        return;
    }
    const auto done = m_extractJob.result();
    if (!done) {
        m_extracted.remove(m_pendingMember);
        m_status->setText(tr("%1 cannot be opened: %2").arg(m_pendingMember, done.error().message));
        return;
    }
    m_extracted.insert(m_pendingMember, m_extractJob.property("target").toString());
    m_status->setText(m_pendingMember);
    openMember(m_pendingMember, m_pendingLine);
}

QString ReviewWindow::extractedPath(const QString& member) const {
    return m_extracted.value(member);
}

void ReviewWindow::searchBundle(const QString& text, bool regex) {
    core::review::SearchQuery query;
    query.text = text;
    query.regex = regex;
    m_searchTitle = tr("“%1”").arg(text);
    if (auto compiled = core::review::compileQuery(query); !compiled) {
        m_results->setMessage(compiled.error().message);
        return;
    }
    if (m_path.isEmpty()) {
        return;
    }
    if (m_searchCancel) {
        m_searchCancel->requestCancel();
    }
    m_searchJob.waitForFinished();
    m_searchCancel = std::make_shared<core::CancelToken>();
    m_results->setBusy(tr("Searching every file for %1…").arg(m_searchTitle));
    m_searchJob.setFuture(
        QtConcurrent::run([path = m_path, password = m_password, query, cancel = m_searchCancel] {
            return core::review::searchBundle(path, query, cancel.get(), password);
        }));
}

void ReviewWindow::followToken(const QString& token) {
    if (m_path.isEmpty() || token.isEmpty()) {
        return;
    }
    if (m_searchCancel) {
        m_searchCancel->requestCancel();
    }
    m_searchJob.waitForFinished();
    m_searchCancel = std::make_shared<core::CancelToken>();
    m_searchTitle = tr("Where %1 occurs").arg(token);
    m_results->setBusy(tr("Following %1 through every file…").arg(token));
    m_searchJob.setFuture(
        QtConcurrent::run([path = m_path, password = m_password, token, cancel = m_searchCancel] {
            return core::review::searchBundle(path, core::review::occurrencesOf(token),
                                              cancel.get(), password);
        }));
}

void ReviewWindow::searchDone() {
    if (!m_searchCancel || m_searchCancel->isCancelled()) {
        return;
    }
    const auto result = m_searchJob.result();
    if (!result) {
        m_results->setMessage(result.error().message);
        Q_EMIT searchFinished(-1);
        return;
    }
    m_results->setResults(m_searchTitle, *result);
    Q_EMIT searchFinished(static_cast<int>(result->hits.size()));
}

void ReviewWindow::chooseBundle() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open bundle"), QString(),
                                                      tr("Support bundles (*.zip)"));
    if (!path.isEmpty()) {
        openBundle(path);
    }
}

void ReviewWindow::chooseExport() {
    QStringList members;
    for (QTreeWidgetItem* item : m_files->selectedItems()) {
        if (const QString m = item->data(0, kMemberRole).toString(); !m.isEmpty()) {
            members.append(m);
        }
    }
    if (members.isEmpty() && !m_viewer->member().isEmpty()) {
        members.append(m_viewer->member());
    }
    if (members.isEmpty()) {
        m_status->setText(tr("Select the files to export in the list first."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to folder"));
    if (!folder.isEmpty()) {
        exportMembers(members, folder);
    }
}

void ReviewWindow::exportMembers(const QStringList& members, const QString& folder) {
    if (m_path.isEmpty() || m_exportJob.isRunning()) {
        return;
    }
    m_status->setText(tr("Exporting %n file(s)…", nullptr, static_cast<int>(members.size())));
    m_exportJob.setFuture(QtConcurrent::run(
        [path = m_path, password = m_password, members, folder, cancel = m_cancel] {
            return core::review::exportMembers(path, members, folder, cancel.get(), password);
        }));
}

void ReviewWindow::exportDone() {
    if (!m_cancel || m_cancel->isCancelled()) {
        return;
    }
    const auto written = m_exportJob.result();
    if (!written) {
        m_status->setText(tr("Export failed: %1").arg(written.error().toString()));
        Q_EMIT exportFinished({});
        return;
    }
    m_status->setText(tr("Exported %n file(s)", nullptr, static_cast<int>(written->size())));
    Q_EMIT exportFinished(*written);
}

void ReviewWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() &&
        urls.first().toLocalFile().endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive)) {
        event->acceptProposedAction();
    }
}

void ReviewWindow::dropEvent(QDropEvent* event) {
    openBundle(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

void ReviewWindow::closeEvent(QCloseEvent* event) {
    cancelJobs();
    QMainWindow::closeEvent(event);
}

} // namespace supportzip::ui
