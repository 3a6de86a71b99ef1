// A QuestionnaireResponse checked against its questionnaire (the bundled pre-visit form and
// physiotherapy follow-up): what is accepted, and every way a response is refused whole.

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/questionnaireresponse.h"
#include "jsonmutations.h"
#include "responsebuilder.h"

#include <QJsonDocument>
#include <QTest>

using namespace nara;
using namespace nara::forms;
using namespace nara::forms::test;
using namespace Qt::StringLiterals;

namespace {

Questionnaire bundled(const QString &name)
{
    auto loaded = loadBundledQuestionnaire(name);
    if (!loaded)
        qFatal("bundled questionnaire %s: %s", qPrintable(name), qPrintable(loaded.error().message));
    return *loaded;
}

// A complete pre-visit answer without fever.
QList<Entry> previsit()
{
    return {{u"complaint"_s, string(u"Hosta"_s)},
            {u"duration"_s, coding(u"1-7-days"_s)},
            {u"fever"_s, boolean(false)},
            {u"pain"_s, integer(2)}};
}

QList<Entry> without(QList<Entry> entries, const QString &linkId)
{
    entries.removeIf([&](const Entry &entry) { return entry.first == linkId; });
    return entries;
}

QList<Entry> replaced(QList<Entry> entries, const QString &linkId, const QJsonObject &answer)
{
    entries = without(entries, linkId);
    entries.append({linkId, answer});
    return entries;
}

} // namespace

class TestQuestionnaireResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsCompleteAnswers();
    void acceptsEnabledConditionalAnswer();
    void acceptsPsfsInGroups();
    void refused_data();
    void refused();
    void refusedStructure_data();
    void refusedStructure();
    void mutatedResponsesNeverCrash();
};

void TestQuestionnaireResponse::acceptsCompleteAnswers()
{
    const Questionnaire form = bundled(u"pre-visit-symptoms"_s);
    const auto parsed = QuestionnaireResponse::fromJson(response(form, previsit()), form);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->answers().size(), 4);
    QCOMPARE(parsed->codeAnswer(u"duration"_s), std::optional<QString>(u"1-7-days"_s));
    QCOMPARE(parsed->integerAnswer(u"pain"_s).value_or(-1), qint64{2});
    QVERIFY(std::get<QString>(*parsed->answer(u"complaint"_s)) == u"Hosta");
    QVERIFY(!parsed->answer(u"temperature"_s));
}

void TestQuestionnaireResponse::acceptsEnabledConditionalAnswer()
{
    const Questionnaire form = bundled(u"pre-visit-symptoms"_s);
    QList<Entry> answers = replaced(previsit(), u"fever"_s, boolean(true));
    answers.append({u"temperature"_s, decimal(38.4)});
    const auto parsed = QuestionnaireResponse::fromJson(response(form, answers), form);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->decimalAnswer(u"temperature"_s).value_or(0), 38.4);
    // The temperature is optional even with fever.
    QVERIFY(QuestionnaireResponse::fromJson(response(form, replaced(previsit(), u"fever"_s, boolean(true))), form));
}

void TestQuestionnaireResponse::acceptsPsfsInGroups()
{
    const Questionnaire form = bundled(u"physio-follow-up"_s);
    const QList<Entry> answers{{u"pain-now"_s, integer(4)},
                               {u"psfs-1-activity"_s, string(u"Gå i trappor"_s)},
                               {u"psfs-1-score"_s, integer(3)},
                               {u"adherence"_s, coding(u"most-days"_s)}};
    const QJsonObject json = response(form, answers);
    QCOMPARE(json.value(u"item").toArray().at(1).toObject().value(u"linkId").toString(), u"psfs-1"_s);
    const auto parsed = QuestionnaireResponse::fromJson(json, form);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->integerAnswer(u"psfs-1-score"_s).value_or(-1), qint64{3});
}

void TestQuestionnaireResponse::refused_data()
{
    QTest::addColumn<QString>("form");
    QTest::addColumn<QList<Entry>>("answers");
    QTest::addColumn<QString>("error");
    const QString pv = u"pre-visit-symptoms"_s;
    const QString physio = u"physio-follow-up"_s;
    const QList<Entry> physioBase{{u"pain-now"_s, integer(4)}, {u"adherence"_s, coding(u"every-day"_s)}};

    QTest::newRow("missing required") << pv << without(previsit(), u"complaint"_s) << u"complaint: required"_s;
    QTest::newRow("missing required choice") << pv << without(previsit(), u"duration"_s) << u"duration: required"_s;
    QTest::newRow("wrong type: string for integer")
        << pv << replaced(previsit(), u"pain"_s, string(u"7"_s)) << u"wrong value type valueString"_s;
    QTest::newRow("wrong type: decimal for integer")
        << pv << replaced(previsit(), u"pain"_s, decimal(2.5)) << u"wrong value type valueDecimal"_s;
    QTest::newRow("integer as fraction") << pv << replaced(previsit(), u"pain"_s, QJsonObject{{u"valueInteger"_s, 2.5}})
                                         << u"whole number"_s;
    QTest::newRow("boolean as string") << pv
                                       << replaced(previsit(), u"fever"_s, QJsonObject{{u"valueBoolean"_s, u"true"_s}})
                                       << u"valueBoolean must be true or false"_s;
    QTest::newRow("integer above max") << pv << replaced(previsit(), u"pain"_s, integer(11))
                                       << u"above the maximum 10"_s;
    QTest::newRow("integer below min") << pv << replaced(previsit(), u"pain"_s, integer(-1))
                                       << u"below the minimum 0"_s;
    QTest::newRow("code not an option") << pv << replaced(previsit(), u"duration"_s, coding(u"forever"_s))
                                        << u"'forever' is not one of"_s;
    QTest::newRow("coding without code") << pv
                                         << replaced(previsit(), u"duration"_s,
                                                     QJsonObject{{u"valueCoding"_s, QJsonObject{}}})
                                         << u"is not one of"_s;
    QTest::newRow("empty string") << pv << replaced(previsit(), u"complaint"_s, string(u"  "_s)) << u"non-empty"_s;
    QTest::newRow("string too long") << pv << replaced(previsit(), u"complaint"_s, string(QString(1001, u'x')))
                                     << u"too long"_s;
    QTest::newRow("answer to disabled item")
        << pv << (previsit() << Entry{u"temperature"_s, decimal(38.5)}) << u"temperature: answered, but"_s;
    QTest::newRow("temperature out of physical range")
        << pv << (replaced(previsit(), u"fever"_s, boolean(true)) << Entry{u"temperature"_s, decimal(50)})
        << u"above the maximum 43"_s;
    QTest::newRow("no value") << pv << replaced(previsit(), u"pain"_s, QJsonObject{}) << u"exactly one value[x]"_s;
    QTest::newRow("two values") << pv
                                << replaced(previsit(), u"pain"_s,
                                            QJsonObject{{u"valueInteger"_s, 1}, {u"valueDecimal"_s, 1}})
                                << u"exactly one value[x]"_s;
    QTest::newRow("psfs score without activity")
        << physio << (physioBase + QList<Entry>{{u"psfs-2-score"_s, integer(5)}}) << u"psfs-2-score: answered, but"_s;
    QTest::newRow("psfs activity without score")
        << physio << (physioBase + QList<Entry>{{u"psfs-1-activity"_s, string(u"Cykla"_s)}})
        << u"psfs-1-score: required"_s;
    QTest::newRow("psfs score above 10")
        << physio
        << (physioBase + QList<Entry>{{u"psfs-1-activity"_s, string(u"Cykla"_s)}, {u"psfs-1-score"_s, integer(12)}})
        << u"above the maximum 10"_s;
}

void TestQuestionnaireResponse::refused()
{
    QFETCH(QString, form);
    QFETCH(QList<Entry>, answers);
    QFETCH(QString, error);
    const Questionnaire questionnaire = bundled(form);
    const auto result = QuestionnaireResponse::fromJson(response(questionnaire, answers), questionnaire);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
}

// Responses written by hand: the structure itself is wrong.
void TestQuestionnaireResponse::refusedStructure_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray head
        = R"({"resourceType":"QuestionnaireResponse",)"
          R"("questionnaire":"https://nara.se/fhir/Questionnaire/physio-follow-up","status":"completed",)";
    const QByteArray required = R"({"linkId":"pain-now","answer":[{"valueInteger":3}]},)"
                                R"({"linkId":"adherence","answer":[{"valueCoding":{"code":"some-days"}}]})";
    QTest::newRow("not JSON") << QByteArray("{\"resourceType\":") << u"not valid JSON"_s;
    QTest::newRow("JSON array") << QByteArray("[1]") << u"not a JSON object"_s;
    QTest::newRow("wrong resourceType") << QByteArray(R"({"resourceType":"Questionnaire"})") << u"resourceType"_s;
    QTest::newRow("other questionnaire") << QByteArray(
        R"({"resourceType":"QuestionnaireResponse","questionnaire":"https://nara.se/fhir/Questionnaire/phq-9",)"
        R"("status":"completed","item":[]})")
                                         << u"not https://nara.se/fhir/Questionnaire/physio-follow-up"_s;
    QTest::newRow("other version") << QByteArray(
        R"({"resourceType":"QuestionnaireResponse",)"
        R"("questionnaire":"https://nara.se/fhir/Questionnaire/physio-follow-up|0.9","status":"completed"})")
                                   << u"physio-follow-up|0.9"_s;
    QTest::newRow("in progress") << QByteArray(
        R"({"resourceType":"QuestionnaireResponse",)"
        R"("questionnaire":"https://nara.se/fhir/Questionnaire/physio-follow-up","status":"in-progress"})")
                                 << u"status must be 'completed'"_s;
    QTest::newRow("no items") << head + R"("item":[]})" << u"required item is not answered"_s;
    QTest::newRow("item not an array") << head + R"("item":{}})" << u"item must be an array"_s;
    QTest::newRow("item not an object") << head + R"("item":["pain-now"]})" << u"must be an object"_s;
    QTest::newRow("unknown linkId") << head + R"("item":[)" + required + R"(,{"linkId":"mood","answer":[]}]})"
                                    << u"(mood): unknown linkId"_s;
    QTest::newRow("group child at top level")
        << head + R"("item":[)" + required + R"(,{"linkId":"psfs-1-activity","answer":[{"valueString":"x"}]}]})"
        << u"(psfs-1-activity): unknown linkId (or not in this group)"_s;
    QTest::newRow("answered twice") << head + R"("item":[)" + required
            + R"(,{"linkId":"pain-now","answer":[{"valueInteger":3}]}]})"
                                    << u"answered twice"_s;
    QTest::newRow("two answers") << head
            + R"("item":[{"linkId":"pain-now","answer":[{"valueInteger":3},{"valueInteger":4}]}]})"
                                 << u"more than one answer"_s;
    QTest::newRow("answer not an array") << head + R"("item":[{"linkId":"pain-now","answer":{"valueInteger":3}}]})"
                                         << u"answer must be an array"_s;
    QTest::newRow("answer to a display") << head + R"("item":[)" + required
            + R"(,{"linkId":"psfs-intro","answer":[{"valueString":"x"}]}]})"
                                         << u"display item takes no answers"_s;
    QTest::newRow("answer to a group") << head + R"("item":[)" + required
            + R"(,{"linkId":"psfs-1","answer":[{"valueString":"x"}]}]})"
                                       << u"group takes no answers"_s;
    QTest::newRow("nested items under a question")
        << head + R"("item":[{"linkId":"pain-now","item":[{"linkId":"remark"}]}]})" << u"only groups have nested"_s;
    QTest::newRow("integer as huge number")
        << head + R"("item":[{"linkId":"pain-now","answer":[{"valueInteger":1e300}]}]})" << u"whole number"_s;
}

void TestQuestionnaireResponse::refusedStructure()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Questionnaire questionnaire = bundled(u"physio-follow-up"_s);
    const auto result = QuestionnaireResponse::fromJson(json, questionnaire);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
}

// A valid PHQ-9 answer with each element replaced in turn by null, a number, a string, an empty
// array and an empty object: each variant is accepted or refused with InvalidInput, never a crash.
void TestQuestionnaireResponse::mutatedResponsesNeverCrash()
{
    const Questionnaire phq9 = bundled(u"phq-9"_s);
    QList<Entry> answers;
    for (int i = 1; i <= 9; ++i)
        answers.append({u"phq9-" + QString::number(i), coding(i == 9 ? u"more-than-half"_s : u"several-days"_s)});
    answers.append({u"phq9-10"_s, coding(u"very-difficult"_s)});
    const QJsonObject valid = response(phq9, answers);
    QVERIFY(QuestionnaireResponse::fromJson(valid, phq9));
    int variants = 0;
    int refused = 0;
    const QJsonValue replacements[] = {QJsonValue(QJsonValue::Null), QJsonValue(42), QJsonValue(u"x"_s),
                                       QJsonValue(QJsonArray()), QJsonValue(QJsonObject())};
    for (const QJsonValue &replacement : replacements) {
        test::eachMutation(valid, replacement, [&](const QJsonValue &mutated) {
            ++variants;
            const auto result = QuestionnaireResponse::fromJson(mutated.toObject(), phq9);
            if (!result) {
                ++refused;
                if (result.error().code != ErrorCode::InvalidInput || result.error().message.isEmpty())
                    QFAIL(qPrintable(result.error().message));
            }
        });
    }
    QVERIFY(variants > 300);
    QVERIFY(refused > variants / 2);
    const QByteArray text = QJsonDocument(valid).toJson(QJsonDocument::Compact);
    for (qsizetype length = 0; length < text.size(); length += 5)
        QVERIFY(!QuestionnaireResponse::fromJson(text.left(length), phq9));
}

QTEST_GUILESS_MAIN(TestQuestionnaireResponse)
#include "tst_questionnaireresponse.moc"
