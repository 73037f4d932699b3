// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"

#include <QCryptographicHash>
#include <QMutexLocker>
#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace supportzip::testing {
namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray headerParameter(const QByteArray& header, const QByteArray& name) {
    for (const QByteArray& piece : header.split(';')) {
        const QByteArray p = piece.trimmed();
        if (p.startsWith(QByteArray(name + '='))) {
            QByteArray v = p.mid(name.size() + 1);
            if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2) {
                v = v.mid(1, v.size() - 2);
            }
            return v;
        }
    }
    return {};
}

QMap<QByteArray, QByteArray> parseHeaderLines(const QList<QByteArray>& lines) {
    QMap<QByteArray, QByteArray> headers;
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    return headers;
}

QList<FakePart> parseMultipart(const QByteArray& body, const QByteArray& boundary) {
    QList<FakePart> parts;
    const QByteArray delimiter = QByteArray("--" + boundary);
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        const qsizetype start = pos + delimiter.size();
        if (body.mid(start, 2) == "--") {
            break; // closing delimiter
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), start);
        if (next < 0) {
            break;
        }
        const QByteArray raw = body.mid(start + 2, next - start - 2); // after the CRLF
        const qsizetype split = raw.indexOf("\r\n\r\n");
        FakePart part;
        part.headers = parseHeaderLines(raw.left(split).split('\n'));
        part.body = raw.mid(split + 4);
        const QByteArray disposition = part.headers.value("content-disposition");
        part.name = headerParameter(disposition, "name");
        part.fileName = headerParameter(disposition, "filename");
        parts << part;
        pos = next + 2;
    }
    return parts;
}

// One client connection; parses requests one after another (keep-alive).
class Connection final : public QObject {
public:
    Connection(QTcpSocket* socket, FakeHttpServer* server)
        : m_socket(socket)
        , m_server(server) {
        socket->setParent(this);
        socket->setReadBufferSize(64 * 1024); // so that not reading pushes back on the client
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { onDisconnected(); });
        m_server->connectionOpened(1);
    }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, Trailer, Idle };

    void onReadyRead() {
        if (m_stalled || m_state == State::Idle) {
            return;
        }
        m_buffer += m_socket->readAll();
        while (step()) {
        }
    }

    void onDisconnected() {
        if (m_state != State::Head && m_state != State::Idle && !m_request.complete) {
            m_server->record(m_request);
        }
        m_server->connectionOpened(-1);
        deleteLater();
    }

    // Consumes what it can; returns true while progress is possible.
    bool step() {
        switch (m_state) {
        case State::Head:
            return readHead();
        case State::Body: {
            const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
            appendBody(take);
            m_remaining -= take;
            if (m_remaining == 0) {
                return finish();
            }
            return false;
        }
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                return false;
            }
            bool ok = false;
            m_remaining = m_buffer.left(eol).split(';').first().trimmed().toLongLong(&ok, 16);
            m_buffer.remove(0, eol + 2);
            m_state = m_remaining == 0 ? State::Trailer : State::ChunkData;
            return ok;
        }
        case State::ChunkData: {
            if (m_buffer.size() < m_remaining + 2) {
                const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
                appendBody(take);
                m_remaining -= take;
                return false;
            }
            appendBody(m_remaining);
            m_buffer.remove(0, 2);
            m_state = State::ChunkSize;
            return !m_stalled;
        }
        case State::Trailer: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                return false;
            }
            m_buffer.remove(0, eol + 2);
            return eol == 0 ? finish() : true;
        }
        case State::Idle:
            return false;
        }
        return false;
    }

    bool readHead() {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.takeFirst().trimmed().split(' ');
        m_request = {};
        m_request.method = requestLine.value(0);
        m_request.target = requestLine.value(1);
        m_request.headers = parseHeaderLines(lines);
        m_request.chunked = m_request.header("transfer-encoding").toLower().contains("chunked");
        m_remaining = m_request.header("content-length").toLongLong();
        if (m_request.chunked) {
            m_state = State::ChunkSize;
            return true;
        }
        if (m_remaining > 0) {
            m_state = State::Body;
            return true;
        }
        return finish();
    }

    void appendBody(qint64 bytes) {
        m_request.body += m_buffer.left(bytes);
        m_buffer.remove(0, bytes);
        const qint64 stall = m_server->stallAfter();
        m_stalled = stall > 0 && m_request.body.size() >= stall;
    }

    bool finish() {
        m_request.complete = true;
        const QByteArray type = m_request.header("content-type");
        if (type.startsWith("multipart/")) {
            m_request.parts = parseMultipart(m_request.body, headerParameter(type, "boundary"));
        }
        m_server->record(m_request);
        const FakeResponse response = m_server->handle(m_request);
        m_state = State::Head;
        if (response.action == FakeResponse::Action::Drop) {
            m_state = State::Idle;
            m_socket->abort();
            return false;
        }
        if (response.action == FakeResponse::Action::Hang) {
            m_state = State::Idle;
            return false;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         reasonPhrase(response.status) + "\r\n";
        for (const auto& [name, value] : response.headers) {
            out += name + ": " + value + "\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        out += response.body;
        m_socket->write(out);
        return !m_buffer.isEmpty();
    }

    QTcpSocket* m_socket;
    FakeHttpServer* m_server;
    QByteArray m_buffer;
    FakeRequest m_request;
    State m_state = State::Head;
    qint64 m_remaining = 0;
    bool m_stalled = false;
};

} // namespace

FakeResponse FakeResponse::json(int status, const QByteArray& body) {
    FakeResponse r;
    r.status = status;
    r.addHeader("Content-Type", "application/json");
    r.body = body;
    return r;
}

QString FakeHttpServer::tlsCaFile() {
    return QStringLiteral(SUPPORTZIP_TEST_TLS_DIR "/test-server.crt");
}

namespace {

QTcpServer* makeListener(FakeHttpServer::Transport transport, QObject* parent) {
    if (transport == FakeHttpServer::Transport::Plain) {
        return new QTcpServer(parent);
    }
    auto* server = new QSslServer(parent);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    QFile cert(FakeHttpServer::tlsCaFile());
    QFile key(QStringLiteral(SUPPORTZIP_TEST_TLS_DIR "/test-server.key"));
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        qFatal("test TLS certificate or key missing");
    }
    tls.setLocalCertificate(QSslCertificate(cert.readAll(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
    server->setSslConfiguration(tls);
    return server;
}

} // namespace

FakeHttpServer::FakeHttpServer(Transport transport)
    : m_thread(std::make_unique<QThread>())
    , m_transport(transport) {
    m_thread->start();
    m_listener = new QObject;
    m_listener->moveToThread(m_thread.get());
    QMetaObject::invokeMethod(
        m_listener,
        [this] {
            QTcpServer* server = makeListener(m_transport, m_listener);
            server->listen(QHostAddress::LocalHost, 0);
            m_port = server->serverPort();
            // A TLS connection becomes pending only once its handshake is done, which
            // pendingConnectionAvailable() announces (newConnection() comes before it).
            const auto accept = [this, server] {
                while (QTcpSocket* socket = server->nextPendingConnection()) {
                    (new Connection(socket, this))->setParent(m_listener);
                }
            };
            connect(server, &QTcpServer::newConnection, server, accept);
            connect(server, &QTcpServer::pendingConnectionAvailable, server, accept);
        },
        Qt::BlockingQueuedConnection);
}

FakeHttpServer::~FakeHttpServer() {
    QMetaObject::invokeMethod(
        m_listener, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void FakeResponse::addHeader(const QByteArray& name, const QByteArray& value) {
    headers.append(std::pair(name, value));
}

QString FakeHttpServer::baseUrl() const {
    return (m_transport == Transport::Tls ? QStringLiteral("https://127.0.0.1:%1")
                                          : QStringLiteral("http://127.0.0.1:%1"))
        .arg(m_port);
}

void FakeHttpServer::setHandler(Handler handler) {
    QMutexLocker lock(&m_mutex);
    m_handler = std::move(handler);
}

void FakeHttpServer::setStallBodyAfter(qint64 bytes) {
    QMutexLocker lock(&m_mutex);
    m_stallAfter = bytes;
}

QList<FakeRequest> FakeHttpServer::requests() const {
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakeHttpServer::openConnections() const {
    QMutexLocker lock(&m_mutex);
    return m_open;
}

FakeResponse FakeHttpServer::handle(const FakeRequest& request) {
    Handler handler;
    {
        QMutexLocker lock(&m_mutex);
        handler = m_handler;
    }
    return handler ? handler(request) : FakeResponse::json(404, "{}");
}

void FakeHttpServer::record(const FakeRequest& request) {
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

qint64 FakeHttpServer::stallAfter() const {
    QMutexLocker lock(&m_mutex);
    return m_stallAfter;
}

void FakeHttpServer::connectionOpened(int delta) {
    QMutexLocker lock(&m_mutex);
    m_open += delta;
}

QString sha256Hex(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace supportzip::testing
