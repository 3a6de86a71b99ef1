#pragma once

#include "forms/core/questionnaire.h"

#include <QStringList>

namespace nara::forms {

// The questionnaires compiled into forms_core (modules/forms/core/questionnaires/*.json, as
// :/forms/core/questionnaires/<name>.json).
QStringList bundledQuestionnaireNames(); // "phq-9", "gad-7", "physio-follow-up", "pre-visit-symptoms"
Result<Questionnaire> loadBundledQuestionnaire(const QString &name);

} // namespace nara::forms
