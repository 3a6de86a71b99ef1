#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurement.h"
#include "monitoring/core/measurementtype.h"

#include <QJsonObject>

#include <optional>

namespace nara::monitoring {

// Two tiers of deviation: red (act today; DetectedIssue severity high) and orange (look at it;
// severity moderate).
enum class Tier { Orange, Red };
QString tierKey(Tier tier); // "orange", "red"

// One edge of a band: a value is beyond a high limit when it is ≥ (inclusive) or > the limit,
// beyond a low limit when ≤ (inclusive) or <. JSON: {"op": ">=" | ">" | "<=" | "<", "value": n}.
struct Limit
{
    double value = 0;
    bool inclusive = true;

    bool beyondHigh(double v) const { return inclusive ? v >= value : v > value; }
    bool beyondLow(double v) const { return inclusive ? v <= value : v < value; }
    // "≥ 180", "< 3,5" (Swedish decimals), "< 3.5" (English).
    QString textSv(bool high, int decimals) const;
    QString textEn(bool high, int decimals) const;
    bool operator==(const Limit &) const = default;
};

struct Band
{
    std::optional<Limit> low;
    std::optional<Limit> high;
    bool operator==(const Band &) const = default;
};

// Which limit a value crossed: the red tier is checked first.
struct ThresholdCrossing
{
    Tier tier = Tier::Orange;
    bool high = true;
    Limit limit;
    Interpretation interpretation() const;
};

// The red and orange band of one quantity. A band's limits may be missing (no low limit for
// systolic pressure's orange tier, no limits at all for weight by default).
struct QuantityThresholds
{
    Band red;
    Band orange;

    std::optional<ThresholdCrossing> judge(double value) const;
    // Limits inside the quantity's plausible range, low below high across both tiers, and orange
    // nearer normal than red (an orange high limit below the red one, an orange low above).
    Result<void> validate(Quantity quantity) const;

    QJsonObject toJson() const;
    static Result<QuantityThresholds> fromJson(const QJsonObject &object, Quantity quantity);
    bool operator==(const QuantityThresholds &) const = default;
};

// The defaults a plan starts from (docs: the monitoring plan page; the report of issue 4).
//   systolic     red ≥ 180 or ≤ 90     orange ≥ 160 or ≤ 100   mmHg
//   diastolic    red ≥ 110             orange ≥ 100            mmHg
//   pulse        red > 130 or < 40     orange > 110 or < 50    /min
//   glucose      red > 20 or < 3,5     orange > 15 or < 4      mmol/L
//   spo2         red < 90              orange < 93             %
//   temperature  red ≥ 39,5 or < 35    orange ≥ 38,5           °C
//   weight, pef  none: they depend on the patient (usual weight, personal best PEF) and are set
//                per patient in the plan.
QuantityThresholds defaultThresholds(Quantity quantity);

} // namespace nara::monitoring
