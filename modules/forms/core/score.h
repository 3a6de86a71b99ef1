#pragma once

#include "forms/core/localizedtext.h"
#include "foundation/core/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace nara::forms {

class Questionnaire;
class QuestionnaireResponse;

// The canonicals of the bundled questionnaires (questionnaires/*.json) that have scoring rules.
inline constexpr char16_t kPhq9Url[] = u"https://nara.se/fhir/Questionnaire/phq-9";
inline constexpr char16_t kGad7Url[] = u"https://nara.se/fhir/Questionnaire/gad-7";
inline constexpr char16_t kPhysioFollowUpUrl[] = u"https://nara.se/fhir/Questionnaire/physio-follow-up";
inline constexpr char16_t kPreVisitUrl[] = u"https://nara.se/fhir/Questionnaire/pre-visit-symptoms";

// Why a rule set (or kept) the priority. `priority` is what this finding alone asks for.
struct ScoreReason
{
    QString code; // for example "phq9-item9", "total", "pain"
    QString priority;
    LocalizedText text;
};

// The result of a scoring rule. `priority` is an inbox priority name ("stat", "asap", "urgent",
// "routine"; nara::inbox::priorityFromString reads it), the most pressing of the reasons'.
struct Score
{
    QString instrument; // "phq-9", "gad-7", "physio-follow-up", "pre-visit-symptoms"
    int total = 0;
    int maxTotal = 0;
    QString severity; // a code, for example "moderately-severe"
    LocalizedText severityLabel;
    QString priority;
    QList<ScoreReason> reasons; // never empty; the most pressing first
    std::optional<double> psfsMean; // physiotherapy: mean of the answered PSFS activity scores
};

// Scores a validated response with its questionnaire's rule. Questionnaires without a rule
// give NotFound.
Result<Score> score(const Questionnaire &questionnaire, const QuestionnaireResponse &response);

// True when `priority` is more pressing than `other` (stat > asap > urgent > routine, as FHIR's
// request priority and the inbox order them).
bool isMorePressing(QStringView priority, QStringView other);

} // namespace nara::forms
