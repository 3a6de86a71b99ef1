#pragma once

// What the forms scenario tests (tst_api_forms.cpp) share: PHQ-9 answers, the request ids of a
// send's answer, the newest state of an entity in /sync's changes.
#include "../forms/responsebuilder.h"
#include "apifixture.h"
#include "forms/core/bundledquestionnaires.h"

namespace nara::test {

inline constexpr qint64 kDay = 24LL * 60 * 60 * 1000;
inline const QString kFormRequests = QStringLiteral("/api/v1/forms/requests");

// A PHQ-9 QuestionnaireResponse with these item scores (items 1–9).
inline QJsonObject phq9(const QList<int> &scores)
{
    static const QString codes[] = {QStringLiteral("not-at-all"), QStringLiteral("several-days"),
                                    QStringLiteral("more-than-half"), QStringLiteral("nearly-every-day")};
    QList<forms::test::Entry> answers;
    for (qsizetype i = 0; i < scores.size(); ++i)
        answers.append({QStringLiteral("phq9-") + QString::number(i + 1), forms::test::coding(codes[scores.at(i)])});
    return forms::test::response(*forms::loadBundledQuestionnaire(QStringLiteral("phq-9")), answers);
}

// The id of an occasion in the answer to POST /api/v1/forms/requests.
inline QString id(const HttpReply &sent, int occasion = 0)
{
    return sent.json()
        .value(QStringLiteral("requests"))
        .toArray()
        .at(occasion)
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

// The newest state of one entity in a list of changes (empty if it is not there).
inline QJsonObject entity(const QList<QJsonObject> &changes, const QString &name, const QString &entityId)
{
    QJsonObject newest;
    for (const QJsonObject &change : changes)
        if (change.value(QStringLiteral("entity")).toString() == name
            && change.value(QStringLiteral("id")).toString() == entityId)
            newest = change.value(QStringLiteral("data")).toObject();
    return newest;
}

} // namespace nara::test
