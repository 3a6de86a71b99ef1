#pragma once

// The fixture of the forms storage tests: the auth repository fixture's units, staff and patients
// (tests/storage/authfixture.h) on SQLite and PostgreSQL, plus sending a form and building answers.
#include "../storage/authfixture.h"
#include "forms/core/bundledquestionnaires.h"
#include "forms/core/formrepository.h"
#include "forms/core/formseries.h"
#include "responsebuilder.h"

#include <QJsonDocument>

namespace nara::test {

class FormsFixture : public AuthRepositoryFixture
{
protected:
    static constexpr qint64 kDay = forms::FormSchedule::kDayMs;
    static inline const QString kLinkPrefix = QStringLiteral("https://nara.example/portal/#");

    void openForms(const QString &connectionPrefix)
    {
        openDatabase(connectionPrefix);
        if (QTest::currentTestFailed())
            return;
        m_clock.setMs(1'780'000'000'000);
        seed();
    }

    // Sends `questionnaire` to `patientId` as `username`, in a transaction of its own.
    Result<QList<forms::FormRequest>> send(const QString &username, const QString &patientId,
                                           const QString &questionnaire = QStringLiteral("phq-9"),
                                           std::optional<int> everyDays = std::nullopt, qint64 untilDays = 0,
                                           const QString &unitId = {})
    {
        auto transaction = storage::TransactionGuard::begin(*m_db);
        if (!transaction)
            return fail(transaction.error());
        forms::FormSeries::Sending sending;
        sending.patientId = patientId;
        sending.questionnaireId = questionnaire;
        sending.everyDays = everyDays;
        if (everyDays)
            sending.untilAt = m_clock.nowMs() + untilDays * kDay;
        sending.unitId = unitId;
        sending.linkPrefix = kLinkPrefix;
        auto sent = forms::FormSeries(*m_db, m_clock).send(staffCaller(username), sending);
        if (!sent)
            return sent;
        if (auto committed = transaction->commit(); !committed)
            return fail(committed.error());
        return sent;
    }

    // A PHQ-9 answer with these item scores (items 1–9).
    static QByteArray phq9(const QList<int> &scores)
    {
        static const QString codes[] = {QStringLiteral("not-at-all"), QStringLiteral("several-days"),
                                        QStringLiteral("more-than-half"), QStringLiteral("nearly-every-day")};
        QList<forms::test::Entry> answers;
        for (qsizetype i = 0; i < scores.size(); ++i)
            answers.append(
                {QStringLiteral("phq9-") + QString::number(i + 1), forms::test::coding(codes[scores.at(i)])});
        const auto questionnaire = forms::loadBundledQuestionnaire(QStringLiteral("phq-9"));
        return QJsonDocument(forms::test::response(*questionnaire, answers)).toJson(QJsonDocument::Compact);
    }

    std::optional<forms::FormRequest> request(const QString &id)
    {
        auto found = forms::FormRepository(*m_db).requestById(id);
        if (!found || !found->has_value())
            return std::nullopt;
        return **found;
    }

    int rows(const QString &sql)
    {
        auto n = m_db->scalar(sql);
        return n ? n->toInt() : -1;
    }
};

} // namespace nara::test
