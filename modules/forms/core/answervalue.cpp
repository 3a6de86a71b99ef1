#include "forms/core/answervalue.h"

namespace nara::forms {

QString answerTypeName(const AnswerValue &value)
{
    switch (value.index()) {
    case 0: return QStringLiteral("boolean");
    case 1: return QStringLiteral("integer");
    case 2: return QStringLiteral("decimal");
    case 3: return QStringLiteral("string");
    default: return QStringLiteral("Coding");
    }
}

} // namespace nara::forms
