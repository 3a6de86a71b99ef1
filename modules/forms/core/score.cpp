#include "forms/core/score.h"

#include "forms/core/questionnaire.h"
#include "forms/core/questionnaireresponse.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nara::forms {

namespace {

int rank(QStringView priority)
{
    if (priority == u"stat")
        return 0;
    if (priority == u"asap")
        return 1;
    if (priority == u"urgent")
        return 2;
    return 3;
}

LocalizedText text(const QString &sv, const QString &en)
{
    return LocalizedText{sv, en, {}};
}

struct Band
{
    int from; // lowest total in the band
    const char16_t *code;
    const char16_t *sv;
    const char16_t *en;
    const char16_t *priority;
};

// PHQ-9 severity (Kroenke 2001, /work/shared/instruments): 0–4 minimal, 5–9 mild, 10–14 moderate,
// 15–19 moderately severe, 20–27 severe. Priority by severity, in the inbox's order where asap is
// more pressing than urgent: moderately severe and severe → asap (seen within days); moderate →
// urgent (treatment is usually started: ahead of routine work); minimal and mild → routine.
// Item 9 above 0 overrides all of it with stat (see scorePhq9).
constexpr Band kPhq9Bands[] = {{20, u"severe", u"Svår", u"Severe", u"asap"},
                               {15, u"moderately-severe", u"Måttligt svår", u"Moderately severe", u"asap"},
                               {10, u"moderate", u"Måttlig", u"Moderate", u"urgent"},
                               {5, u"mild", u"Lindrig", u"Mild", u"routine"},
                               {0, u"minimal", u"Minimal", u"Minimal", u"routine"}};
// GAD-7 severity (Spitzer 2006): 5 mild, 10 moderate, 15 severe; 10 or more is the screening
// threshold, so moderate → urgent and severe → asap, as for PHQ-9.
constexpr Band kGad7Bands[] = {{15, u"severe", u"Svår", u"Severe", u"asap"},
                               {10, u"moderate", u"Måttlig", u"Moderate", u"urgent"},
                               {5, u"mild", u"Lindrig", u"Mild", u"routine"},
                               {0, u"minimal", u"Minimal", u"Minimal", u"routine"}};
// Pain on the 0–10 numeric rating scale, in the usual bands; 8 or more → asap (physiotherapy and
// pre-visit forms: the patient should be contacted within days, not at the next planned visit).
constexpr Band kPainBands[] = {{8, u"pain-severe", u"Svår smärta", u"Severe pain", u"asap"},
                               {4, u"pain-moderate", u"Måttlig smärta", u"Moderate pain", u"routine"},
                               {1, u"pain-mild", u"Lätt smärta", u"Mild pain", u"routine"},
                               {0, u"pain-none", u"Ingen smärta", u"No pain", u"routine"}};

template<std::size_t N> const Band &bandOf(const Band (&bands)[N], int total)
{
    for (const Band &band : bands)
        if (total >= band.from)
            return band;
    return bands[N - 1];
}

void applyBand(Score &score, const Band &band)
{
    score.severity = QString::fromUtf16(band.code);
    score.severityLabel = text(QString::fromUtf16(band.sv), QString::fromUtf16(band.en));
}

void finish(Score &score)
{
    std::stable_sort(score.reasons.begin(), score.reasons.end(),
                     [](const ScoreReason &a, const ScoreReason &b) { return rank(a.priority) < rank(b.priority); });
    score.priority = score.reasons.isEmpty() ? u"routine"_s : score.reasons.first().priority;
}

// The sum of the ordinal scores of the answers to `prefix`1..`count`, all required.
Result<int> ordinalSum(const Questionnaire &questionnaire, const QuestionnaireResponse &response, const QString &prefix,
                       int count)
{
    int total = 0;
    for (int i = 1; i <= count; ++i) {
        const QString linkId = prefix + QString::number(i);
        const QuestionnaireItem *item = questionnaire.item(linkId);
        const std::optional<QString> code = response.codeAnswer(linkId);
        const AnswerOption *option = item && code ? item->option(*code) : nullptr;
        if (!option || !option->ordinal)
            return fail(ErrorCode::InvalidInput, linkId + u" has no scored answer");
        total += *option->ordinal;
    }
    return total;
}

Result<Score> scoreSum(const Questionnaire &questionnaire, const QuestionnaireResponse &response,
                       const QString &instrument, const QString &prefix, int count, const auto &bands)
{
    const auto total = ordinalSum(questionnaire, response, prefix, count);
    if (!total)
        return fail(total.error());
    Score score;
    score.instrument = instrument;
    score.total = *total;
    score.maxTotal = 3 * count;
    const Band &band = bandOf(bands, *total);
    applyBand(score, band);
    const QString name = instrument.toUpper();
    const QString of = QString::number(*total) + u" av "_s + QString::number(score.maxTotal);
    const QString ofEn = QString::number(*total) + u" of "_s + QString::number(score.maxTotal);
    score.reasons.append({u"total"_s, QString::fromUtf16(band.priority),
                          text(name + u": totalpoäng " + of + u", " + score.severityLabel.sv.toLower(),
                               name + u": total score " + ofEn + u", " + score.severityLabel.en.toLower())});
    return score;
}

Result<Score> scorePhq9(const Questionnaire &questionnaire, const QuestionnaireResponse &response)
{
    auto score = scoreSum(questionnaire, response, u"phq-9"_s, u"phq9-"_s, 9, kPhq9Bands);
    if (!score)
        return score;
    // Item 9 (thoughts of being better off dead or of self-harm) above 0 needs a clinician's
    // assessment of suicide risk the same day, whatever the total.
    const QuestionnaireItem *item9 = questionnaire.item(u"phq9-9");
    const AnswerOption *answer = item9->option(response.codeAnswer(u"phq9-9"_s).value_or(QString()));
    if (answer && answer->ordinal.value_or(0) > 0) {
        const QString points = QString::number(*answer->ordinal);
        score->reasons.append(
            {u"phq9-item9"_s, u"stat"_s,
             text(u"PHQ-9 fråga 9 (tankar på att vara död eller skada sig) besvarad med " + points + u" poäng («"
                      + answer->display.sv + u"»): bedöm suicidrisk samma dag, oavsett totalpoäng",
                  u"PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered " + points + u" («"
                      + answer->display.en + u"»): assess suicide risk the same day, whatever the total")});
    }
    finish(*score);
    return score;
}

Result<Score> scoreGad7(const Questionnaire &questionnaire, const QuestionnaireResponse &response)
{
    auto score = scoreSum(questionnaire, response, u"gad-7"_s, u"gad7-"_s, 7, kGad7Bands);
    if (score)
        finish(*score);
    return score;
}

void addPain(Score &score, qint64 pain)
{
    score.total = static_cast<int>(pain);
    score.maxTotal = 10;
    const Band &band = bandOf(kPainBands, score.total);
    applyBand(score, band);
    const QString value = QString::number(pain);
    score.reasons.append({u"pain"_s, QString::fromUtf16(band.priority),
                          text(u"Smärta just nu " + value + u" av 10 (" + score.severityLabel.sv.toLower() + u')',
                               u"Pain now " + value + u" of 10 (" + score.severityLabel.en.toLower() + u')')});
}

// Physiotherapy follow-up: the total is pain now (0–10); 8 or more → asap. Not exercising at all
// is named as a reason but keeps the priority (the physiotherapist takes it up at the next contact).
Result<Score> scorePhysio(const QuestionnaireResponse &response)
{
    Score score;
    score.instrument = u"physio-follow-up"_s;
    addPain(score, response.integerAnswer(u"pain-now"_s).value_or(0));
    double sum = 0;
    int count = 0;
    for (int i = 1; i <= 3; ++i) {
        if (const auto value = response.integerAnswer(u"psfs-" + QString::number(i) + u"-score")) {
            sum += static_cast<double>(*value);
            ++count;
        }
    }
    if (count > 0)
        score.psfsMean = sum / count;
    if (response.codeAnswer(u"adherence"_s) == u"not-at-all") {
        score.reasons.append({u"adherence"_s, u"routine"_s,
                              text(u"Har inte gjort övningarna alls"_s, u"Has not done the exercises at all"_s)});
    }
    finish(score);
    return score;
}

// Pre-visit symptoms: pain 8 or more → asap; temperature 39.0 °C or more → asap, 38.0 or more →
// urgent (the visit may need to be moved earlier or to an infection slot). The total is the pain.
Result<Score> scorePreVisit(const QuestionnaireResponse &response)
{
    Score score;
    score.instrument = u"pre-visit-symptoms"_s;
    addPain(score, response.integerAnswer(u"pain"_s).value_or(0));
    if (const auto temperature = response.decimalAnswer(u"temperature"_s); temperature && *temperature >= 38.0) {
        const QString sv = QString::number(*temperature, 'f', 1).replace(u'.', u',');
        const QString en = QString::number(*temperature, 'f', 1);
        score.reasons.append({u"fever"_s, *temperature >= 39.0 ? u"asap"_s : u"urgent"_s,
                              text(u"Feber " + sv + u" °C", u"Fever " + en + u" °C")});
    }
    finish(score);
    return score;
}

} // namespace

bool isMorePressing(QStringView priority, QStringView other)
{
    return rank(priority) < rank(other);
}

Result<Score> score(const Questionnaire &questionnaire, const QuestionnaireResponse &response)
{
    if (response.questionnaire().section(u'|', 0, 0) != questionnaire.url())
        return fail(ErrorCode::InvalidInput, QStringLiteral("the response answers another questionnaire"));
    const QString url = questionnaire.url();
    if (url == kPhq9Url)
        return scorePhq9(questionnaire, response);
    if (url == kGad7Url)
        return scoreGad7(questionnaire, response);
    if (url == kPhysioFollowUpUrl)
        return scorePhysio(response);
    if (url == kPreVisitUrl)
        return scorePreVisit(response);
    return fail(ErrorCode::NotFound, u"no scoring rule for " + url);
}

} // namespace nara::forms
