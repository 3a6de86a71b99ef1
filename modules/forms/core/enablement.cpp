#include "forms/core/enablement.h"

#include "forms/core/questionnaire.h"

#include <algorithm>

namespace nara::forms {

namespace {

// -1, 0, 1, or nullopt when the values cannot be compared (different types).
std::optional<int> compare(const AnswerValue &left, const AnswerValue &right)
{
    const auto order = [](auto a, auto b) {
        return a < b ? -1 : (b < a ? 1 : 0);
    };
    if (left.index() != right.index())
        return std::nullopt;
    if (const auto *a = std::get_if<qint64>(&left))
        return order(*a, std::get<qint64>(right));
    if (const auto *a = std::get_if<double>(&left))
        return order(*a, std::get<double>(right));
    return left == right ? 0 : 1;
}

void evaluate(const std::vector<QuestionnaireItem> &items, const Answers &answers, Answers &enabledAnswers,
              QSet<QString> &enabled)
{
    for (const QuestionnaireItem &item : items) {
        bool on = true;
        if (!item.enableWhen.empty()) {
            const auto holds = [&](const EnableWhen &c) {
                return conditionHolds(c, enabledAnswers);
            };
            on = item.enableBehavior == EnableBehavior::All
                ? std::all_of(item.enableWhen.begin(), item.enableWhen.end(), holds)
                : std::any_of(item.enableWhen.begin(), item.enableWhen.end(), holds);
        }
        if (!on)
            continue; // neither the item nor its children
        enabled.insert(item.linkId);
        if (const auto answer = answers.constFind(item.linkId); answer != answers.constEnd())
            enabledAnswers.insert(item.linkId, *answer);
        evaluate(item.items, answers, enabledAnswers, enabled);
    }
}

} // namespace

bool conditionHolds(const EnableWhen &condition, const Answers &answers)
{
    const auto answer = answers.constFind(condition.question);
    const bool answered = answer != answers.constEnd();
    if (condition.op == EnableOperator::Exists)
        return answered == std::get<bool>(condition.answer);
    if (!answered)
        return false;
    const std::optional<int> order = compare(*answer, condition.answer);
    if (!order)
        return false;
    switch (condition.op) {
    case EnableOperator::Equal: return *order == 0;
    case EnableOperator::NotEqual: return *order != 0;
    case EnableOperator::Greater: return *order > 0;
    case EnableOperator::Less: return *order < 0;
    case EnableOperator::GreaterOrEqual: return *order >= 0;
    case EnableOperator::LessOrEqual: return *order <= 0;
    case EnableOperator::Exists: break;
    }
    return false;
}

QSet<QString> enabledItems(const Questionnaire &questionnaire, const Answers &answers)
{
    QSet<QString> enabled;
    Answers enabledAnswers;
    evaluate(questionnaire.items(), answers, enabledAnswers, enabled);
    return enabled;
}

} // namespace nara::forms
