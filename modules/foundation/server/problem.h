#pragma once

#include "foundation/core/error.h"

#include <QHttpServerResponse>
#include <QJsonObject>

namespace nara::http {

// The one mapping from Error to HTTP: status code and an RFC 9457 application/problem+json body
// whose `type` is stable (https://nara.example/problems/<code>) and whose `detail` is for people.
QHttpServerResponder::StatusCode statusFor(ErrorCode code);
QHttpServerResponse problem(const Error &error);
QByteArray problemBody(const Error &error);

// A JSON answer with the right content type.
QHttpServerResponse json(const QJsonObject &body,
                         QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok);
QHttpServerResponse json(const QJsonArray &body,
                         QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok);

// Turns a controller's result into a response: the value as JSON, or the error as a problem.
template<typename T>
QHttpServerResponse respond(const Result<T> &result,
                            QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok)
{
    if (!result)
        return problem(result.error());
    return json(*result, status);
}

} // namespace nara::http
