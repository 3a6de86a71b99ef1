#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace nara::test {

// A tiny HTTP/1.1 server in the test: records each request and answers what the test says
// (or nothing at all, to test timeouts).
class FakeServer final : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        bool hang = false;
    };
    std::function<Response(const Request &)> handler = [](const Request &) {
        return Response{};
    };
    QList<Request> requests;

    FakeServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.clear();
        requests.append(request);
        const Response response = handler(request);
        if (response.hang)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
        out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += "Connection: close\r\n\r\n" + response.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A problem+json body as the server sends it.
inline QByteArray problem(const QString &code, int status, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("type"), QString(QStringLiteral("https://nara.example/problems/") + code));
    extra.insert(QStringLiteral("title"), QString(QStringLiteral("Title ") + code));
    extra.insert(QStringLiteral("status"), status);
    extra.insert(QStringLiteral("detail"), QStringLiteral("Detail"));
    return QJsonDocument(extra).toJson(QJsonDocument::Compact);
}

} // namespace nara::test
