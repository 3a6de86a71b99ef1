#include "testhttp.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace nara::test {

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpReply::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpReply TestHttp::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

HttpReply TestHttp::post(const QString &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, headers);
}

HttpReply TestHttp::postJson(const QString &path, const QJsonObject &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto all = headers;
    bool hasKey = false;
    for (const auto &header : headers)
        hasKey = hasKey || header.first.compare("Idempotency-Key", Qt::CaseInsensitive) == 0;
    if (!hasKey)
        all.append({"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), all);
}

HttpReply TestHttp::send(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkAccessManager manager;
    QUrl url = m_base;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    if (!reply->isFinished()) {
        reply->abort();
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
    }
    reply->deleteLater();
    return result;
}

QByteArray TestHttp::login(const QString &username, const QString &password)
{
    const HttpReply reply = postJson(QStringLiteral("/api/v1/auth/login"),
                                     {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    m_token = reply.status == 200 ? reply.json().value(QStringLiteral("token")).toString().toUtf8() : QByteArray();
    return m_token;
}

QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs, qint64 trailingBodyBytes)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    // Stream the body in chunks, as a real client would, until the server answers or hangs up.
    QByteArray chunk(64 * 1024, 'x');
    qint64 sent = 0;
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (sent < trailingBodyBytes && socket.state() == QAbstractSocket::ConnectedState) {
            const qint64 n = qMin<qint64>(chunk.size(), trailingBodyBytes - sent);
            socket.write(chunk.constData(), n);
            sent += n;
            socket.waitForBytesWritten(100);
        }
        if (socket.waitForReadyRead(50))
            answer += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            break;
        if (!answer.isEmpty() && sent >= trailingBodyBytes && answer.contains("\r\n\r\n")) {
            // Give the server a moment to finish the body of its answer.
            socket.waitForReadyRead(200);
            answer += socket.readAll();
            break;
        }
    }
    answer += socket.readAll();
    return answer;
}

} // namespace nara::test
