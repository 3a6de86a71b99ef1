#include "forms/core/questionnaireresponse.h"

#include "forms/core/questionnaire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nara::forms {

namespace {

std::unexpected<Error> invalid(const QString &where, const QString &what)
{
    return fail(ErrorCode::InvalidInput, u"QuestionnaireResponse " + where + u": " + what);
}

QString valueKey(ItemType type)
{
    switch (type) {
    case ItemType::Boolean: return u"valueBoolean"_s;
    case ItemType::Choice: return u"valueCoding"_s;
    case ItemType::Integer: return u"valueInteger"_s;
    case ItemType::Decimal: return u"valueDecimal"_s;
    case ItemType::String: return u"valueString"_s;
    case ItemType::Group:
    case ItemType::Display: break;
    }
    return {};
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

Result<AnswerValue> answerValue(const QJsonObject &answer, const QuestionnaireItem &item, const QString &where)
{
    QStringList keys;
    for (auto it = answer.begin(); it != answer.end(); ++it)
        if (it.key().startsWith(u"value"))
            keys.append(it.key());
    if (keys.size() != 1)
        return invalid(where, QStringLiteral("an answer needs exactly one value[x]"));
    const QString expected = valueKey(item.type);
    if (keys.first() != expected)
        return invalid(
            where, u"wrong value type " + keys.first() + u", a " + toString(item.type) + u" item takes " + expected);
    const QJsonValue value = answer.value(expected);
    const auto checkBounds = [&](double candidate) -> Result<void> {
        if (!std::isfinite(candidate))
            return invalid(where, QStringLiteral("not a finite number"));
        if (item.minValue && candidate < *item.minValue)
            return invalid(where, number(candidate) + u" is below the minimum " + number(*item.minValue));
        if (item.maxValue && candidate > *item.maxValue)
            return invalid(where, number(candidate) + u" is above the maximum " + number(*item.maxValue));
        return {};
    };
    switch (item.type) {
    case ItemType::Boolean:
        if (!value.isBool())
            return invalid(where, QStringLiteral("valueBoolean must be true or false"));
        return AnswerValue{value.toBool()};
    case ItemType::Choice: {
        const QString code = value.toObject().value(u"code").toString();
        if (!item.option(code))
            return invalid(where, u"code '" + code + u"' is not one of the item's options");
        return AnswerValue{Coding{code}};
    }
    case ItemType::Integer: {
        const double n = value.toDouble(std::nan(""));
        if (!value.isDouble() || n != std::floor(n) || std::abs(n) > 9.0e15)
            return invalid(where, QStringLiteral("valueInteger must be a whole number"));
        if (auto bounds = checkBounds(n); !bounds)
            return fail(bounds.error());
        return AnswerValue{static_cast<qint64>(n)};
    }
    case ItemType::Decimal: {
        if (!value.isDouble())
            return invalid(where, QStringLiteral("valueDecimal must be a number"));
        if (auto bounds = checkBounds(value.toDouble()); !bounds)
            return fail(bounds.error());
        return AnswerValue{value.toDouble()};
    }
    case ItemType::String: {
        const QString text = value.toString().trimmed();
        if (!value.isString() || text.isEmpty())
            return invalid(where, QStringLiteral("valueString must be a non-empty string"));
        if (text.size() > item.maxLength.value_or(4000))
            return invalid(where, QStringLiteral("valueString is too long"));
        return AnswerValue{text};
    }
    case ItemType::Group:
    case ItemType::Display: break;
    }
    return invalid(where, QStringLiteral("this item takes no answers"));
}

// Reads `items` of the response, which must be items of `allowed` (the questionnaire's top level
// or a group's children), into `answers`.
Result<void> readItems(const QJsonValue &json, const std::vector<QuestionnaireItem> &allowed, const QString &path,
                       Answers &answers, QSet<QString> &seen)
{
    if (!json.isArray())
        return invalid(path, QStringLiteral("item must be an array"));
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString where = path + u"item[" + QString::number(i) + u']';
        if (!array.at(i).isObject())
            return invalid(where, QStringLiteral("must be an object"));
        const QJsonObject entry = array.at(i).toObject();
        const QString linkId = entry.value(u"linkId").toString();
        where += u" (" + linkId + u')';
        const auto item = std::find_if(allowed.begin(), allowed.end(),
                                       [&](const QuestionnaireItem &candidate) { return candidate.linkId == linkId; });
        if (item == allowed.end())
            return invalid(where, QStringLiteral("unknown linkId (or not in this group)"));
        if (seen.contains(linkId))
            return invalid(where, QStringLiteral("linkId answered twice"));
        seen.insert(linkId);
        if (item->type == ItemType::Group) {
            if (entry.contains(u"answer"))
                return invalid(where, QStringLiteral("a group takes no answers"));
            if (auto children = readItems(entry.value(u"item"), item->items, where + u'.', answers, seen); !children)
                return children;
            continue;
        }
        if (entry.contains(u"item"))
            return invalid(where, QStringLiteral("only groups have nested items"));
        const QJsonValue answerJson = entry.value(u"answer");
        if (answerJson.isUndefined())
            continue; // an item listed without an answer is not answered
        if (!answerJson.isArray())
            return invalid(where, QStringLiteral("answer must be an array"));
        const QJsonArray answerArray = answerJson.toArray();
        if (!answerArray.isEmpty() && item->type == ItemType::Display)
            return invalid(where, QStringLiteral("a display item takes no answers"));
        if (answerArray.size() > 1)
            return invalid(where, QStringLiteral("more than one answer to an item that does not repeat"));
        if (answerArray.isEmpty())
            continue;
        auto value = answerValue(answerArray.first().toObject(), *item, where);
        if (!value)
            return fail(value.error());
        answers.insert(linkId, *value);
    }
    return {};
}

} // namespace

Result<QuestionnaireResponse> QuestionnaireResponse::fromJson(const QByteArray &json,
                                                              const Questionnaire &questionnaire)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QString(), u"not valid JSON: " + error.errorString());
    if (!document.isObject())
        return invalid(QString(), QStringLiteral("not a JSON object"));
    return fromJson(document.object(), questionnaire);
}

Result<QuestionnaireResponse> QuestionnaireResponse::fromJson(const QJsonObject &json,
                                                              const Questionnaire &questionnaire)
{
    if (json.value(u"resourceType").toString() != u"QuestionnaireResponse")
        return invalid(QString(), QStringLiteral("resourceType must be 'QuestionnaireResponse'"));
    QuestionnaireResponse response;
    response.m_questionnaire = json.value(u"questionnaire").toString();
    // The canonical may carry a version: url|version.
    const QString url = response.m_questionnaire.section(u'|', 0, 0);
    const QString version = response.m_questionnaire.section(u'|', 1);
    if (url != questionnaire.url() || (!version.isEmpty() && version != questionnaire.version()))
        return invalid(QString(), u"answers '" + response.m_questionnaire + u"', not " + questionnaire.url());
    if (json.value(u"status").toString() != u"completed")
        return invalid(QString(), QStringLiteral("status must be 'completed'"));

    QSet<QString> seen;
    if (json.contains(u"item")) {
        if (auto read = readItems(json.value(u"item"), questionnaire.items(), QString(), response.m_answers, seen);
            !read)
            return fail(read.error());
    }

    const QSet<QString> enabled = enabledItems(questionnaire, response.m_answers);
    for (const QuestionnaireItem *item : questionnaire.allItems()) {
        const bool answered = response.m_answers.contains(item->linkId);
        if (answered && !enabled.contains(item->linkId))
            return invalid(item->linkId, QStringLiteral("answered, but the item is not enabled by its enableWhen"));
        if (item->required && !answered && enabled.contains(item->linkId))
            return invalid(item->linkId, QStringLiteral("required item is not answered"));
    }
    return response;
}

std::optional<AnswerValue> QuestionnaireResponse::answer(const QString &linkId) const
{
    const auto found = m_answers.constFind(linkId);
    if (found == m_answers.constEnd())
        return std::nullopt;
    return *found;
}

std::optional<qint64> QuestionnaireResponse::integerAnswer(const QString &linkId) const
{
    const auto value = answer(linkId);
    if (!value || !std::holds_alternative<qint64>(*value))
        return std::nullopt;
    return std::get<qint64>(*value);
}

std::optional<double> QuestionnaireResponse::decimalAnswer(const QString &linkId) const
{
    const auto value = answer(linkId);
    if (!value || !std::holds_alternative<double>(*value))
        return std::nullopt;
    return std::get<double>(*value);
}

std::optional<QString> QuestionnaireResponse::codeAnswer(const QString &linkId) const
{
    const auto value = answer(linkId);
    if (!value || !std::holds_alternative<Coding>(*value))
        return std::nullopt;
    return std::get<Coding>(*value).code;
}

} // namespace nara::forms
