#pragma once

#include "forms/core/answervalue.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace nara::forms {

class Questionnaire;
class QuestionnaireResponse;
struct QuestionnaireItem;

// One row of an answer as the form pane lists it.
struct AnswerRow
{
    enum class Kind { Display, Group, Question };

    Kind kind = Kind::Question;
    QString linkId;
    int depth = 0; // 1 inside a group
    QString question; // the item's text (display and group rows: their text)
    QString answer; // the chosen answer's text; empty when not answered (and for display and group rows)
    bool answered = false;
    std::optional<int> points; // the chosen option's score (ordinalValue), when it has one
    bool unverified = false; // the wording of the question or of the answer awaits verification
};

// Reads a validated response the way a clinician reads it: the questionnaire's order, its display
// texts, the groups with at least one answer, and every enabled question with the chosen answer's
// text in the display language. Items disabled by enableWhen are left out (they were not asked).
class FormAnswers
{
    Q_DECLARE_TR_FUNCTIONS(nara::forms::FormAnswers)

public:
    // "en" when the workstation speaks English (QLocale's default), else "sv".
    static QString displayLanguage();
    static QList<AnswerRow> rows(const Questionnaire &questionnaire, const QuestionnaireResponse &response,
                                 QStringView language);
    // The text of one answer ("Flera dagar", "Ja", "38,5").
    static QString valueText(const QuestionnaireItem &item, const AnswerValue &value, QStringView language);
};

} // namespace nara::forms
