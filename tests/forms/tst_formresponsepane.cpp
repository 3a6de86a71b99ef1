// The form pane with real widgets, offscreen: the request and its state, the answers in the
// questionnaire's order (disabled items left out, unverified wording marked), the score and its
// reasons, the trend chart over the patient's earlier answers and the trend sentence; an answer
// that does not match its questionnaire is said so, never shown half. The chart's severity bands
// are checked against forms_core's scoring for every possible total.

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/questionnaireresponse.h"
#include "forms/core/score.h"
#include "forms/ui/formresponsepane.h"
#include "forms/ui/formtrendchart.h"
#include "forms/ui/severitybands.h"
#include "jsonmutations.h"
#include "responsebuilder.h"

#include <QAction>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QValueAxis>

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

// This year's date, so the pane writes it without the year ("3 nov").
qint64 at(int month, int day, int hour = 10)
{
    return QDateTime(QDate(QDate::currentDate().year(), month, day), QTime(hour, 0)).toMSecsSinceEpoch();
}

// The score as the server stores it in a form_response record (docs/api/contract.md, "Forms").
QJsonValue scoreJson(const Questionnaire &questionnaire, const QJsonObject &fhir)
{
    const auto response = QuestionnaireResponse::fromJson(fhir, questionnaire);
    if (!response)
        qFatal("test response: %s", qPrintable(response.error().message));
    const auto score = forms::score(questionnaire, *response);
    if (!score)
        return QJsonValue::Null;
    QJsonArray reasons;
    for (const ScoreReason &reason : score->reasons)
        reasons.append(QJsonObject{{u"code"_s, reason.code},
                                   {u"priority"_s, reason.priority},
                                   {u"text"_s, reason.text.sv},
                                   {u"textEn"_s, reason.text.en}});
    return QJsonObject{{u"instrument"_s, score->instrument},
                       {u"total"_s, score->total},
                       {u"maxTotal"_s, score->maxTotal},
                       {u"severity"_s, score->severity},
                       {u"severityLabel"_s, score->severityLabel.sv},
                       {u"severityLabelEn"_s, score->severityLabel.en},
                       {u"priority"_s, score->priority},
                       {u"reasons"_s, reasons},
                       {u"psfsMean"_s, score->psfsMean ? QJsonValue(*score->psfsMean) : QJsonValue::Null}};
}

QJsonObject responseRecord(const QString &id, const QString &name, qint64 authoredAt, const QList<Entry> &answers,
                           bool scored = true)
{
    const Questionnaire questionnaire = bundled(name);
    const QJsonObject fhir = test::response(questionnaire, answers);
    return {{u"id"_s, id},
            {u"version"_s, 1},
            {u"requestId"_s, QString(u"req-"_s + id)},
            {u"patientId"_s, u"p1"_s},
            {u"unitId"_s, u"unit-1"_s},
            {u"questionnaireId"_s, name},
            {u"itemId"_s, QString(u"item-"_s + id)},
            {u"authoredAt"_s, authoredAt},
            {u"score"_s, scored ? scoreJson(questionnaire, fhir) : QJsonValue::Null},
            {u"response"_s, fhir}};
}

// PHQ-9 with the given item scores for items 1–9 (and item 10 answered).
QJsonObject phq9(const QString &id, qint64 authoredAt, const QList<int> &scores)
{
    QList<Entry> answers;
    for (qsizetype i = 0; i < scores.size(); ++i)
        answers.append({u"phq9-"_s + QString::number(i + 1), coding(kCodes[scores.at(i)])});
    answers.append({u"phq9-10"_s, coding(u"somewhat-difficult"_s)});
    return responseRecord(id, u"phq-9"_s, authoredAt, answers);
}

QJsonObject requestRecord(const QString &id, const QString &name, const QString &state, qint64 dueAt)
{
    return {{u"id"_s, id},
            {u"version"_s, 2},
            {u"patientId"_s, u"p1"_s},
            {u"unitId"_s, u"unit-1"_s},
            {u"questionnaireId"_s, name},
            {u"title"_s, name.toUpper()},
            {u"seriesId"_s, u"s1"_s},
            {u"occasion"_s, 2},
            {u"occasions"_s, 6},
            {u"availableAt"_s, dueAt - 7 * 86'400'000LL},
            {u"dueAt"_s, dueAt},
            {u"state"_s, state},
            {u"itemId"_s, u"item-1"_s},
            {u"responseId"_s, QJsonValue::Null},
            {u"sentBy"_s, u"me"_s},
            {u"sentAt"_s, at(11, 1)},
            {u"answeredAt"_s, 0}};
}

FormItemView view(const QJsonObject &response, QList<QJsonObject> history = {})
{
    FormItemView view;
    view.itemId = response.isEmpty() ? u"item-1"_s : response.value(u"itemId").toString();
    view.itemTitle = u"PHQ-9 besvarat"_s;
    view.patientId = u"p1"_s;
    view.patientText = u"Tolvan Tolvansson, 19121212-1212"_s;
    view.response = response;
    view.sentByName = u"Anna A"_s;
    history.append(response);
    view.patientResponses = history;
    return view;
}

QStringList linkIds(const QTreeWidget *tree)
{
    QStringList ids;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
        ids.append((*it)->data(0, Qt::UserRole).toString());
    return ids;
}

QTreeWidgetItem *row(const QTreeWidget *tree, const QString &linkId)
{
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == linkId)
            return *it;
    return nullptr;
}

} // namespace

class TestFormResponsePane : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *child(QWidget &parent, const char *name)
    {
        auto *widget = parent.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }
    static QString text(QWidget &parent, const char *name) { return child<QLabel>(parent, name)->text(); }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden)); }

    void phq9WithItem9IsStatWithTrend()
    {
        FormResponsePane pane;
        pane.show();
        // Earlier answers of this patient: 3 Nov (20), 10 Nov (16); a GAD-7, an answer after this
        // one and this one's older copy do not count. This answer: 10 points, item 9 = 2.
        const QJsonObject first = phq9(u"r1"_s, at(11, 3), {3, 3, 2, 2, 2, 2, 2, 2, 2});
        const QJsonObject second = phq9(u"r2"_s, at(11, 10), {2, 2, 2, 2, 2, 2, 2, 2, 0});
        const QJsonObject gad = responseRecord(u"g1"_s, u"gad-7"_s, at(11, 12),
                                               {{u"gad7-1"_s, coding(kCodes[3])},
                                                {u"gad7-2"_s, coding(kCodes[3])},
                                                {u"gad7-3"_s, coding(kCodes[3])},
                                                {u"gad7-4"_s, coding(kCodes[3])},
                                                {u"gad7-5"_s, coding(kCodes[3])},
                                                {u"gad7-6"_s, coding(kCodes[3])},
                                                {u"gad7-7"_s, coding(kCodes[3])}});
        const QJsonObject later = phq9(u"r9"_s, at(11, 24), {0, 0, 0, 0, 0, 0, 0, 0, 0});
        const QJsonObject current = phq9(u"r3"_s, at(11, 17), {1, 1, 1, 1, 1, 1, 1, 1, 2});
        FormItemView shown = view(current, {second, later, gad, first});
        shown.request = requestRecord(u"req-r3"_s, u"phq-9"_s, u"answered"_s, at(11, 18));
        pane.showForm(shown);

        QCOMPARE(text(pane, "formHeader"), u"PHQ-9"_s);
        QVERIFY2(text(pane, "formRequest").contains(u"Sent by Anna A on 1 nov · due 18 nov · occasion 2 of 6"_s),
                 qPrintable(text(pane, "formRequest")));
        QCOMPARE(text(pane, "formState"), u"Answered 17 nov 10:00"_s);
        QVERIFY(child<QLabel>(pane, "formProblem")->isHidden());

        // Score, priority and why.
        QCOMPARE(text(pane, "formScore"), u"10 of 27 points – Måttlig"_s);
        auto *priority = child<QLabel>(pane, "formPriority");
        QCOMPARE(priority->text(), u"Priority: Stat"_s);
        QCOMPARE(priority->property("priority").toString(), u"stat"_s);
        const QString reasons = text(pane, "formReasons");
        QVERIFY2(reasons.startsWith(u"• PHQ-9 fråga 9"_s), qPrintable(reasons));
        QVERIFY(reasons.contains(u"bedöm suicidrisk samma dag"_s));
        QVERIFY(reasons.contains(u"totalpoäng 10 av 27"_s));

        // The answers in the questionnaire's order, with their points; item 10 has no Swedish
        // wording yet: marked.
        auto *answers = child<QTreeWidget>(pane, "formAnswers");
        QVERIFY(answers->isVisible());
        QStringList expected{u"phq9-stem"_s};
        for (int i = 1; i <= 10; ++i)
            expected.append(u"phq9-"_s + QString::number(i));
        QCOMPARE(linkIds(answers), expected);
        QTreeWidgetItem *item9 = row(answers, u"phq9-9"_s);
        QVERIFY(item9->text(0).startsWith(u"Tankar att det skulle vara bättre om du var död"_s));
        QCOMPARE(item9->text(1), u"Mer än hälften av dagarna"_s);
        QCOMPARE(item9->text(2), u"2"_s);
        QCOMPARE(row(answers, u"phq9-1"_s)->text(1), u"Flera dagar"_s);
        QTreeWidgetItem *item10 = row(answers, u"phq9-10"_s);
        QVERIFY2(item10->text(0).endsWith(u"(wording not verified)"_s), qPrintable(item10->text(0)));
        QCOMPARE(item10->text(1), u"Somewhat difficult"_s); // the English wording, until verified
        QVERIFY(item10->text(2).isEmpty()); // not scored
        QVERIFY(!row(answers, u"phq9-1"_s)->text(0).contains(u"not verified"_s));

        // The chart: one point per answer up to this one, oldest first, this one marked.
        FormTrendChart *chart = pane.trendChart();
        QVERIFY(chart->isVisible());
        const QList<QPointF> points = chart->totals()->points();
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.at(0), QPointF(double(at(11, 3)), 20));
        QCOMPARE(points.at(1), QPointF(double(at(11, 10)), 16));
        QCOMPARE(points.at(2), QPointF(double(at(11, 17)), 10));
        QCOMPARE(chart->currentAnswer()->points(), QList<QPointF>{QPointF(double(at(11, 17)), 10)});
        // The PHQ-9 bands behind it, and words for screen readers.
        QStringList bands;
        for (QAbstractSeries *series : chart->chart()->series())
            if (series->objectName().startsWith(u"band-"_s))
                bands.append(series->objectName());
        QCOMPARE(bands,
                 (QStringList{u"band-minimal"_s, u"band-mild"_s, u"band-moderate"_s, u"band-moderately-severe"_s,
                              u"band-severe"_s}));
        QVERIFY(chart->accessibleDescription().contains(u"3 nov: 20, 10 nov: 16, 17 nov: 10"_s));
        QCOMPARE(text(pane, "formTrend"), u"Improved by 6 point(s) since 10 nov"_s);
    }

    void trendSentences()
    {
        FormResponsePane pane;
        const QJsonObject before = phq9(u"r1"_s, at(11, 3), {1, 1, 1, 1, 1, 1, 0, 0, 0});
        pane.showForm(view(phq9(u"r2"_s, at(11, 10), {2, 2, 2, 2, 2, 1, 0, 0, 0}), {before}));
        QCOMPARE(text(pane, "formTrend"), u"Worse by 5 point(s) since 3 nov"_s);
        pane.showForm(view(phq9(u"r2"_s, at(11, 10), {1, 1, 1, 1, 1, 1, 1, 1, 0}), {before}));
        QCOMPARE(text(pane, "formTrend"), u"No clinically relevant change since 3 nov (+2 points)"_s);
        pane.showForm(view(phq9(u"r2"_s, at(11, 10), {1, 1, 1, 1, 1, 1, 0, 0, 0}), {before}));
        QCOMPARE(text(pane, "formTrend"), u"Unchanged since 3 nov"_s);
        pane.showForm(view(phq9(u"r2"_s, at(11, 10), {1, 1, 1, 1, 1, 1, 0, 0, 0})));
        QCOMPARE(text(pane, "formTrend"), u"The first answer to this questionnaire."_s);
        QCOMPARE(pane.trendChart()->totals()->count(), 1);
    }

    void oddRecordsDoNotStretchTheChart()
    {
        FormResponsePane pane;
        pane.show();
        const auto withScore = [](QJsonObject record, int total, int maxTotal) {
            QJsonObject score = record.value(u"score").toObject();
            score.insert(u"total"_s, total);
            score.insert(u"maxTotal"_s, maxTotal);
            record.insert(u"score"_s, score);
            return record;
        };
        // Earlier records with a huge, a negative and a total past the scale, one without a time
        // that is a number of ms; one sane answer on 10 nov (16 points).
        const QJsonObject huge
            = withScore(phq9(u"r1"_s, at(11, 3), {3, 3, 2, 2, 2, 2, 2, 2, 2}), 2'000'000'000, 2'000'000'000);
        const QJsonObject negative = withScore(phq9(u"r2"_s, at(11, 4), {0, 0, 0, 0, 0, 0, 0, 0, 0}), -5, 27);
        const QJsonObject past = withScore(phq9(u"r4"_s, at(11, 5), {0, 0, 0, 0, 0, 0, 0, 0, 0}), 28, 27);
        QJsonObject timeless = phq9(u"r5"_s, at(11, 6), {1, 1, 1, 1, 1, 1, 1, 1, 1});
        timeless.insert(u"authoredAt"_s, 1e300);
        const QJsonObject sane = phq9(u"r6"_s, at(11, 10), {2, 2, 2, 2, 2, 2, 2, 2, 0});
        // The newest earlier record is past its scale too: the trend must not compare with it.
        const QJsonObject pastLate = withScore(phq9(u"r7"_s, at(11, 12), {0, 0, 0, 0, 0, 0, 0, 0, 0}), 40, 27);
        const QJsonObject current = phq9(u"r3"_s, at(11, 17), {1, 1, 1, 1, 1, 1, 1, 1, 2});
        pane.showForm(view(current, {huge, negative, past, timeless, sane, pastLate}));
        (void)pane.grab(); // laid out and drawn: no hang

        FormTrendChart *chart = pane.trendChart();
        QCOMPARE(chart->totals()->points(), (QList<QPointF>{{double(at(11, 10)), 16}, {double(at(11, 17)), 10}}));
        QCOMPARE(chart->currentAnswer()->points(), QList<QPointF>{QPointF(double(at(11, 17)), 10)});
        auto *axis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->max(), 27.0);
        QCOMPARE(text(pane, "formTrend"), u"Improved by 6 point(s) since 10 nov"_s);

        // The answer shown claims a huge scale: the axis stops at 100.
        pane.showForm(view(withScore(current, 10, 2'000'000'000), {sane}));
        (void)pane.grab();
        axis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
        QCOMPARE(axis->max(), 100.0);
        QCOMPARE(chart->totals()->count(), 2);
        // Its own total is past its scale: not drawn and not marked; the earlier one still is.
        pane.showForm(view(withScore(current, 500, 27), {sane}));
        (void)pane.grab();
        QCOMPARE(chart->totals()->points(), QList<QPointF>{QPointF(double(at(11, 10)), 16)});
        QVERIFY(!chart->currentAnswer());
        axis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
        QCOMPARE(axis->max(), 27.0);
    }

    void unscoredFormShowsAnswersOnly()
    {
        // The pre-visit form without a score (null, as the contract sends it); no fever, so the
        // temperature was never asked: it is not listed.
        FormResponsePane pane;
        pane.show();
        const QJsonObject record = responseRecord(u"v1"_s, u"pre-visit-symptoms"_s, at(11, 20),
                                                  {{u"complaint"_s, string(u"Ont i halsen"_s)},
                                                   {u"duration"_s, coding(u"1-7-days"_s)},
                                                   {u"fever"_s, boolean(false)},
                                                   {u"pain"_s, integer(3)}},
                                                  false);
        pane.showForm(view(record));
        QCOMPARE(text(pane, "formHeader"), u"Inför besöket: dina besvär"_s);
        for (const char *hidden : {"formScore", "formPriority", "formReasons", "formTrend", "formProblem"})
            QVERIFY2(child<QLabel>(pane, hidden)->isHidden(), hidden);
        QVERIFY(pane.trendChart()->isHidden());
        auto *answers = child<QTreeWidget>(pane, "formAnswers");
        QVERIFY(answers->isVisible());
        QCOMPARE(linkIds(answers), (QStringList{u"complaint"_s, u"duration"_s, u"fever"_s, u"pain"_s, u"other"_s}));
        QCOMPARE(row(answers, u"complaint"_s)->text(1), u"Ont i halsen"_s);
        QCOMPARE(row(answers, u"fever"_s)->text(1), u"No"_s);
        QCOMPARE(row(answers, u"pain"_s)->text(1), u"3"_s);
        QCOMPARE(row(answers, u"other"_s)->text(1), u"not answered"_s);
        QVERIFY(answers->isColumnHidden(2)); // no points anywhere

        // With fever the temperature is listed, with a Swedish decimal comma.
        const QJsonObject fever = responseRecord(u"v2"_s, u"pre-visit-symptoms"_s, at(11, 21),
                                                 {{u"complaint"_s, string(u"Hosta"_s)},
                                                  {u"duration"_s, coding(u"1-7-days"_s)},
                                                  {u"fever"_s, boolean(true)},
                                                  {u"temperature"_s, decimal(38.5)},
                                                  {u"pain"_s, integer(2)}},
                                                 false);
        pane.showForm(view(fever));
        QCOMPARE(row(answers, u"temperature"_s)->text(1), u"38,5"_s);
    }

    void groupsWithoutAnswersAreLeftOut()
    {
        // The physiotherapy follow-up: one PSFS activity of three; the score's PSFS mean is shown.
        FormResponsePane pane;
        const QJsonObject record = responseRecord(u"f1"_s, u"physio-follow-up"_s, at(11, 20),
                                                  {{u"pain-now"_s, integer(6)},
                                                   {u"psfs-1-activity"_s, string(u"Gå i trappor"_s)},
                                                   {u"psfs-1-score"_s, integer(4)},
                                                   {u"adherence"_s, coding(u"most-days"_s)}});
        pane.showForm(view(record));
        auto *answers = child<QTreeWidget>(pane, "formAnswers");
        QCOMPARE(linkIds(answers),
                 (QStringList{u"pain-now"_s, u"psfs-intro"_s, u"psfs-1"_s, u"psfs-1-activity"_s, u"psfs-1-score"_s,
                              u"adherence"_s, u"remark"_s}));
        QCOMPARE(row(answers, u"psfs-1-activity"_s)->parent(), row(answers, u"psfs-1"_s));
        QVERIFY(text(pane, "formScore").startsWith(u"6 of 10 points – Måttlig smärta · PSFS mean 4,0"_s));
    }

    void overdueRequestWithoutAnswer()
    {
        FormResponsePane pane;
        pane.show();
        FormItemView shown = view({});
        shown.request = requestRecord(u"req-1"_s, u"gad-7"_s, u"overdue"_s, at(11, 20));
        pane.showForm(shown);
        QCOMPARE(text(pane, "formHeader"), u"GAD-7"_s);
        auto *state = child<QLabel>(pane, "formState");
        QCOMPARE(state->text(), u"Not answered – was due 20 nov"_s);
        QVERIFY(state->property("overdue").toBool());
        QVERIFY(child<QTreeWidget>(pane, "formAnswers")->isHidden());
        QVERIFY(pane.trendChart()->isHidden());
        QVERIFY(child<QPushButton>(pane, "formCloseButton")->isEnabled());
    }

    void answerNotMatchingItsQuestionnaireIsSaidSo()
    {
        FormResponsePane pane;
        pane.show();
        QJsonObject record = phq9(u"r1"_s, at(11, 3), {1, 1, 1, 1, 1, 1, 1, 1, 1});
        QJsonObject fhir = record.value(u"response").toObject();
        QJsonArray items = fhir.value(u"item").toArray();
        items.append(QJsonObject{{u"linkId"_s, u"no-such-item"_s},
                                 {u"answer"_s, QJsonArray{QJsonObject{{u"valueInteger"_s, 3}}}}});
        fhir.insert(u"item"_s, items);
        record.insert(u"response"_s, fhir);
        pane.showForm(view(record));
        auto *problem = child<QLabel>(pane, "formProblem");
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(u"This answer does not match the questionnaire PHQ-9"_s),
                 qPrintable(problem->text()));
        QVERIFY(problem->text().contains(u"no-such-item"_s));
        QVERIFY(child<QTreeWidget>(pane, "formAnswers")->isHidden());
        QCOMPARE(child<QTreeWidget>(pane, "formAnswers")->topLevelItemCount(), 0);
        QVERIFY(child<QLabel>(pane, "formScore")->isHidden());

        // A questionnaire this version does not know.
        record.insert(u"questionnaireId"_s, u"epds"_s);
        pane.showForm(view(record));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(u"does not know (epds)"_s));

        // Any one element of the record replaced by garbage: a readable pane or the message,
        // never a crash and never answers next to the message.
        const QJsonObject good = phq9(u"r1"_s, at(11, 3), {1, 2, 3, 0, 1, 2, 3, 0, 1});
        int refused = 0;
        for (const QJsonValue &garbage : {QJsonValue(u"x"_s), QJsonValue(7), QJsonValue(QJsonValue::Null)}) {
            eachMutation(good, garbage, [&](const QJsonValue &mutated) {
                pane.showForm(view(mutated.toObject()));
                const bool failed = problem->isVisible();
                refused += failed ? 1 : 0;
                QVERIFY(!(failed && child<QTreeWidget>(pane, "formAnswers")->isVisible()));
            });
        }
        QVERIFY(refused > 30);
    }

    void actionsSayWhatTheyAreFor()
    {
        FormResponsePane pane;
        pane.show();
        QSignalSpy close(&pane, &FormResponsePane::closeRequested);
        QSignalSpy escalate(&pane, &FormResponsePane::escalateRequested);
        QSignalSpy contact(&pane, &FormResponsePane::contactPatientRequested);
        pane.showForm(view(phq9(u"r1"_s, at(11, 3), {1, 1, 1, 1, 1, 1, 1, 1, 1})));
        QTest::mouseClick(child<QPushButton>(pane, "formCloseButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(pane, "formEscalateButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(pane, "formContactButton"), Qt::LeftButton);
        QCOMPARE(close.size(), 1);
        QCOMPARE(close.first().first().toString(), u"item-r1"_s);
        QCOMPARE(escalate.first().first().toString(), u"item-r1"_s);
        QCOMPARE(contact.first().first().toString(), u"p1"_s);
        // The keys, listed for the shortcut help.
        QCOMPARE(pane.shortcutActions().size(), 3);
        QCOMPARE(pane.shortcutActions().at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));

        // A closed item is not closed or escalated again; the patient can still be contacted.
        FormItemView done = view(phq9(u"r1"_s, at(11, 3), {1, 1, 1, 1, 1, 1, 1, 1, 1}));
        done.itemOpen = false;
        pane.showForm(done);
        QVERIFY(!child<QPushButton>(pane, "formCloseButton")->isEnabled());
        QVERIFY(!child<QPushButton>(pane, "formEscalateButton")->isEnabled());
        QVERIFY(child<QPushButton>(pane, "formContactButton")->isEnabled());
        pane.showForm({});
        QCOMPARE(text(pane, "formHeader"), u"No item selected"_s);
        QVERIFY(!child<QPushButton>(pane, "formContactButton")->isEnabled());
    }

    void bandsMatchTheScoringRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("phq-9") << u"phq-9"_s;
        QTest::newRow("gad-7") << u"gad-7"_s;
        QTest::newRow("physio-follow-up") << u"physio-follow-up"_s;
    }
    void bandsMatchTheScoringRules()
    {
        // Every possible total through forms::score(): its severity is the band the chart shades.
        QFETCH(QString, name);
        const Questionnaire questionnaire = bundled(name);
        const bool physio = name == u"physio-follow-up";
        const int items = name == u"phq-9" ? 9 : 7;
        const int maxTotal = physio ? 10 : 3 * items;
        const QList<SeverityBand> bands = severityBands(name);
        QCOMPARE(bands.first().from, 0);
        QCOMPARE(bands.last().to, maxTotal);
        for (int total = 0; total <= maxTotal; ++total) {
            QList<Entry> answers;
            if (physio) {
                answers = {{u"pain-now"_s, integer(total)}, {u"adherence"_s, coding(u"every-day"_s)}};
            } else {
                int left = total;
                for (int i = 1; i <= items; ++i) {
                    const int points = std::min(left, 3);
                    left -= points;
                    answers.append({name.left(3) + (name == u"phq-9" ? u"9-"_s : u"7-"_s) + QString::number(i),
                                    coding(kCodes[points])});
                }
                if (name == u"phq-9")
                    answers.append({u"phq9-10"_s, coding(u"not-difficult"_s)});
            }
            const auto response
                = QuestionnaireResponse::fromJson(test::response(questionnaire, answers), questionnaire);
            QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
            const auto score = forms::score(questionnaire, *response);
            QVERIFY(score);
            QCOMPARE(score->total, total);
            const auto band = std::find_if(bands.cbegin(), bands.cend(), [total](const SeverityBand &band) {
                return total >= band.from && total <= band.to;
            });
            QVERIFY(band != bands.cend());
            QCOMPARE(band->code, score->severity);
        }
        QCOMPARE(severityBands(u"pre-visit-symptoms"_s).size(), 4);
        QVERIFY(severityBands(u"unknown"_s).isEmpty());
    }
};

QTEST_MAIN(TestFormResponsePane)
#include "tst_formresponsepane.moc"
