#pragma once

#include "foundation/core/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace nara::json {

// Validation of JSON bodies from outside (HTTP requests, the server's answers on the workstation).
// Every accessor checks presence, type and bounds, and names the field in its error message.

Result<QJsonObject> parseObject(const QByteArray &body);

Result<QString> requiredString(const QJsonObject &object, const QString &key, qsizetype maxLength,
                               qsizetype minLength = 1);
Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &key, qsizetype maxLength);
Result<qint64> requiredInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max);
Result<std::optional<qint64>> optionalInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max);
Result<bool> requiredBool(const QJsonObject &object, const QString &key);
Result<std::optional<bool>> optionalBool(const QJsonObject &object, const QString &key);
// A string that must be one of the allowed values.
Result<QString> requiredEnum(const QJsonObject &object, const QString &key, const QStringList &allowed);
Result<QJsonArray> requiredArray(const QJsonObject &object, const QString &key, qsizetype maxItems);

QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);

} // namespace nara::json
