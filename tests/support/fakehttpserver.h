// SPDX-License-Identifier: GPL-3.0-or-later
// A small HTTP/1.1 server on 127.0.0.1 for delivery tests, running on its own thread so it keeps
// answering while the test thread blocks (a QProcess wait, a synchronous job). It parses
// Content-Length and chunked bodies and multipart/form-data, records every request, and lets the
// test script each answer, hang, drop the connection, or stop reading a body (backpressure).
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace supportzip::testing {

struct FakePart {
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray name, fileName, body;
};

struct FakeRequest {
    QByteArray method, target;            // target: path and query as sent
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool chunked = false;
    bool complete = false; // the whole body arrived
    QList<FakePart> parts; // multipart/form-data only

    QByteArray path() const { return target.split('?').first(); }
    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

struct FakeResponse {
    enum class Action { Respond, Hang, Drop };
    Action action = Action::Respond;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static FakeResponse json(int status, const QByteArray& body);
    void addHeader(const QByteArray& name, const QByteArray& value);
};

class FakeHttpServer final : public QObject {
    Q_OBJECT
public:
    // Called on the server thread for each complete request; must be thread-safe.
    using Handler = std::function<FakeResponse(const FakeRequest&)>;

    enum class Transport { Plain, Tls };
    // Tls: HTTPS with the self-signed test certificate of tests/support/tls (see tlsCaFile()).
    explicit FakeHttpServer(Transport transport = Transport::Plain);
    ~FakeHttpServer() override;
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

    QString baseUrl() const; // http://127.0.0.1:PORT, or https:// for Transport::Tls
    // The PEM certificate a client must trust to talk to a Tls server (its own, self-signed).
    static QString tlsCaFile();
    quint16 port() const { return m_port; }
    void setHandler(Handler handler);
    // Stop reading a request body after this many bytes (0: never stop).
    void setStallBodyAfter(qint64 bytes);

    // Requests received so far, in order; a request whose connection closed before its body
    // was complete is listed with complete == false.
    QList<FakeRequest> requests() const;
    int openConnections() const;

    // Internal, used by the connection objects on the server thread.
    FakeResponse handle(const FakeRequest& request);
    void record(const FakeRequest& request);
    qint64 stallAfter() const;
    void connectionOpened(int delta);

private:
    std::unique_ptr<QThread> m_thread;
    QObject* m_listener = nullptr; // lives on m_thread
    quint16 m_port = 0;
    Transport m_transport = Transport::Plain;
    mutable QMutex m_mutex;
    Handler m_handler;
    qint64 m_stallAfter = 0;
    QList<FakeRequest> m_requests;
    int m_open = 0;
};

// SHA-256 (hex) of data, for comparing what arrived with the file that was sent.
QString sha256Hex(const QByteArray& data);

} // namespace supportzip::testing
