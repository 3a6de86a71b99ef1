#pragma once

#include "foundation/server/connectionguard.h"
#include "foundation/server/httplimits.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace nara::http {

// The QTcpServer handed to QHttpServer::bind(). QtHttpServer 6.4 has no limits of its own, so
// every accepted socket first passes through an inspector whose readyRead slot is connected before
// QHttpServer's: it sees each request's headers, refuses oversized headers (431), bodies over the
// route's limit (413) and chunked uploads (411) before any body is buffered, as well as a body over
// the default limit without a Bearer token (401) or beyond HttpLimits::maxConcurrentLargeBodies
// being received at once (503), closes idle
// connections and caps connections per address. With a TLS configuration the sockets are
// QSslSockets and the inspector sees the decrypted bytes.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)
public:
    GuardedTcpServer(HttpLimits limits, ConnectionGuard &guard, std::optional<QSslConfiguration> tls,
                     QObject *parent = nullptr);

    // Listens on address:port with SO_REUSEPORT, so every worker can listen on the same port.
    bool listenShared(const QHostAddress &address, quint16 port, QString *error);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    ConnectionGuard &m_guard;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace nara::http
