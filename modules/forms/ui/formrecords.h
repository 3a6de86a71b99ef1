#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace nara::forms {

// The `score` of a form_response record (docs/api/contract.md, "Forms") in the display language.
struct ScoreSummary
{
    QString instrument;
    int total = 0;
    int maxTotal = 0;
    QString severity; // code
    QString severityLabel;
    QString priority; // "stat" | "asap" | "urgent" | "routine"
    QStringList reasons; // most pressing first
    std::optional<double> psfsMean;

    // Nothing for a null score (a questionnaire without a scoring rule) or one that is not an object
    // with a whole total.
    static std::optional<ScoreSummary> fromJson(const QJsonValue &score, QStringView language);
};

// One scored answer on the trend chart.
struct ScorePoint
{
    QString responseId;
    qint64 authoredAt = 0;
    int total = 0;
};

// The patient's scored answers to `questionnaireId` among `responses` (form_response records)
// authored no later than `current`, oldest first; `current` itself is the last one. Records of other
// questionnaires, unscored ones and later ones are left out.
QList<ScorePoint> scoreHistory(const QList<QJsonObject> &responses, const QString &questionnaireId,
                               const QJsonObject &current);

} // namespace nara::forms
