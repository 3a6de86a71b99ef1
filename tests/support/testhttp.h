#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

namespace nara::test {

struct HttpReply
{
    int status = 0; // 0: no answer (connection refused, reset, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
    QJsonArray jsonArray() const;
    QByteArray header(const QByteArray &name) const;
};

// Synchronous HTTP for tests (runs a local event loop).
class TestHttp
{
public:
    explicit TestHttp(QUrl base)
        : m_base(std::move(base))
    {
    }
    void setToken(const QByteArray &token) { m_token = token; }

    HttpReply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpReply post(const QString &path, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // POST with a fresh Idempotency-Key unless one is given in headers.
    HttpReply postJson(const QString &path, const QJsonObject &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs = 30000);

    // Logs in and remembers the token; returns it (empty on failure).
    QByteArray login(const QString &username, const QString &password = QStringLiteral("demo"));

private:
    QUrl m_base;
    QByteArray m_token;
};

// Sends raw bytes on a fresh TCP connection and returns what came back before the server closed
// (or `timeoutMs` passed). For oversized bodies, slow headers and other things QNetworkAccessManager
// will not send.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 10000, qint64 trailingBodyBytes = 0);

} // namespace nara::test
