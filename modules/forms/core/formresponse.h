#pragma once

#include "forms/core/score.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara::forms {

// A patient's stored answer to one form request: the FHIR QuestionnaireResponse and its score.
struct FormResponse
{
    QString id;
    QString requestId;
    QString patientId;
    QString unitId;
    QString questionnaireId;
    QString itemId; // the inbox item (kind form) it became
    qint64 authoredAt = 0;
    std::optional<QJsonObject> score; // scoreJson(); nothing for a questionnaire without a rule
    QJsonObject response; // FHIR QuestionnaireResponse

    // The form_response entity as /sync sends it ("version" is always 1: answers do not change).
    QJsonObject toJson() const;
};

// {"instrument","total","maxTotal","severity","severityLabel","severityLabelEn","priority",
//  "reasons":[{"code","priority","text","textEn"}],"psfsMean"|null}
QJsonObject scoreJson(const Score &score);

} // namespace nara::forms
