#include "foundation/server/requestlog.h"

#include <QHttpServer>
#include <QLoggingCategory>
#include <QUuid>

namespace nara::http {

Q_LOGGING_CATEGORY(lcRequests, "nara.http.requests")

QByteArray requestIdFor(const QByteArray &clientValue)
{
    const bool sane = !clientValue.isEmpty() && clientValue.size() <= 64
        && std::all_of(clientValue.begin(), clientValue.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
           });
    return sane ? clientValue : QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

static QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    default: return "OTHER";
    }
}

void installRequestLog(QHttpServer &server, int workerIndex)
{
    server.afterRequest([workerIndex](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        const QByteArray id = requestIdFor(request.value("x-request-id"));
        response.setHeader("X-Request-Id", id);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Writes and failures at info; successful reads (sync polls, health checks: thousands a
        // minute) at debug, so logging does not halve what the server can answer.
        const int status = int(response.statusCode());
        const bool routine = request.method() == QHttpServerRequest::Method::Get && status < 400;
        if (routine ? lcRequests().isDebugEnabled() : lcRequests().isInfoEnabled()) {
            const QByteArray line = "w" + QByteArray::number(workerIndex) + ' ' + id + ' '
                + methodName(request.method()) + ' ' + request.url().path().toUtf8() + ' ' + QByteArray::number(status);
            if (routine)
                qCDebug(lcRequests, "%s", line.constData());
            else
                qCInfo(lcRequests, "%s", line.constData());
        }
        return std::move(response);
    });
}

} // namespace nara::http
