#include "forms/ui/formanswers.h"

#include "forms/core/enablement.h"
#include "forms/core/questionnaire.h"
#include "forms/core/questionnaireresponse.h"

#include <QLocale>

namespace nara::forms {

namespace {

void collect(const std::vector<QuestionnaireItem> &items, int depth, const QSet<QString> &enabled,
             const QuestionnaireResponse &response, QStringView language, QList<AnswerRow> &rows)
{
    for (const QuestionnaireItem &item : items) {
        if (!enabled.contains(item.linkId))
            continue;
        AnswerRow row;
        row.linkId = item.linkId;
        row.depth = depth;
        row.question = item.text.text(language);
        row.unverified = !item.text.isVerified(language);
        if (item.type == ItemType::Display) {
            row.kind = AnswerRow::Kind::Display;
            rows.append(row);
            continue;
        }
        if (item.type == ItemType::Group) {
            QList<AnswerRow> children;
            collect(item.items, depth + 1, enabled, response, language, children);
            const bool anyAnswer = std::any_of(children.cbegin(), children.cend(),
                                               [](const AnswerRow &child) { return child.answered; });
            if (!anyAnswer)
                continue; // an optional part nobody filled in (a second PSFS activity, say)
            row.kind = AnswerRow::Kind::Group;
            rows.append(row);
            rows += children;
            continue;
        }
        if (const auto value = response.answer(item.linkId)) {
            row.answered = true;
            row.answer = FormAnswers::valueText(item, *value, language);
            if (const auto *coding = std::get_if<Coding>(&*value)) {
                if (const AnswerOption *option = item.option(coding->code)) {
                    row.points = option->ordinal;
                    row.unverified = row.unverified || !option->display.isVerified(language);
                }
            }
        }
        rows.append(row);
    }
}

} // namespace

QString FormAnswers::displayLanguage()
{
    return QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("sv");
}

QList<AnswerRow> FormAnswers::rows(const Questionnaire &questionnaire, const QuestionnaireResponse &response,
                                   QStringView language)
{
    QList<AnswerRow> rows;
    collect(questionnaire.items(), 0, enabledItems(questionnaire, response.answers()), response, language, rows);
    return rows;
}

QString FormAnswers::valueText(const QuestionnaireItem &item, const AnswerValue &value, QStringView language)
{
    const QLocale locale;
    return std::visit(
        [&](const auto &v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>)
                return v ? tr("Yes") : tr("No");
            else if constexpr (std::is_same_v<T, qint64>)
                return locale.toString(v);
            else if constexpr (std::is_same_v<T, double>)
                return locale.toString(v, 'g', 12);
            else if constexpr (std::is_same_v<T, QString>)
                return v;
            else {
                const AnswerOption *option = item.option(v.code);
                return option ? option->display.text(language) : v.code;
            }
        },
        value);
}

} // namespace nara::forms
