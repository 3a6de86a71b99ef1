#include "monitoring/core/alertevaluator.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

} // namespace

AlertEvaluator::AlertEvaluator(MonitoringPlan plan, const Clock &clock)
    : m_plan(std::move(plan))
    , m_clock(clock)
{
}

QList<Interpretation> AlertEvaluator::interpretations(const Measurement &measurement) const
{
    QList<Interpretation> result;
    for (Quantity q : measurement.quantities()) {
        const auto crossing = m_plan.thresholdsFor(q).judge(measurement.value(q));
        result << (crossing ? crossing->interpretation() : Interpretation::Normal);
    }
    return result;
}

std::optional<MonitoringAlert> AlertEvaluator::evaluate(const Measurement &measurement) const
{
    QList<ThresholdFinding> findings;
    for (Quantity q : measurement.quantities()) {
        const double value = measurement.value(q);
        if (const auto crossing = m_plan.thresholdsFor(q).judge(value))
            findings.append({q, value, *crossing});
    }
    if (findings.isEmpty())
        return std::nullopt;
    std::stable_sort(findings.begin(), findings.end(), [](const ThresholdFinding &a, const ThresholdFinding &b) {
        return a.crossing.tier == Tier::Red && b.crossing.tier != Tier::Red;
    });
    MonitoringAlert alert;
    alert.kind = AlertKind::Value;
    alert.severity = findings.first().crossing.tier;
    alert.identifiedAt = m_clock.now();
    alert.measurement = measurement;
    alert.findings = findings;
    QStringList sv;
    QStringList en;
    for (const ThresholdFinding &f : findings) {
        sv << f.reasonSv();
        en << f.reasonEn();
    }
    alert.reasonSv = sv.join(u"; "_s);
    alert.reasonEn = en.join(u"; "_s);
    return alert;
}

QList<OverdueMeasurement> AlertEvaluator::overdue(const QMap<MeasurementType, QDateTime> &lastAt) const
{
    const qint64 now = m_clock.nowMs();
    QList<OverdueMeasurement> result;
    for (const PlannedMeasurement &p : m_plan.measurements) {
        const QDateTime last = lastAt.value(p.type);
        // A measurement from before the plan started does not start its clock.
        const bool counted = last.isValid() && last >= m_plan.startAt;
        const QDateTime from = counted ? last : m_plan.startAt;
        const QDateTime due = from.addMSecs(p.interval.ms());
        const QDateTime since = due.addMSecs(graceMs(p.interval));
        if (now >= since.toMSecsSinceEpoch())
            result.append({p.type, counted ? last.toUTC() : QDateTime(), due.toUTC(), since.toUTC()});
    }
    return result;
}

MonitoringAlert AlertEvaluator::overdueAlert(const OverdueMeasurement &overdue) const
{
    const MeasurementTypeInfo &t = info(overdue.type);
    const MeasurementInterval interval = m_plan.planned(overdue.type).value_or(PlannedMeasurement{}).interval;
    MonitoringAlert alert;
    alert.kind = AlertKind::Overdue;
    alert.severity = Tier::Orange;
    alert.identifiedAt = m_clock.now();
    alert.overdueType = overdue.type;
    if (overdue.lastAt.isValid()) {
        alert.reasonSv
            = u"%1 har inte rapporterats sedan %2 (%3)."_s.arg(t.nameSv, timeText(overdue.lastAt), interval.textSv());
        alert.reasonEn = u"%1 not reported since %2 (%3)."_s.arg(t.nameEn, timeText(overdue.lastAt), interval.textEn());
    } else {
        alert.reasonSv = u"%1 har inte rapporterats sedan planen startade %2 (%3)."_s.arg(
            t.nameSv, timeText(m_plan.startAt), interval.textSv());
        alert.reasonEn = u"%1 not reported since the plan started %2 (%3)."_s.arg(t.nameEn, timeText(m_plan.startAt),
                                                                                  interval.textEn());
    }
    return alert;
}

std::optional<MonitoringAlert> AlertEvaluator::remarkAlert(const QString &remark,
                                                           const std::optional<Measurement> &measurement) const
{
    const QString text = remark.simplified();
    if (text.isEmpty())
        return std::nullopt;
    constexpr qsizetype kShown = 500;
    const QString shown = text.size() > kShown ? text.left(kShown) + u'…' : text;
    MonitoringAlert alert;
    alert.kind = AlertKind::Remark;
    alert.severity = Tier::Orange;
    alert.identifiedAt = m_clock.now();
    alert.measurement = measurement;
    alert.remark = text;
    alert.reasonSv = u"Patientens kommentar: ”%1”"_s.arg(shown);
    alert.reasonEn = u"The patient's remark: “%1”"_s.arg(shown);
    return alert;
}

} // namespace nara::monitoring
