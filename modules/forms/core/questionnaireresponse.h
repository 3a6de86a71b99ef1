#pragma once

#include "forms/core/enablement.h"
#include "foundation/core/error.h"

#include <QJsonObject>

#include <optional>

namespace nara::forms {

class Questionnaire;

// A FHIR R4 QuestionnaireResponse that has been checked against its Questionnaire: it names the
// questionnaire's canonical, is `completed`, answers only known, enabled items with values of
// the item's type (choice codes among the options, numbers within bounds) and answers every
// enabled required item. A response that fails any check is refused whole.
class QuestionnaireResponse
{
public:
    static Result<QuestionnaireResponse> fromJson(const QJsonObject &json, const Questionnaire &questionnaire);
    static Result<QuestionnaireResponse> fromJson(const QByteArray &json, const Questionnaire &questionnaire);

    QString questionnaire() const { return m_questionnaire; } // the canonical, as sent
    const Answers &answers() const { return m_answers; }
    std::optional<AnswerValue> answer(const QString &linkId) const;
    std::optional<qint64> integerAnswer(const QString &linkId) const;
    std::optional<double> decimalAnswer(const QString &linkId) const;
    std::optional<QString> codeAnswer(const QString &linkId) const;

private:
    QString m_questionnaire;
    Answers m_answers;
};

} // namespace nara::forms
