#include "forms/core/formresponse.h"

#include <QJsonArray>

namespace nara::forms {

QJsonObject FormResponse::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), 1},
        {QStringLiteral("requestId"), requestId},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("questionnaireId"), questionnaireId},
        {QStringLiteral("itemId"), itemId},
        {QStringLiteral("authoredAt"), authoredAt},
        {QStringLiteral("score"), score ? QJsonValue(*score) : QJsonValue()},
        {QStringLiteral("response"), response},
    };
}

QJsonObject scoreJson(const Score &score)
{
    QJsonArray reasons;
    for (const ScoreReason &reason : score.reasons)
        reasons.append(QJsonObject{
            {QStringLiteral("code"), reason.code},
            {QStringLiteral("priority"), reason.priority},
            {QStringLiteral("text"), reason.text.sv},
            {QStringLiteral("textEn"), reason.text.en},
        });
    return {
        {QStringLiteral("instrument"), score.instrument},
        {QStringLiteral("total"), score.total},
        {QStringLiteral("maxTotal"), score.maxTotal},
        {QStringLiteral("severity"), score.severity},
        {QStringLiteral("severityLabel"), score.severityLabel.sv},
        {QStringLiteral("severityLabelEn"), score.severityLabel.en},
        {QStringLiteral("priority"), score.priority},
        {QStringLiteral("reasons"), reasons},
        {QStringLiteral("psfsMean"), score.psfsMean ? QJsonValue(*score.psfsMean) : QJsonValue()},
    };
}

} // namespace nara::forms
