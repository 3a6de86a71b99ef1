#include "foundation/server/problem.h"

#include <QJsonDocument>

namespace nara::http {

using StatusCode = QHttpServerResponder::StatusCode;

StatusCode statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return StatusCode::BadRequest;
    case ErrorCode::Unauthenticated: return StatusCode::Unauthorized;
    case ErrorCode::Forbidden: return StatusCode::Forbidden;
    case ErrorCode::NotFound: return StatusCode::NotFound;
    case ErrorCode::Conflict: return StatusCode::Conflict;
    case ErrorCode::Gone: return StatusCode::Gone;
    case ErrorCode::PayloadTooLarge: return StatusCode::PayloadTooLarge;
    case ErrorCode::RateLimited: return StatusCode::TooManyRequests;
    case ErrorCode::Unavailable: return StatusCode::ServiceUnavailable;
    case ErrorCode::Storage:
    case ErrorCode::Internal: return StatusCode::InternalServerError;
    }
    return StatusCode::InternalServerError;
}

static QString titleFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return QStringLiteral("Invalid request");
    case ErrorCode::Unauthenticated: return QStringLiteral("Not signed in");
    case ErrorCode::Forbidden: return QStringLiteral("Not allowed");
    case ErrorCode::NotFound: return QStringLiteral("Not found");
    case ErrorCode::Conflict: return QStringLiteral("Conflict");
    case ErrorCode::Gone: return QStringLiteral("Gone");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("Payload too large");
    case ErrorCode::RateLimited: return QStringLiteral("Too many requests");
    case ErrorCode::Unavailable: return QStringLiteral("Service unavailable");
    case ErrorCode::Storage: return QStringLiteral("Storage error");
    case ErrorCode::Internal: return QStringLiteral("Internal error");
    }
    return QStringLiteral("Internal error");
}

QByteArray problemBody(const Error &error)
{
    QJsonObject body = error.details;
    body.insert(QStringLiteral("type"),
                QString(QStringLiteral("https://nara.example/problems/") + errorCodeName(error.code)));
    body.insert(QStringLiteral("title"), titleFor(error.code));
    body.insert(QStringLiteral("status"), int(statusFor(error.code)));
    // Storage and internal errors carry driver text: people get a generic detail.
    const bool internal = error.code == ErrorCode::Storage || error.code == ErrorCode::Internal;
    body.insert(QStringLiteral("detail"),
                internal ? QStringLiteral("The server could not complete the request.") : error.message);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QHttpServerResponse problem(const Error &error)
{
    if (error.code == ErrorCode::Storage || error.code == ErrorCode::Internal)
        qWarning("server error (%s): %s", qPrintable(errorCodeName(error.code)), qPrintable(error.message));
    return QHttpServerResponse(QByteArrayLiteral("application/problem+json"), problemBody(error),
                               statusFor(error.code));
}

QHttpServerResponse json(const QJsonObject &body, StatusCode status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse json(const QJsonArray &body, StatusCode status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

} // namespace nara::http
