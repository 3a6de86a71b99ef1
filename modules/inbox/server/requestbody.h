#pragma once

#include "foundation/core/error.h"
#include "foundation/core/json.h"

#include <QHttpServerRequest>

namespace nara::http {

// The request's JSON object; an empty body counts as {} for actions that need no fields.
inline Result<QJsonObject> objectBody(const QHttpServerRequest &request)
{
    if (request.body().trimmed().isEmpty())
        return QJsonObject{};
    return json::parseObject(request.body());
}

} // namespace nara::http
