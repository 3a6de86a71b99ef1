// The bundled PHQ-9 and GAD-7 against /work/shared/instruments/README.md: the items' wording (sv
// and en), their order, the answer options and their scores, item 10 not scored and its Swedish
// answer wording awaiting verification.

#include "forms/core/bundledquestionnaires.h"

#include <QTest>

using namespace nara;
using namespace Qt::StringLiterals;
using namespace nara::forms;

namespace {

struct Text
{
    const char *sv;
    const char *en;
};

// The instruments file's tables, copied.
const Text kPhq9Stem{"Under de senaste 2 veckorna, hur ofta har du besvärats av något av följande problem?",
                     "Over the last 2 weeks, how often have you been bothered by any of the following problems?"};
const Text kPhq9[] = {
    {"Lite intresse eller glädje i att göra saker", "Little interest or pleasure in doing things"},
    {"Känt dig nedstämd, deprimerad eller känt att framtiden ser hopplös ut", "Feeling down, depressed, or hopeless"},
    {"Problem att somna eller att du vaknat i förtid, eller sovit för mycket",
     "Trouble falling or staying asleep, or sleeping too much"},
    {"Känt dig trött eller energilös", "Feeling tired or having little energy"},
    {"Dålig aptit eller att du ätit för mycket", "Poor appetite or overeating"},
    {"Dålig självkänsla – eller att du känt dig misslyckad eller att du svikit dig själv eller din familj",
     "Feeling bad about yourself — or that you are a failure or have let yourself or your family down"},
    {"Svårigheter att koncentrera dig, till exempel när du läst tidningen eller sett på TV",
     "Trouble concentrating on things, such as reading the newspaper or watching television"},
    {"Att du rört dig eller talat så långsamt att andra noterat det? Eller motsatsen att du varit så nervös eller "
     "rastlös att du rört dig mer än vanligt",
     "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or "
     "restless that you have been moving around a lot more than usual"},
    {"Tankar att det skulle vara bättre om du var död eller att du skulle skada dig på något sätt",
     "Thoughts that you would be better off dead or of hurting yourself in some way"},
    {"Om du kryssat för att du haft något av dessa problem, hur stora svårigheter har dessa problem förorsakat dig "
     "på arbetet, eller för att ta hand om sysslor hemma, eller i kontakten med andra människor?",
     "If you checked off any problems, how difficult have these problems made it for you to do your work, take "
     "care of things at home, or get along with other people?"}};
const char *const kPhq9Item10Options[]
    = {"Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"};

const Text kGad7Stem{"Under de senaste 14 dagarna, hur ofta har du besvärats av följande problem?",
                     "Over the last 2 weeks, how often have you been bothered by the following problems?"};
const char *const kGad7[] = {"Feeling nervous, anxious, or on edge",
                             "Not being able to stop or control worrying",
                             "Worrying too much about different things",
                             "Trouble relaxing",
                             "Being so restless that it is hard to sit still",
                             "Becoming easily annoyed or irritable",
                             "Feeling afraid, as if something awful might happen"};

const Text kFrequency[] = {{"Inte alls", "Not at all"},
                           {"Flera dagar", "Several days"},
                           {"Mer än hälften av dagarna", "More than half the days"},
                           {"Nästan varje dag", "Nearly every day"}};

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

void compareFrequencyOptions(const QuestionnaireItem &item)
{
    QCOMPARE(toString(item.type), toString(ItemType::Choice));
    QCOMPARE(item.answerOptions.size(), std::size(kFrequency));
    for (std::size_t score = 0; score < std::size(kFrequency); ++score) {
        const AnswerOption &option = item.answerOptions.at(score);
        QCOMPARE(option.display.sv, u8(kFrequency[score].sv));
        QCOMPARE(option.display.en, u8(kFrequency[score].en));
        QCOMPARE(option.ordinal.value_or(-1), static_cast<int>(score));
        QVERIFY(option.display.awaitingVerification.isEmpty());
    }
}

} // namespace

class TestInstruments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBundledQuestionnaireLoads_data();
    void everyBundledQuestionnaireLoads();
    void unknownBundledNameIsNotFound();
    void phq9WordingOrderAndScores();
    void phq9Item10IsNotScoredAndAwaitsSwedish();
    void gad7WordingOrderAndScores();
};

void TestInstruments::everyBundledQuestionnaireLoads_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("answerableItems");
    QTest::newRow("phq-9") << u"phq-9"_s << 10;
    QTest::newRow("gad-7") << u"gad-7"_s << 7;
    QTest::newRow("physio-follow-up") << u"physio-follow-up"_s << 9; // pain, 3 × (activity, score), adherence, remark
    QTest::newRow("pre-visit-symptoms") << u"pre-visit-symptoms"_s << 6;
    QCOMPARE(bundledQuestionnaireNames().size(), 4);
}

void TestInstruments::everyBundledQuestionnaireLoads()
{
    QFETCH(QString, name);
    QFETCH(int, answerableItems);
    const auto questionnaire = loadBundledQuestionnaire(name);
    QVERIFY2(questionnaire, qPrintable(questionnaire ? QString() : questionnaire.error().message));
    QCOMPARE(questionnaire->id(), name);
    QCOMPARE(questionnaire->url(), u"https://nara.se/fhir/Questionnaire/" + name);
    QVERIFY(!questionnaire->title().sv.isEmpty());
    QVERIFY(!questionnaire->title().en.isEmpty());
    int answerable = 0;
    for (const QuestionnaireItem *item : questionnaire->allItems()) {
        answerable += item->takesAnswers() ? 1 : 0;
        QVERIFY2(!item->text.en.isEmpty(), qPrintable(item->linkId)); // English everywhere
        QVERIFY2(!item->text.sv.isEmpty() || !item->text.isVerified(u"sv"), qPrintable(item->linkId));
    }
    QCOMPARE(answerable, answerableItems);
}

void TestInstruments::unknownBundledNameIsNotFound()
{
    const auto missing = loadBundledQuestionnaire(u"phq-2"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestInstruments::phq9WordingOrderAndScores()
{
    const auto phq9 = loadBundledQuestionnaire(u"phq-9"_s);
    QVERIFY(phq9);
    const std::vector<QuestionnaireItem> &items = phq9->items();
    QCOMPARE(items.size(), std::size_t{11}); // the stem and the 10 items, in order
    QCOMPARE(toString(items.at(0).type), toString(ItemType::Display));
    QCOMPARE(items.at(0).text.sv, u8(kPhq9Stem.sv));
    QCOMPARE(items.at(0).text.en, u8(kPhq9Stem.en));
    for (int i = 1; i <= 10; ++i) {
        const QuestionnaireItem &item = items.at(static_cast<std::size_t>(i));
        QCOMPARE(item.linkId, u"phq9-" + QString::number(i));
        QCOMPARE(item.text.sv, u8(kPhq9[i - 1].sv));
        QCOMPARE(item.text.en, u8(kPhq9[i - 1].en));
        QVERIFY(item.text.awaitingVerification.isEmpty());
        if (i <= 9) {
            QVERIFY(item.required);
            compareFrequencyOptions(item);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void TestInstruments::phq9Item10IsNotScoredAndAwaitsSwedish()
{
    const auto phq9 = loadBundledQuestionnaire(u"phq-9"_s);
    QVERIFY(phq9);
    const QuestionnaireItem *item10 = phq9->item(u"phq9-10");
    QVERIFY(item10);
    QVERIFY(!item10->required);
    QCOMPARE(item10->answerOptions.size(), std::size(kPhq9Item10Options));
    for (std::size_t i = 0; i < std::size(kPhq9Item10Options); ++i) {
        const AnswerOption &option = item10->answerOptions.at(i);
        QCOMPARE(option.display.en, u8(kPhq9Item10Options[i]));
        QVERIFY(option.display.sv.isEmpty()); // not invented
        QVERIFY(!option.display.isVerified(u"sv"));
        QCOMPARE(option.display.text(u"sv"), option.display.en); // shown in English until verified
        QVERIFY(!option.ordinal); // not scored
    }
}

void TestInstruments::gad7WordingOrderAndScores()
{
    const auto gad7 = loadBundledQuestionnaire(u"gad-7"_s);
    QVERIFY(gad7);
    const std::vector<QuestionnaireItem> &items = gad7->items();
    QCOMPARE(items.size(), std::size_t{8});
    QCOMPARE(items.at(0).text.sv, u8(kGad7Stem.sv));
    QCOMPARE(items.at(0).text.en, u8(kGad7Stem.en));
    for (int i = 1; i <= 7; ++i) {
        const QuestionnaireItem &item = items.at(static_cast<std::size_t>(i));
        QCOMPARE(item.linkId, u"gad7-" + QString::number(i));
        QCOMPARE(item.text.en, u8(kGad7[i - 1]));
        // The Swedish item wording is to come from the national form collection: not invented.
        QVERIFY(item.text.sv.isEmpty());
        QVERIFY(!item.text.isVerified(u"sv"));
        QVERIFY(item.required);
        compareFrequencyOptions(item);
        if (QTest::currentTestFailed())
            return;
    }
}

QTEST_GUILESS_MAIN(TestInstruments)
#include "tst_instruments.moc"
