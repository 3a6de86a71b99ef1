#pragma once

#include "foundation/core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace nara::sync {

// What the server answered with a 2xx status.
struct ApiReply
{
    int status = 0;
    QJsonObject json; // empty for 204 or a body that is not a JSON object
    QByteArray raw; // the body as received
};

// Where and as whom jobs talk to the server.
struct ApiEndpoint
{
    QUrl server; // http://host:port
    QString token; // bearer token; empty before login
    int timeoutMs = 15000;
};

// The base of every REST call the workstation makes (CONVENTIONS.md, Nextcloud's
// AbstractNetworkJob). It owns the bearer token, a fresh X-Request-Id, the Idempotency-Key when
// one is given, the timeout, a small number of retries for transport failures, and the mapping of
// problem+json answers to nara::Error. Subclasses only say what to send and (optionally) validate
// the answer. Jobs never touch widgets; they live on the thread of the QNetworkAccessManager
// passed in (one manager per thread) and delete themselves after finished() unless told not to.
//
// Errors: Error::details holds the problem+json body (so callers find e.g. "heldBy") and always
// "status": the HTTP status, 0 when no answer arrived (network failure or timeout).
class ApiJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)
public:
    ApiJob(QNetworkAccessManager *network, ApiEndpoint endpoint, QObject *parent = nullptr);
    ~ApiJob() override;

    void setIdempotencyKey(const QString &key) { m_idempotencyKey = key; }
    void setTimeoutMs(int ms) { m_endpoint.timeoutMs = ms; }
    // Attempts for transport failures (no answer, timeout, 502/503/504). Only safe for GETs and
    // for writes with an Idempotency-Key. Default 1: the caller decides about retries.
    void setMaxAttempts(int attempts) { m_maxAttempts = qMax(1, attempts); }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    QByteArray requestId() const { return m_requestId; }
    QString idempotencyKey() const { return m_idempotencyKey; }

    void start();
    // Cancels the request; finished() is emitted with Unavailable unless it already was.
    void abort();

    // The HTTP status of an error (0: no answer).
    static int errorStatus(const Error &error);
    // Maps a status and (possibly empty) problem+json body to an Error.
    static Error errorFromReply(int status, const QByteArray &body, const QString &fallback);

    // The outcome, valid once finished() was emitted. (Not a signal argument: QMetaType cannot
    // handle std::expected on GCC 12, whose operator== is unconstrained.)
    const Result<ApiReply> &result() const { return m_result; }

Q_SIGNALS:
    void finished();

protected:
    virtual QByteArray verb() const = 0;
    virtual QString path() const = 0;
    virtual QUrlQuery query() const { return {}; }
    virtual QByteArray body() const { return {}; }
    virtual QByteArray contentType() const { return QByteArrayLiteral("application/json"); }
    // Checks a 2xx answer; an error here becomes the job's result.
    virtual Result<void> validate(const ApiReply &) const { return {}; }

private:
    void send();
    void onReplyFinished();
    void onTimeout();
    void finish(Result<ApiReply> result);

    QPointer<QNetworkAccessManager> m_network;
    ApiEndpoint m_endpoint;
    QByteArray m_requestId;
    QString m_idempotencyKey;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_retry;
    int m_maxAttempts = 1;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_done = false;
    bool m_autoDelete = true;
    Result<ApiReply> m_result = fail(ErrorCode::Internal, QStringLiteral("Not finished"));
};

} // namespace nara::sync
