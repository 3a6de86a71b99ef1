#include "foundation/core/json.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace nara::json {

namespace {

std::unexpected<Error> invalid(const QString &message)
{
    return fail(ErrorCode::InvalidInput, message);
}

} // namespace

Result<QJsonObject> parseObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return invalid(QStringLiteral("Request body is empty; a JSON object is expected."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(
            QStringLiteral("Malformed JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("A JSON object is expected."));
    return document.object();
}

Result<QString> requiredString(const QJsonObject &object, const QString &key, qsizetype maxLength, qsizetype minLength)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return invalid(QStringLiteral("Field '%1' is required.").arg(key));
    if (!value.isString())
        return invalid(QStringLiteral("Field '%1' must be a string.").arg(key));
    const QString text = value.toString();
    if (text.trimmed().size() < minLength)
        return invalid(QStringLiteral("Field '%1' must have at least %2 characters.").arg(key).arg(minLength));
    if (text.size() > maxLength)
        return invalid(QStringLiteral("Field '%1' is longer than %2 characters.").arg(key).arg(maxLength));
    return text;
}

Result<std::optional<QString>> optionalString(const QJsonObject &object, const QString &key, qsizetype maxLength)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>{};
    auto text = requiredString(object, key, maxLength, 0);
    if (!text)
        return fail(text.error());
    return std::optional<QString>{*text};
}

Result<qint64> requiredInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return invalid(QStringLiteral("Field '%1' is required.").arg(key));
    if (!value.isDouble())
        return invalid(QStringLiteral("Field '%1' must be a number.").arg(key));
    const double number = value.toDouble();
    if (std::trunc(number) != number)
        return invalid(QStringLiteral("Field '%1' must be a whole number.").arg(key));
    if (number < double(min) || number > double(max))
        return invalid(QStringLiteral("Field '%1' must be between %2 and %3.").arg(key).arg(min).arg(max));
    return qint64(number);
}

Result<std::optional<qint64>> optionalInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>{};
    auto number = requiredInteger(object, key, min, max);
    if (!number)
        return fail(number.error());
    return std::optional<qint64>{*number};
}

Result<bool> requiredBool(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return invalid(QStringLiteral("Field '%1' is required.").arg(key));
    if (!value.isBool())
        return invalid(QStringLiteral("Field '%1' must be true or false.").arg(key));
    return value.toBool();
}

Result<std::optional<bool>> optionalBool(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>{};
    auto flag = requiredBool(object, key);
    if (!flag)
        return fail(flag.error());
    return std::optional<bool>{*flag};
}

Result<QString> requiredEnum(const QJsonObject &object, const QString &key, const QStringList &allowed)
{
    auto text = requiredString(object, key, 64);
    if (!text)
        return text;
    if (!allowed.contains(*text))
        return invalid(QStringLiteral("Field '%1' must be one of: %2.").arg(key, allowed.join(QStringLiteral(", "))));
    return text;
}

Result<QJsonArray> requiredArray(const QJsonObject &object, const QString &key, qsizetype maxItems)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return invalid(QStringLiteral("Field '%1' is required.").arg(key));
    if (!value.isArray())
        return invalid(QStringLiteral("Field '%1' must be an array.").arg(key));
    const QJsonArray array = value.toArray();
    if (array.size() > maxItems)
        return invalid(QStringLiteral("Field '%1' has more than %2 items.").arg(key).arg(maxItems));
    return array;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace nara::json
