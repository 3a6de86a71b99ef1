#pragma once

#include "foundation/core/clock.h"
#include "monitoring/core/monitoringalert.h"
#include "monitoring/core/monitoringplan.h"

#include <QMap>

#include <optional>

namespace nara::monitoring {

// A planned measurement that has not come in time.
struct OverdueMeasurement
{
    MeasurementType type = MeasurementType::BloodPressure;
    QDateTime lastAt; // the last measurement, invalid if none since the plan started
    QDateTime dueAt; // last (or plan start) + interval
    QDateTime overdueSince; // dueAt + grace: from here on it counts as overdue
};

// Judges a patient's reports against their plan: values against the thresholds (the override,
// else the default), planned measurements against the clock, and the patient's remarks.
class AlertEvaluator
{
public:
    // A measurement is overdue once interval + 25 % of the interval has passed since the last one
    // (or since the plan's start): daily blood pressure at 08:00 is overdue from 14:00 the next day.
    // The grace absorbs a patient who measures a little later than usual.
    static constexpr int kGracePercent = 25;

    AlertEvaluator(MonitoringPlan plan, const Clock &clock);

    // Nothing when every value is inside its thresholds; otherwise one alert of kind value with
    // the highest tier reached and a reason per quantity beyond a limit (red ones first).
    std::optional<MonitoringAlert> evaluate(const Measurement &measurement) const;
    // One per quantity of the measurement (for Observation.interpretation).
    QList<Interpretation> interpretations(const Measurement &measurement) const;

    // The planned types overdue now, in plan order, given the time of the last measurement of each
    // type (types missing from `lastAt` have had none). now ≥ overdueSince counts as overdue.
    QList<OverdueMeasurement> overdue(const QMap<MeasurementType, QDateTime> &lastAt) const;
    // Orange, kind overdue: "Blodtryck har inte rapporterats sedan 2026-11-24 08:00 UTC (intervall 1 dygn)."
    MonitoringAlert overdueAlert(const OverdueMeasurement &overdue) const;

    // Orange, kind remark, for the words a patient wrote with (or without) a measurement; nothing
    // for an empty remark. Over 500 characters the remark is cut in the reason (kept whole in `remark`).
    std::optional<MonitoringAlert> remarkAlert(const QString &remark,
                                               const std::optional<Measurement> &measurement = std::nullopt) const;

    static qint64 graceMs(const MeasurementInterval &interval) { return interval.ms() * kGracePercent / 100; }

private:
    MonitoringPlan m_plan;
    const Clock &m_clock;
};

} // namespace nara::monitoring
