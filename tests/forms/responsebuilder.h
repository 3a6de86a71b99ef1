#pragma once

// Builds QuestionnaireResponse JSON for tests: flat answers by linkId, nested into the
// questionnaire's groups as FHIR wants them.

#include "forms/core/questionnaire.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace nara::forms::test {

using Entry = QPair<QString, QJsonObject>; // linkId, one answer object ({"valueInteger": 3})

inline QJsonObject coding(const QString &code)
{
    return {{QStringLiteral("valueCoding"), QJsonObject{{QStringLiteral("code"), code}}}};
}
inline QJsonObject integer(qint64 value)
{
    return {{QStringLiteral("valueInteger"), value}};
}
inline QJsonObject decimal(double value)
{
    return {{QStringLiteral("valueDecimal"), value}};
}
inline QJsonObject boolean(bool value)
{
    return {{QStringLiteral("valueBoolean"), value}};
}
inline QJsonObject string(const QString &value)
{
    return {{QStringLiteral("valueString"), value}};
}

inline QJsonArray responseItems(const std::vector<QuestionnaireItem> &items, const QList<Entry> &answers)
{
    QJsonArray result;
    for (const QuestionnaireItem &item : items) {
        if (item.type == ItemType::Group) {
            const QJsonArray children = responseItems(item.items, answers);
            if (!children.isEmpty())
                result.append(QJsonObject{{QStringLiteral("linkId"), item.linkId}, {QStringLiteral("item"), children}});
            continue;
        }
        for (const Entry &entry : answers)
            if (entry.first == item.linkId)
                result.append(QJsonObject{{QStringLiteral("linkId"), item.linkId},
                                          {QStringLiteral("answer"), QJsonArray{entry.second}}});
    }
    return result;
}

inline QJsonObject response(const Questionnaire &questionnaire, const QList<Entry> &answers)
{
    return {{QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
            {QStringLiteral("questionnaire"), questionnaire.url()},
            {QStringLiteral("status"), QStringLiteral("completed")},
            {QStringLiteral("item"), responseItems(questionnaire.items(), answers)}};
}

} // namespace nara::forms::test
