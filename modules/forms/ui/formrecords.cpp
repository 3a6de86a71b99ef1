#include "forms/ui/formrecords.h"

#include <QJsonArray>

#include <algorithm>

namespace nara::forms {

std::optional<ScoreSummary> ScoreSummary::fromJson(const QJsonValue &score, QStringView language)
{
    if (!score.isObject())
        return std::nullopt;
    const QJsonObject json = score.toObject();
    const QJsonValue total = json.value(u"total");
    if (!total.isDouble() || total.toDouble() != double(total.toInt()))
        return std::nullopt;
    const bool english = language == u"en";
    const auto localized = [english](const QJsonObject &object, QStringView sv, QStringView en) {
        const QString svText = object.value(sv).toString();
        const QString enText = object.value(en).toString();
        return english && !enText.isEmpty() ? enText : (svText.isEmpty() ? enText : svText);
    };
    ScoreSummary summary;
    summary.instrument = json.value(u"instrument").toString();
    summary.total = total.toInt();
    summary.maxTotal = json.value(u"maxTotal").toInt();
    summary.severity = json.value(u"severity").toString();
    summary.severityLabel = localized(json, u"severityLabel", u"severityLabelEn");
    summary.priority = json.value(u"priority").toString();
    const QJsonArray reasons = json.value(u"reasons").toArray();
    for (const QJsonValue &reason : reasons)
        if (const QString text = localized(reason.toObject(), u"text", u"textEn"); !text.isEmpty())
            summary.reasons.append(text);
    if (const QJsonValue mean = json.value(u"psfsMean"); mean.isDouble())
        summary.psfsMean = mean.toDouble();
    return summary;
}

namespace {
constexpr int kMaxScale = 100; // as FormTrendChart: no bundled instrument's total goes past it
} // namespace

QList<ScorePoint> scoreHistory(const QList<QJsonObject> &responses, const QString &questionnaireId,
                               const QJsonObject &current)
{
    const QString currentId = current.value(u"id").toString();
    const qint64 currentAt = current.value(u"authoredAt").toInteger();
    QList<ScorePoint> points;
    const auto add = [&points](const QJsonObject &record) {
        const auto score = ScoreSummary::fromJson(record.value(u"score"), u"sv");
        if (score)
            points.append({record.value(u"id").toString(), record.value(u"authoredAt").toInteger(), score->total});
        return score.has_value();
    };
    for (const QJsonObject &record : responses) {
        if (record.value(u"questionnaireId").toString() != questionnaireId)
            continue;
        const QString id = record.value(u"id").toString();
        // `current` itself is added last, from the copy handed in.
        // Earlier answers only, and only those the chart can draw (a total within a sane scale and a
        // time), so the trend sentence never compares with a point the chart left out.
        const qint64 at = record.value(u"authoredAt").toInteger();
        const auto score = ScoreSummary::fromJson(record.value(u"score"), u"sv");
        const bool drawable = score && at > 0 && score->maxTotal > 0 && score->maxTotal <= kMaxScale
            && score->total >= 0 && score->total <= score->maxTotal;
        if (id != currentId && at <= currentAt && drawable)
            add(record);
    }
    std::stable_sort(points.begin(), points.end(),
                     [](const ScorePoint &a, const ScorePoint &b) { return a.authoredAt < b.authoredAt; });
    if (!add(current))
        return {}; // an unscored answer has no trend
    return points;
}

} // namespace nara::forms
