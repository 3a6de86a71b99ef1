#include "forms/core/formrequest.h"

namespace nara::forms {

namespace {

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QString toString(FormRequest::State state)
{
    switch (state) {
    case FormRequest::State::Pending: return QStringLiteral("pending");
    case FormRequest::State::Answered: return QStringLiteral("answered");
    case FormRequest::State::Overdue: return QStringLiteral("overdue");
    case FormRequest::State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<FormRequest::State> formStateFromString(QStringView text)
{
    for (auto state : {FormRequest::State::Pending, FormRequest::State::Answered, FormRequest::State::Overdue,
                       FormRequest::State::Cancelled})
        if (text == toString(state))
            return state;
    return std::nullopt;
}

QJsonObject FormRequest::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), version},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("questionnaireId"), questionnaireId},
        {QStringLiteral("title"), title},
        {QStringLiteral("seriesId"), seriesId},
        {QStringLiteral("occasion"), occasion},
        {QStringLiteral("occasions"), occasions},
        {QStringLiteral("availableAt"), availableAt},
        {QStringLiteral("dueAt"), dueAt},
        {QStringLiteral("state"), toString(state)},
        {QStringLiteral("itemId"), nullIfEmpty(itemId)},
        {QStringLiteral("responseId"), nullIfEmpty(responseId)},
        {QStringLiteral("sentBy"), sentBy},
        {QStringLiteral("sentAt"), sentAt},
        {QStringLiteral("answeredAt"), answeredAt},
    };
}

QJsonObject FormRequest::portalJson() const
{
    return {
        {QStringLiteral("requestId"), id}, {QStringLiteral("questionnaireId"), questionnaireId},
        {QStringLiteral("title"), title},  {QStringLiteral("availableAt"), availableAt},
        {QStringLiteral("dueAt"), dueAt},  {QStringLiteral("state"), toString(state)},
    };
}

} // namespace nara::forms
