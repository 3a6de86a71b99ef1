#pragma once

#include "forms/core/answervalue.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace nara::forms {

class Questionnaire;
struct EnableWhen;

// The answers of one response: linkId → its one answer (Nära's items do not repeat).
using Answers = QHash<QString, AnswerValue>;

// Whether one condition holds for the answers. As FHIR R4 says: a question without an answer
// satisfies only `exists = false`; every other operator is then false.
bool conditionHolds(const EnableWhen &condition, const Answers &answers);

// The linkIds of the items that are enabled given the answers, in FHIR's sense: an item is
// enabled when it has no enableWhen or its conditions hold (all or any, by enableBehavior), and
// its group is enabled. An answer to a disabled item does not count: conditions are evaluated in
// document order over the answers of enabled items only (enableWhen points to earlier items).
QSet<QString> enabledItems(const Questionnaire &questionnaire, const Answers &answers);

} // namespace nara::forms
