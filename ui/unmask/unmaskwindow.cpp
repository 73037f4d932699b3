// SPDX-License-Identifier: GPL-3.0-or-later
#include "unmask/unmaskwindow.h"

#include "vault/vault.h"
#include "viewer/highlight.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTextEdit>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace supportzip::ui {
namespace {

constexpr qint64 kMaxReplyBytes = 16LL << 20; // a reply, not a log

void mark(QTextEdit* edit, const core::vault::UnmaskSpan& span, const QTextCharFormat& format) {
    QTextCursor c(edit->document());
    c.setPosition(span.start);
    c.setPosition(span.start + span.length, QTextCursor::KeepAnchor);
    c.mergeCharFormat(format);
}

} // namespace

UnmaskWindow::UnmaskWindow(QString vaultDir, QWidget* parent)
    : QMainWindow(parent)
    , m_vaultDir(std::move(vaultDir)) {
    setObjectName(QStringLiteral("unmaskWindow"));
    setWindowTitle(tr("Unmask a reply — supportzip"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* intro = new QLabel(tr("Paste support's reply, or open it from a file. Pseudonyms are "
                                "replaced with the originals from this machine's vault. Nothing "
                                "leaves this computer."),
                             central);
    intro->setWordWrap(true);
    auto* inputLabel = new QLabel(tr("&Reply from support:"), central);
    m_input = new QPlainTextEdit(central);
    m_input->setObjectName(QStringLiteral("replyInput"));
    m_input->setAccessibleName(tr("Reply from support"));
    inputLabel->setBuddy(m_input);
    auto* outputLabel = new QLabel(tr("With the &original values:"), central);
    m_output = new QTextEdit(central);
    m_output->setObjectName(QStringLiteral("unmaskedOutput"));
    m_output->setAccessibleName(tr("Reply with original values"));
    m_output->setReadOnly(true);
    outputLabel->setBuddy(m_output);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open text file…"), central);
    open->setObjectName(QStringLiteral("openReplyButton"));
    auto* run = new QPushButton(tr("&Unmask"), central);
    run->setObjectName(QStringLiteral("unmaskButton"));
    run->setDefault(true);
    buttons->addWidget(open);
    buttons->addStretch(1);
    buttons->addWidget(run);
    layout->addWidget(intro);
    layout->addWidget(inputLabel);
    layout->addWidget(m_input, 1);
    layout->addLayout(buttons);
    layout->addWidget(outputLabel);
    layout->addWidget(m_output, 1);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("unmaskStatus"));
    statusBar()->addWidget(m_status, 1);
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open text file…"), QKeySequence::Open, this, &UnmaskWindow::chooseFile);
    file->addAction(tr("&Unmask"), QKeySequence(Qt::CTRL | Qt::Key_Return), this,
                    &UnmaskWindow::unmask);
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    connect(open, &QPushButton::clicked, this, &UnmaskWindow::chooseFile);
    connect(run, &QPushButton::clicked, this, &UnmaskWindow::unmask);
    connect(&m_mapping, &QFutureWatcherBase::finished, this, &UnmaskWindow::mappingRead);
    resize(900, 700);
}

UnmaskWindow::~UnmaskWindow() {
    m_mapping.waitForFinished();
}

void UnmaskWindow::setReply(const QString& text) {
    m_input->setPlainText(text);
}

bool UnmaskWindow::openTextFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxReplyBytes) {
        m_status->setText(f.size() > kMaxReplyBytes
                              ? tr("%1 is too large for a reply").arg(path)
                              : tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    setReply(QString::fromUtf8(f.readAll()));
    unmask();
    return true;
}

void UnmaskWindow::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open reply"), QString(), tr("Text files (*.txt *.eml *.md);;All files (*)"));
    if (!path.isEmpty()) {
        openTextFile(path);
    }
}

void UnmaskWindow::unmask() {
    if (m_mapping.isRunning()) {
        return;
    }
    m_status->setText(tr("Reading the local vault…"));
    m_mapping.setFuture(
        QtConcurrent::run([dir = m_vaultDir] { return core::vault::Vault(dir).readMapping(); }));
}

void UnmaskWindow::mappingRead() {
    const auto mapping = m_mapping.result();
    if (!mapping) {
        m_status->setText(tr("The local vault cannot be read: %1").arg(mapping.error().toString()));
        Q_EMIT unmasked(0, 0);
        return;
    }
    m_result = core::vault::unmaskText(m_input->toPlainText(), *mapping);
    showResult();
    Q_EMIT unmasked(static_cast<int>(m_result.replaced.size()),
                    static_cast<int>(m_result.unknown.size()));
}

void UnmaskWindow::showResult() {
    m_output->setPlainText(m_result.text);
    QTextCharFormat known;
    known.setBackground(categoryColor(core::scrub::Category::Person));
    QTextCharFormat unknown;
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
    unknown.setFontWeight(QFont::Bold);
    for (const auto& span : m_result.replaced) {
        known.setToolTip(tr("was %1").arg(span.pseudonym));
        mark(m_output, span, known);
    }
    for (const auto& span : m_result.unknown) {
        unknown.setToolTip(tr("not in this machine's vault"));
        mark(m_output, span, unknown);
    }
    QString text =
        tr("%n pseudonym(s) replaced", nullptr, static_cast<int>(m_result.replaced.size()));
    if (!m_result.unknown.isEmpty()) {
        QStringList names;
        for (const auto& span : m_result.unknown) {
            names.append(span.pseudonym);
        }
        names.removeDuplicates();
        text += tr("; %n unknown to this machine's vault (underlined): ", nullptr,
                   static_cast<int>(m_result.unknown.size())) +
                names.join(QStringLiteral(", "));
    }
    m_status->setText(text);
}

} // namespace supportzip::ui
