// Sending forms and answering them against real storage (SQLite and PostgreSQL): the occasions of a
// series, access by care unit, validation before anything is stored, the score's priority on the
// form item, an overdue item taking the answer, cancelling a series.

#include "forms/core/formanswering.h"
#include "forms/core/formsweep.h"
#include "forms/core/questionnaireresponse.h"
#include "formsfixture.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/itemworkflow.h"

#include <QTest>

using namespace nara;
using namespace nara::forms;

class TestFormAnswering : public QObject, public nara::test::FormsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { nara::test::addStorageBackends(); }
    void init() { openForms(QStringLiteral("forms-answering")); }
    void cleanup() { closeDatabase(); }

    void sendCreatesEveryOccasionInTheChangeLog();
    void sendRefusesWhatTheCallerMayNotUse_data();
    void sendRefusesWhatTheCallerMayNotUse();
    void item9BecomesStat();
    void total17BecomesAsap();
    void mismatchedAnswerStoresNothing_data();
    void mismatchedAnswerStoresNothing();
    void answeredTwiceIsAConflict();
    void anotherPatientsRequestIsNotFound();
    void notAvailableYetIsAConflict();
    void overdueItemTakesTheAnswer();
    void cancelLeavesAnsweredOccasions();
    void titlesNameTheScore();

private:
    Result<AnsweredForm> answer(const QString &patientId, const QString &requestId, const QByteArray &body);
};

Result<AnsweredForm> TestFormAnswering::answer(const QString &patientId, const QString &requestId,
                                               const QByteArray &body)
{
    auto transaction = storage::TransactionGuard::begin(*m_db);
    if (!transaction)
        return fail(transaction.error());
    auto answered = FormAnswering(*m_db, m_clock).answer(patientId, requestId, body);
    if (!answered)
        return answered; // rolled back
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return answered;
}

void TestFormAnswering::sendCreatesEveryOccasionInTheChangeLog()
{
    const qint64 now = m_clock.nowMs();
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 21);
    VERIFY_OK(sent);
    QCOMPARE(sent->size(), 4);
    for (qsizetype i = 0; i < sent->size(); ++i) {
        const FormRequest &r = sent->at(i);
        QCOMPARE(r.occasion, int(i + 1));
        QCOMPARE(r.occasions, 4);
        QCOMPARE(r.seriesId, sent->constFirst().seriesId);
        QCOMPARE(r.unitId, QStringLiteral("u-asa"));
        QCOMPARE(r.title, QStringLiteral("GAD-7"));
        QCOMPARE(r.availableAt, now + i * 7 * kDay);
        QCOMPARE(r.dueAt, r.availableAt + 7 * kDay);
        QCOMPARE(toString(r.state), toString(FormRequest::State::Pending));
        QCOMPARE(r.sentBy, QStringLiteral("s-asa"));
        QCOMPARE(r.notifiedAt, i == 0 ? now : 0); // the first link goes with the answer to staff
        QCOMPARE(r.linkPrefix, kLinkPrefix);
        QCOMPARE(request(r.id)->toJson(), r.toJson());
    }
    QCOMPARE(
        rows(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'form_request' AND unit_id = 'u-asa'")), 4);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND object LIKE "
                                 "'form_request:%' AND patient_id = 'p-asa' AND user_id = 's-asa'")),
             4);
    // A patient of both units, sent by staff of both: the unit named is used.
    auto named = send(QStringLiteral("bo.both"), QStringLiteral("p-both"), QStringLiteral("phq-9"), std::nullopt, 0,
                      QStringLiteral("u-vaxjo"));
    VERIFY_OK(named);
    QCOMPARE(named->constFirst().unitId, QStringLiteral("u-vaxjo"));
}

void TestFormAnswering::sendRefusesWhatTheCallerMayNotUse_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QString>("questionnaire");
    QTest::addColumn<QString>("unitId");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("another unit's patient")
        << u"åke.ärlig"_qs << u"p-asa"_qs << u"phq-9"_qs << QString() << ErrorCode::NotFound;
    QTest::newRow("unknown patient") << u"åsa.öberg"_qs << u"p-nobody"_qs << u"phq-9"_qs << QString()
                                     << ErrorCode::NotFound;
    QTest::newRow("a unit not the caller's")
        << u"åsa.öberg"_qs << u"p-both"_qs << u"phq-9"_qs << u"u-vaxjo"_qs << ErrorCode::NotFound;
    QTest::newRow("a unit not the patient's")
        << u"bo.both"_qs << u"p-vaxjo"_qs << u"phq-9"_qs << u"u-asa"_qs << ErrorCode::NotFound;
    QTest::newRow("unknown questionnaire")
        << u"åsa.öberg"_qs << u"p-asa"_qs << u"beck-21"_qs << QString() << ErrorCode::InvalidInput;
}

void TestFormAnswering::sendRefusesWhatTheCallerMayNotUse()
{
    QFETCH(QString, username);
    QFETCH(QString, patientId);
    QFETCH(QString, questionnaire);
    QFETCH(QString, unitId);
    QFETCH(ErrorCode, code);
    auto sent = send(username, patientId, questionnaire, std::nullopt, 0, unitId);
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, code);
    if (code == ErrorCode::InvalidInput)
        QVERIFY2(sent.error().message.startsWith(u"questionnaireId:"), qPrintable(sent.error().message));
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM form_requests")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'form_request'")), 0);
}

void TestFormAnswering::item9BecomesStat()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    m_clock.advanceSeconds(3600);
    auto answered = answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({0, 0, 1, 0, 0, 0, 0, 0, 2}));
    VERIFY_OK(answered);
    QVERIFY(answered->safetyConcern);
    QCOMPARE(toString(answered->item.kind), toString(inbox::Kind::Form));
    QCOMPARE(toString(answered->item.state), toString(inbox::State::New));
    QCOMPARE(toString(answered->item.priority), toString(inbox::Priority::Stat));
    QCOMPARE(answered->item.unitId, QStringLiteral("u-asa"));
    QCOMPARE(answered->item.patientId, QStringLiteral("p-asa"));
    QVERIFY2(answered->item.priorityReason.startsWith(u"PHQ-9 fråga 9"), qPrintable(answered->item.priorityReason));
    QCOMPARE(answered->item.title, QStringLiteral("PHQ-9 besvarat: 3 poäng – minimal"));

    const auto stored = request(sent->constFirst().id);
    QCOMPARE(toString(stored->state), toString(FormRequest::State::Answered));
    QCOMPARE(stored->itemId, answered->item.id);
    QCOMPARE(stored->responseId, answered->response.id);
    QCOMPARE(stored->answeredAt, m_clock.nowMs());
    QCOMPARE(stored->version, 2);

    auto response = FormRepository(*m_db).responseById(answered->response.id);
    VERIFY_OK(response);
    QVERIFY(response->has_value());
    const QJsonObject json = (*response)->toJson();
    QCOMPARE(json.value(u"requestId").toString(), sent->constFirst().id);
    QCOMPARE(json.value(u"itemId").toString(), answered->item.id);
    QCOMPARE(json.value(u"score").toObject().value(u"priority").toString(), QStringLiteral("stat"));
    QCOMPARE(json.value(u"score").toObject().value(u"total").toInt(), 3);
    QCOMPARE(json.value(u"score").toObject().value(u"reasons").toArray().first().toObject().value(u"code").toString(),
             QStringLiteral("phq9-item9"));
    const QJsonObject fhir = json.value(u"response").toObject();
    QCOMPARE(fhir.value(u"resourceType").toString(), QStringLiteral("QuestionnaireResponse"));
    QCOMPARE(fhir.value(u"subject").toObject().value(u"reference").toString(), QStringLiteral("Patient/p-asa"));
    // The stored resource is again a valid answer to the questionnaire.
    const auto questionnaire = loadBundledQuestionnaire(QStringLiteral("phq-9"));
    VERIFY_OK(QuestionnaireResponse::fromJson(fhir, *questionnaire));
    QCOMPARE(
        rows(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'form_response' AND unit_id = 'u-asa'")),
        1);
    QCOMPARE(answered->created,
             (QStringList{u"form_response:"_qs + answered->response.id, u"inbox_item:"_qs + answered->item.id}));
}

void TestFormAnswering::total17BecomesAsap()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    auto answered = answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({3, 3, 2, 2, 2, 2, 2, 1, 0}));
    VERIFY_OK(answered);
    QVERIFY(!answered->safetyConcern);
    QCOMPARE(toString(answered->item.priority), toString(inbox::Priority::Asap));
    QCOMPARE(answered->item.title, QStringLiteral("PHQ-9 besvarat: 17 poäng – måttligt svår"));
    QCOMPARE(answered->item.priorityReason, QStringLiteral("PHQ-9: totalpoäng 17 av 27, måttligt svår"));
}

void TestFormAnswering::mismatchedAnswerStoresNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("names");
    const auto gad7 = loadBundledQuestionnaire(QStringLiteral("gad-7"));
    QTest::newRow("item 9 missing") << phq9({1, 1, 1, 1, 1, 1, 1, 1}) << u"phq9-9"_qs;
    QTest::newRow("a code not among the options")
        << phq9({1, 1, 1, 1, 1, 1, 1, 1, 1}).replace("several-days", "sometimes") << u"phq9-1"_qs;
    QTest::newRow("another questionnaire") << QJsonDocument(forms::test::response(*gad7, {})).toJson() << u"gad-7"_qs;
    QTest::newRow("not JSON") << QByteArray("{\"resourceType\":") << u"not valid JSON"_qs;
    QTest::newRow("unknown linkId") << phq9({1, 1, 1, 1, 1, 1, 1, 1, 1}).replace("\"phq9-1\"", "\"phq9-11\"")
                                    << u"phq9-11"_qs;
}

void TestFormAnswering::mismatchedAnswerStoresNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, names);
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    const int changes = rows(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    auto answered = answer(QStringLiteral("p-asa"), sent->constFirst().id, body);
    QVERIFY(!answered);
    QCOMPARE(answered.error().code, ErrorCode::InvalidInput);
    QVERIFY2(answered.error().message.contains(names), qPrintable(answered.error().message));
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM form_responses")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM inbox_items")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM change_log")), changes);
    QCOMPARE(toString(request(sent->constFirst().id)->state), toString(FormRequest::State::Pending));
}

void TestFormAnswering::answeredTwiceIsAConflict()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    VERIFY_OK(answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})));
    auto again = answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({3, 3, 3, 3, 3, 3, 3, 3, 3}));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM form_responses")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM inbox_items")), 1);
}

void TestFormAnswering::anotherPatientsRequestIsNotFound()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    for (const QString &id : {sent->constFirst().id, u"no-such-request"_qs}) {
        auto answered = answer(QStringLiteral("p-both"), id, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
        QVERIFY(!answered);
        QCOMPARE(answered.error().code, ErrorCode::NotFound);
        QCOMPARE(answered.error().message, QStringLiteral("No such form."));
    }
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM form_responses")), 0);
}

void TestFormAnswering::notAvailableYetIsAConflict()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("phq-9"), 14, 14);
    VERIFY_OK(sent);
    QCOMPARE(sent->size(), 2);
    const QString second = sent->at(1).id;
    auto early = answer(QStringLiteral("p-asa"), second, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QVERIFY(!early);
    QCOMPARE(early.error().code, ErrorCode::Conflict);
    QCOMPARE(early.error().details.value(u"availableAt").toInteger(), sent->at(1).availableAt);
    auto listed = FormRepository(*m_db).answerableFor(QStringLiteral("p-asa"), m_clock.nowMs());
    VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    m_clock.advanceMs(14 * kDay);
    VERIFY_OK(answer(QStringLiteral("p-asa"), second, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})));
}

void TestFormAnswering::overdueItemTakesTheAnswer()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    m_clock.advanceMs(7 * kDay + 1);
    auto marked = FormSweep(*m_db, m_clock).markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 1);
    const QString itemId = request(sent->constFirst().id)->itemId;
    QVERIFY(!itemId.isEmpty());
    // A nurse claims the overdue item; the answer then arrives.
    {
        auto transaction = storage::TransactionGuard::begin(*m_db);
        VERIFY_OK(inbox::ItemWorkflow(*m_db).claim(staffCaller(u"åsa.öberg"_qs), itemId, m_clock.nowMs()));
        VERIFY_OK(transaction->commit());
    }
    m_clock.advanceSeconds(60);
    auto answered = answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({3, 3, 2, 2, 2, 2, 2, 1, 0}));
    VERIFY_OK(answered);
    QCOMPARE(answered->item.id, itemId);
    QCOMPARE(toString(answered->item.state), toString(inbox::State::New));
    QVERIFY(answered->item.ownerId.isEmpty());
    QCOMPARE(answered->item.claimedAt, 0);
    QCOMPARE(toString(answered->item.priority), toString(inbox::Priority::Asap));
    QCOMPARE(answered->item.title, QStringLiteral("PHQ-9 besvarat: 17 poäng – måttligt svår"));
    QCOMPARE(answered->updated, (QStringList{u"form_request:"_qs + sent->constFirst().id, u"inbox_item:"_qs + itemId}));
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM inbox_items")), 1);
    QCOMPARE(toString(request(sent->constFirst().id)->state), toString(FormRequest::State::Answered));
}

void TestFormAnswering::cancelLeavesAnsweredOccasions()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("phq-9"), 7, 14);
    VERIFY_OK(sent);
    QCOMPARE(sent->size(), 3);
    VERIFY_OK(answer(QStringLiteral("p-asa"), sent->constFirst().id, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0})));
    const QString seriesId = sent->constFirst().seriesId;

    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto refused = FormSeries(*m_db, m_clock).cancel(staffCaller(u"åke.ärlig"_qs), seriesId);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    auto cancelled = FormSeries(*m_db, m_clock).cancel(staffCaller(u"åsa.öberg"_qs), seriesId);
    VERIFY_OK(cancelled);
    VERIFY_OK(transaction->commit());
    QCOMPARE(cancelled->size(), 3);
    QCOMPARE(toString(cancelled->at(0).state), toString(FormRequest::State::Answered));
    QCOMPARE(toString(cancelled->at(1).state), toString(FormRequest::State::Cancelled));
    QCOMPARE(toString(cancelled->at(2).state), toString(FormRequest::State::Cancelled));
    QCOMPARE(toString(request(sent->at(2).id)->state), toString(FormRequest::State::Cancelled));

    m_clock.advanceMs(7 * kDay);
    auto late = answer(QStringLiteral("p-asa"), sent->at(1).id, phq9({0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::Conflict);
    // Cancelled occasions never become overdue.
    m_clock.advanceMs(30 * kDay);
    auto marked = FormSweep(*m_db, m_clock).markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 0);
}

void TestFormAnswering::titlesNameTheScore()
{
    Score pain;
    pain.instrument = u"physio-follow-up"_qs;
    pain.total = 5;
    pain.maxTotal = 10;
    pain.severity = u"pain-moderate"_qs;
    pain.severityLabel = {u"Måttlig smärta"_qs, u"Moderate pain"_qs, {}};
    QCOMPARE(FormAnswering::answeredTitle(u"Uppföljning fysioterapi"_qs, pain),
             u"Uppföljning fysioterapi besvarat: måttlig smärta (5 av 10)"_qs);
    Score gad7;
    gad7.instrument = u"gad-7"_qs;
    gad7.total = 12;
    gad7.maxTotal = 21;
    gad7.severity = u"moderate"_qs;
    gad7.severityLabel = {u"Måttlig"_qs, u"Moderate"_qs, {}};
    QCOMPARE(FormAnswering::answeredTitle(u"GAD-7"_qs, gad7), u"GAD-7 besvarat: 12 poäng – måttlig"_qs);
    QCOMPARE(FormAnswering::answeredTitle(u"Inför besöket: dina besvär"_qs, std::nullopt),
             u"Inför besöket: dina besvär besvarat"_qs);
}

QTEST_GUILESS_MAIN(TestFormAnswering)
#include "tst_formanswering.moc"
