#include "sync/core/apijob.h"

#include "foundation/core/ids.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace nara::sync {

namespace {

constexpr int kRetryDelayMs = 250;

ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 400: return ErrorCode::InvalidInput;
    case 401: return ErrorCode::Unauthenticated;
    case 403: return ErrorCode::Forbidden;
    case 404: return ErrorCode::NotFound;
    case 409: return ErrorCode::Conflict;
    case 410: return ErrorCode::Gone;
    case 413: return ErrorCode::PayloadTooLarge;
    case 429: return ErrorCode::RateLimited;
    case 408: return ErrorCode::Unavailable;
    default: break;
    }
    if (status == 0 || status >= 500)
        return ErrorCode::Unavailable;
    return ErrorCode::InvalidInput; // any other 4xx: the request was wrong
}

bool transient(int status)
{
    return status == 0 || status == 502 || status == 503 || status == 504;
}

} // namespace

ApiJob::ApiJob(QNetworkAccessManager *network, ApiEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_requestId(newId().toLatin1())
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ApiJob::onTimeout);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ApiJob::send);
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

int ApiJob::errorStatus(const Error &error)
{
    return error.details.value(QStringLiteral("status")).toInt(0);
}

Error ApiJob::errorFromReply(int status, const QByteArray &body, const QString &fallback)
{
    Error error{codeForStatus(status), fallback, {}};
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        // problem+json (RFC 9457): title and detail are for people, the rest for code.
        error.details = document.object();
        const QString title = error.details.value(QStringLiteral("title")).toString();
        const QString detail = error.details.value(QStringLiteral("detail")).toString();
        if (!title.isEmpty() || !detail.isEmpty())
            error.message = detail.isEmpty() ? title : (title.isEmpty() ? detail : title + u": " + detail);
    }
    error.details.insert(QStringLiteral("status"), status);
    return error;
}

void ApiJob::start()
{
    m_attempt = 0;
    send();
}

void ApiJob::send()
{
    if (m_done)
        return;
    if (!m_network) {
        finish(fail(ErrorCode::Internal, QStringLiteral("No network access manager")));
        return;
    }
    ++m_attempt;
    m_timedOut = false;

    QUrl url = m_endpoint.server;
    url.setPath(path());
    const QUrlQuery q = query();
    if (!q.isEmpty())
        url.setQuery(q);

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-Request-Id", m_requestId);
    if (!m_endpoint.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.token.toLatin1());
    if (!m_idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", m_idempotencyKey.toLatin1());
    // Our own timer decides; Qt's transfer timeout would report another error code.
    request.setTransferTimeout(0);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    const QByteArray method = verb();
    const QByteArray payload = body();
    if (method != "GET" && method != "DELETE")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType());
    m_reply = m_network->sendCustomRequest(request, method, payload);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    if (m_endpoint.timeoutMs > 0)
        m_timeout.start(m_endpoint.timeoutMs);
}

void ApiJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // emits finished → onReplyFinished
}

void ApiJob::abort()
{
    m_retry.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    m_timeout.stop();
    finish(
        fail(ErrorCode::Unavailable, QStringLiteral("Request cancelled"), QJsonObject{{QStringLiteral("status"), 0}}));
}

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_timeout.stop();
    if (!reply)
        return;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->isOpen() ? reply->readAll() : QByteArray();

    Result<ApiReply> result;
    if (status >= 200 && status < 300) {
        ApiReply answer{status, {}, raw};
        const QJsonDocument document = QJsonDocument::fromJson(raw);
        if (document.isObject())
            answer.json = document.object();
        if (auto valid = validate(answer); !valid)
            result = fail(valid.error());
        else
            result = std::move(answer);
    } else if (status == 0) {
        // No HTTP answer: name the failure, never the URL (it may carry a token).
        const QString what = m_timedOut ? QStringLiteral("No answer within %1 ms").arg(m_endpoint.timeoutMs)
                                        : QStringLiteral("Network error %1").arg(int(reply->error()));
        result = fail(errorFromReply(0, {}, what));
    } else {
        result = fail(errorFromReply(status, raw, QStringLiteral("HTTP %1").arg(status)));
    }

    if (!result && transient(errorStatus(result.error())) && m_attempt < m_maxAttempts) {
        m_retry.start(kRetryDelayMs << qMin(m_attempt - 1, 6));
        return;
    }
    finish(std::move(result));
}

void ApiJob::finish(Result<ApiReply> result)
{
    if (m_done)
        return;
    m_done = true;
    m_result = std::move(result);
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace nara::sync
