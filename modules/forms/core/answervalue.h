#pragma once

#include <QString>
#include <QtGlobal>

#include <variant>

namespace nara::forms {

// A coded answer: the code of one of a choice item's answerOption.valueCoding.
struct Coding
{
    QString code;
    friend bool operator==(const Coding &, const Coding &) = default;
};

// One answer value, as FHIR's answer value[x]: valueBoolean, valueInteger, valueDecimal,
// valueString or valueCoding.
using AnswerValue = std::variant<bool, qint64, double, QString, Coding>;

// The FHIR name of the value's type ("boolean", "integer", "decimal", "string", "Coding").
QString answerTypeName(const AnswerValue &value);

} // namespace nara::forms
