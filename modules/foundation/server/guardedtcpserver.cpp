#include "foundation/server/guardedtcpserver.h"

#include "foundation/core/error.h"
#include "foundation/server/problem.h"

#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nara::http {

namespace {

QByteArray plainAnswer(int status, const char *reason, const Error &error, const QByteArray &extraHeaders = {})
{
    const QByteArray body = problemBody(error);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/problem+json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
        + extraHeaders + "Connection: close\r\n\r\n" + body;
}

// Follows the requests on one connection: header bytes until the blank line, then Content-Length
// bytes of body, then the next request (keep-alive). Only peeks: QHttpServer reads after it.
class ConnectionInspector final : public QObject
{
public:
    ConnectionInspector(QTcpSocket *socket, const HttpLimits &limits, ConnectionGuard &guard)
        : QObject(socket)
        , m_socket(socket)
        , m_limits(limits)
        , m_guard(guard)
    {
        m_idle.setSingleShot(true);
        m_idle.setInterval(limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] { m_socket->abort(); });
        connect(socket, &QIODevice::bytesWritten, this, [this] {
            if (!m_passThrough)
                m_idle.start();
        });
        m_idle.start();
    }
    ~ConnectionInspector() override { releaseLargeBody(); }

    void onReadyRead()
    {
        if (m_passThrough)
            return;
        if (m_rejected) {
            m_socket->readAll(); // discard: QHttpServer must never see a refused request
            return;
        }
        m_idle.start();
        QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
        consume(fresh);
    }

private:
    void consume(QByteArray data)
    {
        while (!data.isEmpty() && !m_rejected && !m_passThrough) {
            if (m_bodyRemaining > 0) {
                const qint64 n = qMin<qint64>(m_bodyRemaining, data.size());
                m_bodyRemaining -= n;
                data.remove(0, n);
                if (m_bodyRemaining == 0)
                    releaseLargeBody(); // received whole: no longer counted
                continue;
            }
            const qsizetype before = m_header.size();
            m_header += data;
            const qsizetype end = m_header.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_header.size() > m_limits.maxHeaderBytes)
                    reject(431, "Request Header Fields Too Large",
                           Error{ErrorCode::InvalidInput, QStringLiteral("Request headers are too large."), {}});
                return;
            }
            if (end + 4 > m_limits.maxHeaderBytes) {
                reject(431, "Request Header Fields Too Large",
                       Error{ErrorCode::InvalidInput, QStringLiteral("Request headers are too large."), {}});
                return;
            }
            const QByteArray header = m_header.left(end);
            const qsizetype usedFromData = end + 4 - before;
            data.remove(0, usedFromData);
            m_header.clear();
            inspect(header);
        }
    }

    void inspect(const QByteArray &header)
    {
        const QList<QByteArray> lines = header.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QByteArray path = requestLine.value(1);
        if (const qsizetype q = path.indexOf('?'); q >= 0)
            path.truncate(q);
        qint64 contentLength = 0;
        bool chunked = false;
        bool upgrade = false;
        bool bearer = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0) {
                    reject(400, "Bad Request",
                           Error{ErrorCode::InvalidInput, QStringLiteral("Content-Length is not a number."), {}});
                    return;
                }
            } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                chunked = true;
            } else if (name == "upgrade" && value.toLower() == "websocket") {
                upgrade = true;
            } else if (name == "authorization") {
                bearer = value.size() > 7 && value.left(7).toLower() == "bearer ";
            }
        }
        if (chunked) {
            reject(411, "Length Required",
                   Error{ErrorCode::InvalidInput, QStringLiteral("Send the body with a Content-Length."), {}});
            return;
        }
        const qint64 limit = m_limits.bodyLimitFor(QString::fromLatin1(path));
        if (contentLength > limit) {
            reject(413, "Payload Too Large",
                   Error{ErrorCode::PayloadTooLarge,
                         QStringLiteral("The body has %1 bytes; this route accepts at most %2.")
                             .arg(contentLength)
                             .arg(limit),
                         {}});
            return;
        }
        if (contentLength > m_limits.defaultMaxBodyBytes) {
            // Large bodies (images) only from signed-in clients, and only so many at once: nobody
            // makes the server hold 20 MiB per connection without a token. The token itself is
            // checked by the route once the body is in.
            if (!bearer) {
                reject(
                    401, "Unauthorized",
                    Error{ErrorCode::Unauthenticated, QStringLiteral("Sign in before sending a body this large."), {}},
                    "WWW-Authenticate: Bearer\r\n");
                return;
            }
            if (!m_guard.tryAcquireLargeBody(m_limits.maxConcurrentLargeBodies)) {
                reject(503, "Service Unavailable",
                       Error{ErrorCode::Unavailable,
                             QStringLiteral("Too many large uploads at once; try again shortly."),
                             {}},
                       "Retry-After: 5\r\n");
                return;
            }
            m_holdsLargeBody = true;
        }
        if (upgrade) {
            // A WebSocket takes the socket over; it keeps itself alive with pings.
            m_passThrough = true;
            m_idle.stop();
            return;
        }
        m_bodyRemaining = contentLength;
    }

    void releaseLargeBody()
    {
        if (m_holdsLargeBody)
            m_guard.releaseLargeBody();
        m_holdsLargeBody = false;
    }

    void reject(int status, const char *reason, const Error &error, const QByteArray &extraHeaders = {})
    {
        releaseLargeBody();
        m_rejected = true;
        m_idle.stop();
        m_socket->readAll();
        m_socket->write(plainAnswer(status, reason, error, extraHeaders));
        m_socket->disconnectFromHost();
        // A client that keeps sending after the answer is cut off.
        QTimer::singleShot(2000, m_socket, [socket = QPointer<QTcpSocket>(m_socket)] {
            if (socket)
                socket->abort();
        });
    }

    QTcpSocket *m_socket;
    const HttpLimits &m_limits;
    ConnectionGuard &m_guard;
    QTimer m_idle;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    bool m_rejected = false;
    bool m_passThrough = false;
    bool m_holdsLargeBody = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(HttpLimits limits, ConnectionGuard &guard, std::optional<QSslConfiguration> tls,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_limits(std::move(limits))
    , m_guard(guard)
    , m_tls(std::move(tls))
{
}

bool GuardedTcpServer::listenShared(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc = -1;
    if (v6) {
        sockaddr_in6 sa{};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&sa.sin6_addr, &bytes, sizeof bytes);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    } else {
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QStringLiteral("Cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    if (!setSocketDescriptor(fd)) {
        *error = errorString();
        ::close(fd);
        return false;
    }
    return true;
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (!m_guard.tryAcquire(peer)) {
        socket->write(plainAnswer(
            429, "Too Many Requests",
            Error{ErrorCode::RateLimited, QStringLiteral("Too many open connections from this address."), {}}));
        socket->disconnectFromHost();
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    connect(socket, &QObject::destroyed, this, [guard = &m_guard, peer] { guard->release(peer); });
    auto *inspector = new ConnectionInspector(socket, m_limits, m_guard);
    // Connected first, so it runs before QHttpServer's own readyRead slot.
    connect(socket, &QIODevice::readyRead, inspector, &ConnectionInspector::onReadyRead);
    if (m_tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        ssl->setSslConfiguration(*m_tls);
        ssl->startServerEncryption();
    }
    addPendingConnection(socket);
}

} // namespace nara::http
