// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only, sequential QIODevice that inflates a gzip file (rotated logs such as
// atlassian-jira.log.3.gz) with bounded memory. Concatenated gzip members are read through.
#pragma once

#include <QFile>
#include <QIODevice>

#include <memory>

namespace supportzip::core::collect {

class GzipReader final : public QIODevice {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GzipReader)
public:
    explicit GzipReader(const QString& path);
    ~GzipReader() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }
    bool atEnd() const override;
    qint64 compressedBytesRead() const;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    struct State;
    QFile m_file;
    std::unique_ptr<State> m_state;
};

} // namespace supportzip::core::collect
