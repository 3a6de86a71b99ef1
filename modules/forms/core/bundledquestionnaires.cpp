#include "forms/core/bundledquestionnaires.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace nara::forms {

QStringList bundledQuestionnaireNames()
{
    return {u"phq-9"_s, u"gad-7"_s, u"physio-follow-up"_s, u"pre-visit-symptoms"_s};
}

Result<Questionnaire> loadBundledQuestionnaire(const QString &name)
{
    if (!bundledQuestionnaireNames().contains(name))
        return fail(ErrorCode::NotFound, u"no bundled questionnaire '" + name + u'\'');
    QFile file(u":/forms/core/questionnaires/" + name + u".json");
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Internal, u"bundled questionnaire " + name + u" is missing from the resources");
    return Questionnaire::fromJson(file.readAll());
}

} // namespace nara::forms
