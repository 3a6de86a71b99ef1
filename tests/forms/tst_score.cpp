// Scoring rules over the published cut-offs: PHQ-9 (5/10/15/20, item 9 → stat), GAD-7 (5/10/15),
// the physiotherapy follow-up and the pre-visit form; the trend between two scores.

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/questionnaireresponse.h"
#include "forms/core/score.h"
#include "forms/core/trend.h"
#include "responsebuilder.h"

#include <QTest>

using namespace nara;
using namespace nara::forms;
using namespace nara::forms::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCodes[] = {u"not-at-all"_s, u"several-days"_s, u"more-than-half"_s, u"nearly-every-day"_s};

Questionnaire bundled(const QString &name)
{
    auto loaded = loadBundledQuestionnaire(name);
    if (!loaded)
        qFatal("bundled questionnaire %s: %s", qPrintable(name), qPrintable(loaded.error().message));
    return *loaded;
}

// Item scores (0–3 each) → answers to prefix1..prefixN.
QList<Entry> itemAnswers(const QString &prefix, const QList<int> &scores)
{
    QList<Entry> answers;
    for (qsizetype i = 0; i < scores.size(); ++i)
        answers.append({prefix + QString::number(i + 1), coding(kCodes[scores.at(i)])});
    return answers;
}

Result<Score> scoreOf(const QString &name, const QList<Entry> &answers)
{
    const Questionnaire questionnaire = bundled(name);
    const auto response = QuestionnaireResponse::fromJson(test::response(questionnaire, answers), questionnaire);
    if (!response)
        return fail(response.error());
    return score(questionnaire, *response);
}

bool hasReason(const Score &score, const QString &code)
{
    return std::any_of(score.reasons.begin(), score.reasons.end(),
                       [&](const ScoreReason &reason) { return reason.code == code; });
}

} // namespace

class TestScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phq9_data();
    void phq9();
    void phq9Item9IsStatWhateverTheTotal_data();
    void phq9Item9IsStatWhateverTheTotal();
    void phq9Item10DoesNotCount();
    void gad7_data();
    void gad7();
    void physio_data();
    void physio();
    void preVisit_data();
    void preVisit();
    void noRuleIsNotFound();
    void trend_data();
    void trend();
};

void TestScore::phq9_data()
{
    QTest::addColumn<QList<int>>("items"); // items 1–9; item 9 stays 0 here
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("priority");
    QTest::newRow("0") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 0} << 0 << u"minimal"_s << u"routine"_s;
    QTest::newRow("4") << QList<int>{1, 1, 1, 1, 0, 0, 0, 0, 0} << 4 << u"minimal"_s << u"routine"_s;
    QTest::newRow("5") << QList<int>{2, 1, 1, 1, 0, 0, 0, 0, 0} << 5 << u"mild"_s << u"routine"_s;
    QTest::newRow("9") << QList<int>{3, 3, 3, 0, 0, 0, 0, 0, 0} << 9 << u"mild"_s << u"routine"_s;
    QTest::newRow("10") << QList<int>{3, 3, 3, 1, 0, 0, 0, 0, 0} << 10 << u"moderate"_s << u"urgent"_s;
    QTest::newRow("14") << QList<int>{3, 3, 3, 3, 2, 0, 0, 0, 0} << 14 << u"moderate"_s << u"urgent"_s;
    QTest::newRow("15") << QList<int>{3, 3, 3, 3, 3, 0, 0, 0, 0} << 15 << u"moderately-severe"_s << u"asap"_s;
    QTest::newRow("19") << QList<int>{3, 3, 3, 3, 3, 3, 1, 0, 0} << 19 << u"moderately-severe"_s << u"asap"_s;
    QTest::newRow("20") << QList<int>{3, 3, 3, 3, 3, 3, 2, 0, 0} << 20 << u"severe"_s << u"asap"_s;
    QTest::newRow("24 (max without item 9)") << QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 0} << 24 << u"severe"_s << u"asap"_s;
}

void TestScore::phq9()
{
    QFETCH(QList<int>, items);
    QFETCH(int, total);
    QFETCH(QString, severity);
    QFETCH(QString, priority);
    const auto score = scoreOf(u"phq-9"_s, itemAnswers(u"phq9-"_s, items));
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->instrument, u"phq-9"_s);
    QCOMPARE(score->total, total);
    QCOMPARE(score->maxTotal, 27);
    QCOMPARE(score->severity, severity);
    QVERIFY(!score->severityLabel.sv.isEmpty() && !score->severityLabel.en.isEmpty());
    QCOMPARE(score->priority, priority);
    QVERIFY(!hasReason(*score, u"phq9-item9"_s));
    QCOMPARE(score->reasons.size(), 1);
    QVERIFY2(score->reasons.first().text.en.contains(u"total score " + QString::number(total) + u" of 27"),
             qPrintable(score->reasons.first().text.en));
}

void TestScore::phq9Item9IsStatWhateverTheTotal_data()
{
    QTest::addColumn<QList<int>>("items");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("severity");
    QTest::newRow("item 9 = 1, total 1") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 1} << 1 << u"minimal"_s;
    QTest::newRow("item 9 = 2, total 2") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 2} << 2 << u"minimal"_s;
    QTest::newRow("item 9 = 3, total 3") << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 3} << 3 << u"minimal"_s;
    QTest::newRow("item 9 = 1, total 12") << QList<int>{2, 2, 2, 2, 1, 1, 1, 0, 1} << 12 << u"moderate"_s;
    QTest::newRow("item 9 = 3, total 27") << QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 3} << 27 << u"severe"_s;
}

void TestScore::phq9Item9IsStatWhateverTheTotal()
{
    QFETCH(QList<int>, items);
    QFETCH(int, total);
    QFETCH(QString, severity);
    const auto score = scoreOf(u"phq-9"_s, itemAnswers(u"phq9-"_s, items));
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->total, total);
    QCOMPARE(score->severity, severity);
    QCOMPARE(score->priority, u"stat"_s);
    QCOMPARE(score->reasons.first().code, u"phq9-item9"_s); // the most pressing reason first
    QCOMPARE(score->reasons.first().priority, u"stat"_s);
    QVERIFY(score->reasons.first().text.en.contains(u"PHQ-9 item 9"));
    QVERIFY(score->reasons.first().text.sv.contains(u"PHQ-9 fråga 9"));
    QVERIFY(score->reasons.first().text.en.contains(u"answered " + QString::number(items.last())));
    QVERIFY(hasReason(*score, u"total"_s)); // the total's own reason is kept
}

void TestScore::phq9Item10DoesNotCount()
{
    QList<Entry> answers = itemAnswers(u"phq9-"_s, {1, 1, 1, 1, 0, 0, 0, 0, 0});
    answers.append({u"phq9-10"_s, coding(u"extremely-difficult"_s)});
    const auto score = scoreOf(u"phq-9"_s, answers);
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->total, 4);
    // Items 1–9 are all required: a missing one is refused before scoring.
    const auto incomplete = scoreOf(u"phq-9"_s, itemAnswers(u"phq9-"_s, {1, 1, 1, 1, 0, 0, 0, 0}));
    QVERIFY(!incomplete);
    QVERIFY(incomplete.error().message.contains(u"phq9-9: required"));
}

void TestScore::gad7_data()
{
    QTest::addColumn<QList<int>>("items");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("priority");
    QTest::newRow("0") << QList<int>{0, 0, 0, 0, 0, 0, 0} << 0 << u"minimal"_s << u"routine"_s;
    QTest::newRow("4") << QList<int>{1, 1, 1, 1, 0, 0, 0} << 4 << u"minimal"_s << u"routine"_s;
    QTest::newRow("5") << QList<int>{1, 1, 1, 1, 1, 0, 0} << 5 << u"mild"_s << u"routine"_s;
    QTest::newRow("9") << QList<int>{3, 3, 3, 0, 0, 0, 0} << 9 << u"mild"_s << u"routine"_s;
    QTest::newRow("10") << QList<int>{3, 3, 3, 1, 0, 0, 0} << 10 << u"moderate"_s << u"urgent"_s;
    QTest::newRow("14") << QList<int>{3, 3, 3, 3, 2, 0, 0} << 14 << u"moderate"_s << u"urgent"_s;
    QTest::newRow("15") << QList<int>{3, 3, 3, 3, 3, 0, 0} << 15 << u"severe"_s << u"asap"_s;
    QTest::newRow("21") << QList<int>{3, 3, 3, 3, 3, 3, 3} << 21 << u"severe"_s << u"asap"_s;
}

void TestScore::gad7()
{
    QFETCH(QList<int>, items);
    QFETCH(int, total);
    QFETCH(QString, severity);
    QFETCH(QString, priority);
    const auto score = scoreOf(u"gad-7"_s, itemAnswers(u"gad7-"_s, items));
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->instrument, u"gad-7"_s);
    QCOMPARE(score->total, total);
    QCOMPARE(score->maxTotal, 21);
    QCOMPARE(score->severity, severity);
    QCOMPARE(score->priority, priority);
    QCOMPARE(score->reasons.size(), 1);
    QVERIFY(score->reasons.first().text.sv.contains(u"GAD-7: totalpoäng " + QString::number(total) + u" av 21"));
}

void TestScore::physio_data()
{
    QTest::addColumn<int>("pain");
    QTest::addColumn<QString>("adherence");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QStringList>("reasons");
    QTest::newRow("no pain") << 0 << u"every-day"_s << u"pain-none"_s << u"routine"_s << QStringList{u"pain"_s};
    QTest::newRow("pain 7") << 7 << u"most-days"_s << u"pain-moderate"_s << u"routine"_s << QStringList{u"pain"_s};
    QTest::newRow("pain 8") << 8 << u"some-days"_s << u"pain-severe"_s << u"asap"_s << QStringList{u"pain"_s};
    QTest::newRow("pain 10, no exercise")
        << 10 << u"not-at-all"_s << u"pain-severe"_s << u"asap"_s << QStringList{u"pain"_s, u"adherence"_s};
    QTest::newRow("pain 2, no exercise") << 2 << u"not-at-all"_s << u"pain-mild"_s << u"routine"_s
                                         << QStringList{u"pain"_s, u"adherence"_s};
}

void TestScore::physio()
{
    QFETCH(int, pain);
    QFETCH(QString, adherence);
    QFETCH(QString, severity);
    QFETCH(QString, priority);
    QFETCH(QStringList, reasons);
    const auto score = scoreOf(u"physio-follow-up"_s,
                               {{u"pain-now"_s, integer(pain)},
                                {u"psfs-1-activity"_s, string(u"Gå"_s)},
                                {u"psfs-1-score"_s, integer(4)},
                                {u"psfs-3-activity"_s, string(u"Lyfta"_s)},
                                {u"psfs-3-score"_s, integer(7)},
                                {u"adherence"_s, coding(adherence)}});
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->total, pain);
    QCOMPARE(score->maxTotal, 10);
    QCOMPARE(score->severity, severity);
    QCOMPARE(score->priority, priority);
    QCOMPARE(score->psfsMean.value_or(-1), 5.5);
    QStringList codes;
    for (const ScoreReason &reason : score->reasons)
        codes.append(reason.code);
    QCOMPARE(codes, reasons);
}

void TestScore::preVisit_data()
{
    QTest::addColumn<QList<Entry>>("extra");
    QTest::addColumn<int>("pain");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QString>("firstReason");
    QTest::newRow("no fever, pain 3") << QList<Entry>{{u"fever"_s, boolean(false)}} << 3 << u"routine"_s << u"pain"_s;
    QTest::newRow("fever without temperature")
        << QList<Entry>{{u"fever"_s, boolean(true)}} << 3 << u"routine"_s << u"pain"_s;
    QTest::newRow("37.9") << QList<Entry>{{u"fever"_s, boolean(true)}, {u"temperature"_s, decimal(37.9)}} << 3
                          << u"routine"_s << u"pain"_s;
    QTest::newRow("38.0") << QList<Entry>{{u"fever"_s, boolean(true)}, {u"temperature"_s, decimal(38.0)}} << 3
                          << u"urgent"_s << u"fever"_s;
    QTest::newRow("39.0") << QList<Entry>{{u"fever"_s, boolean(true)}, {u"temperature"_s, decimal(39.0)}} << 3
                          << u"asap"_s << u"fever"_s;
    QTest::newRow("pain 8") << QList<Entry>{{u"fever"_s, boolean(false)}} << 8 << u"asap"_s << u"pain"_s;
}

void TestScore::preVisit()
{
    QFETCH(QList<Entry>, extra);
    QFETCH(int, pain);
    QFETCH(QString, priority);
    QFETCH(QString, firstReason);
    QList<Entry> answers{{u"complaint"_s, string(u"Ont i halsen"_s)},
                         {u"duration"_s, coding(u"under-1-day"_s)},
                         {u"pain"_s, integer(pain)}};
    const auto score = scoreOf(u"pre-visit-symptoms"_s, answers + extra);
    QVERIFY2(score, qPrintable(score ? QString() : score.error().message));
    QCOMPARE(score->total, pain);
    QCOMPARE(score->priority, priority);
    QCOMPARE(score->reasons.first().code, firstReason);
    if (firstReason == u"fever")
        QVERIFY2(score->reasons.first().text.sv.contains(u"°C") && score->reasons.first().text.sv.contains(u','),
                 qPrintable(score->reasons.first().text.sv)); // Swedish decimal comma
}

void TestScore::noRuleIsNotFound()
{
    const QByteArray translation = "{\"extension\":[{\"url\":\"http:/"
                                   "/hl7.org/fhir/StructureDefinition/"
                                   "translation\",\"extension\":[{\"url\":\"lang\",\"valueCode\":\"en\"},"
                                   "{\"url\":\"content\",\"valueString\":\"T\"}]}]}";
    const auto questionnaire = Questionnaire::fromJson(
        R"({"resourceType":"Questionnaire","url":"u","title":"T","_title":)" + translation
        + R"(,"item":[{"linkId":"b","type":"boolean","text":"B","_text":)" + translation + "}]}");
    QVERIFY2(questionnaire, qPrintable(questionnaire ? QString() : questionnaire.error().message));
    const auto response = QuestionnaireResponse::fromJson(test::response(*questionnaire, {}), *questionnaire);
    QVERIFY(response);
    const auto result = score(*questionnaire, *response);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QVERIFY(isMorePressing(u"stat", u"asap") && isMorePressing(u"asap", u"urgent")
            && isMorePressing(u"urgent", u"routine") && !isMorePressing(u"routine", u"urgent"));
}

void TestScore::trend_data()
{
    QTest::addColumn<QString>("instrument");
    QTest::addColumn<int>("previous");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("change");
    QTest::addColumn<TrendDirection>("direction");
    QTest::newRow("GAD-7 fall of 4") << u"gad-7"_s << 14 << 10 << -4 << TrendDirection::Improved;
    QTest::newRow("GAD-7 fall of 3") << u"gad-7"_s << 14 << 11 << -3 << TrendDirection::Unchanged;
    QTest::newRow("GAD-7 rise of 4") << u"gad-7"_s << 6 << 10 << 4 << TrendDirection::Worsened;
    QTest::newRow("GAD-7 rise of 3") << u"gad-7"_s << 6 << 9 << 3 << TrendDirection::Unchanged;
    QTest::newRow("PHQ-9 fall of 5") << u"phq-9"_s << 17 << 12 << -5 << TrendDirection::Improved;
    QTest::newRow("PHQ-9 fall of 4") << u"phq-9"_s << 17 << 13 << -4 << TrendDirection::Unchanged;
    QTest::newRow("pain rise of 2") << u"physio-follow-up"_s << 3 << 5 << 2 << TrendDirection::Worsened;
    QTest::newRow("pain same") << u"physio-follow-up"_s << 3 << 3 << 0 << TrendDirection::Unchanged;
}

void TestScore::trend()
{
    QFETCH(QString, instrument);
    QFETCH(int, previous);
    QFETCH(int, current);
    QFETCH(int, change);
    QFETCH(TrendDirection, direction);
    Score before;
    before.instrument = instrument;
    before.total = previous;
    Score after = before;
    after.total = current;
    const Trend result = forms::trend(before, after);
    QCOMPARE(result.change, change);
    QCOMPARE(result.direction, direction);
    QCOMPARE(result.clinicallyRelevant(), direction != TrendDirection::Unchanged);
    Score other = after;
    other.instrument = u"other"_s;
    QCOMPARE(forms::trend(before, other).direction, TrendDirection::Unchanged); // different instruments
}

QTEST_GUILESS_MAIN(TestScore)
#include "tst_score.moc"
