#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurementtype.h"
#include "monitoring/core/thresholds.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace nara::monitoring {

// How often a measurement is expected, as FHIR Timing.repeat writes it: every `period`
// `periodUnit` ("h" or "d"). 1 hour – 90 days.
struct MeasurementInterval
{
    enum class Unit { Hours, Days };
    int period = 1;
    Unit unit = Unit::Days;

    qint64 ms() const;
    QString textSv() const; // "intervall 24 h", "intervall 2 dygn"
    QString textEn() const; // "interval 24 h", "interval 2 days"
    bool operator==(const MeasurementInterval &) const = default;
};

struct PlannedMeasurement
{
    MeasurementType type = MeasurementType::BloodPressure;
    MeasurementInterval interval;
    bool operator==(const PlannedMeasurement &) const = default;
};

// A patient's monitoring plan: what to measure, how often, and the thresholds where they differ
// from the defaults. An override replaces the default of that quantity as a whole (both tiers).
// JSON:
//   {"startAt": "2026-11-20T08:00:00Z",
//    "measurements": [{"type": "bloodPressure", "period": 1, "periodUnit": "d"}, ...],
//    "thresholds": {"systolic": {"red": {"high": {"op": ">=", "value": 170}}, "orange": {...}}}}
struct MonitoringPlan
{
    static constexpr int kMaxIntervalDays = 90;

    QDateTime startAt; // overdue is counted from here until the first measurement of a type
    QList<PlannedMeasurement> measurements;
    QMap<Quantity, QuantityThresholds> overrides;

    // The override if there is one, else the default.
    QuantityThresholds thresholdsFor(Quantity quantity) const;
    std::optional<PlannedMeasurement> planned(MeasurementType type) const;

    // A start time, at least one measurement, no type twice, intervals in range, overrides only
    // for quantities the plan measures and each one valid (QuantityThresholds::validate).
    Result<void> validate() const;

    QJsonObject toJson() const;
    static Result<MonitoringPlan> fromJson(const QJsonObject &object);
    bool operator==(const MonitoringPlan &) const = default;
};

} // namespace nara::monitoring
