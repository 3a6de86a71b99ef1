#include "monitoring/core/monitoringplan.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

qint64 MeasurementInterval::ms() const
{
    const qint64 hour = 60LL * 60 * 1000;
    return period * (unit == Unit::Hours ? hour : 24 * hour);
}

QString MeasurementInterval::textSv() const
{
    return unit == Unit::Hours ? u"intervall %1 h"_s.arg(period) : u"intervall %1 dygn"_s.arg(period);
}

QString MeasurementInterval::textEn() const
{
    if (unit == Unit::Hours)
        return u"interval %1 h"_s.arg(period);
    return period == 1 ? u"interval 1 day"_s : u"interval %1 days"_s.arg(period);
}

QuantityThresholds MonitoringPlan::thresholdsFor(Quantity quantity) const
{
    return overrides.value(quantity, defaultThresholds(quantity));
}

std::optional<PlannedMeasurement> MonitoringPlan::planned(MeasurementType type) const
{
    for (const PlannedMeasurement &p : measurements) {
        if (p.type == type)
            return p;
    }
    return std::nullopt;
}

Result<void> MonitoringPlan::validate() const
{
    if (!startAt.isValid())
        return fail(ErrorCode::InvalidInput, u"The plan needs a start time (startAt)."_s);
    if (measurements.isEmpty())
        return fail(ErrorCode::InvalidInput, u"The plan names no measurement."_s);
    QList<Quantity> measured;
    for (qsizetype i = 0; i < measurements.size(); ++i) {
        const PlannedMeasurement &p = measurements.at(i);
        const QString key = info(p.type).key;
        for (qsizetype j = 0; j < i; ++j) {
            if (measurements.at(j).type == p.type)
                return fail(ErrorCode::InvalidInput, u"The plan names %1 twice."_s.arg(key));
        }
        const qint64 maxMs = MeasurementInterval{kMaxIntervalDays, MeasurementInterval::Unit::Days}.ms();
        if (p.interval.period < 1 || p.interval.ms() > maxMs)
            return fail(ErrorCode::InvalidInput,
                        u"The interval of %1 must be 1 hour – %2 days."_s.arg(key).arg(kMaxIntervalDays));
        measured << info(p.type).quantities;
    }
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (!measured.contains(it.key()))
            return fail(ErrorCode::InvalidInput,
                        u"Thresholds for %1, which the plan does not measure."_s.arg(info(it.key()).key));
        if (auto ok = it.value().validate(it.key()); !ok)
            return ok;
    }
    return {};
}

QJsonObject MonitoringPlan::toJson() const
{
    QJsonArray list;
    for (const PlannedMeasurement &p : measurements) {
        list.append(
            QJsonObject{{u"type"_s, info(p.type).key},
                        {u"period"_s, p.interval.period},
                        {u"periodUnit"_s, p.interval.unit == MeasurementInterval::Unit::Hours ? u"h"_s : u"d"_s}});
    }
    QJsonObject thresholds;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        thresholds.insert(info(it.key()).key, it.value().toJson());
    return {{u"startAt"_s, startAt.toUTC().toString(Qt::ISODate)},
            {u"measurements"_s, list},
            {u"thresholds"_s, thresholds}};
}

Result<MonitoringPlan> MonitoringPlan::fromJson(const QJsonObject &object)
{
    MonitoringPlan plan;
    plan.startAt = QDateTime::fromString(object.value(u"startAt"_s).toString(), Qt::ISODate);
    if (!plan.startAt.isValid())
        return fail(ErrorCode::InvalidInput, u"startAt must be an ISO 8601 date and time."_s);
    plan.startAt = plan.startAt.toUTC();
    const QJsonValue list = object.value(u"measurements"_s);
    if (!list.isArray() || list.toArray().size() > 20)
        return fail(ErrorCode::InvalidInput, u"measurements must be an array of at most 20 entries."_s);
    for (const QJsonValue &v : list.toArray()) {
        if (!v.isObject())
            return fail(ErrorCode::InvalidInput, u"Each entry of measurements must be an object."_s);
        const QJsonObject m = v.toObject();
        const auto type = measurementTypeFromKey(m.value(u"type"_s).toString());
        if (!type)
            return fail(ErrorCode::InvalidInput,
                        u"Unknown measurement type '%1'."_s.arg(m.value(u"type"_s).toString()));
        const QJsonValue period = m.value(u"period"_s);
        const QString unit = m.value(u"periodUnit"_s).toString();
        if (!period.isDouble() || period.toDouble() != period.toInt() || (unit != u"h"_s && unit != u"d"_s))
            return fail(ErrorCode::InvalidInput,
                        u"%1 needs an integer period and a periodUnit \"h\" or \"d\"."_s.arg(info(*type).key));
        plan.measurements.append(
            {*type,
             {period.toInt(), unit == u"h"_s ? MeasurementInterval::Unit::Hours : MeasurementInterval::Unit::Days}});
    }
    const QJsonValue thresholds = object.value(u"thresholds"_s);
    if (!thresholds.isUndefined() && !thresholds.isObject())
        return fail(ErrorCode::InvalidInput, u"thresholds must be an object."_s);
    const QJsonObject t = thresholds.toObject();
    for (auto it = t.begin(); it != t.end(); ++it) {
        const auto quantity = quantityFromKey(it.key());
        if (!quantity)
            return fail(ErrorCode::InvalidInput, u"Thresholds for an unknown quantity '%1'."_s.arg(it.key()));
        if (!it.value().isObject())
            return fail(ErrorCode::InvalidInput, u"thresholds.%1 must be an object."_s.arg(it.key()));
        auto parsed = QuantityThresholds::fromJson(it.value().toObject(), *quantity);
        if (!parsed)
            return std::unexpected(parsed.error());
        plan.overrides.insert(*quantity, *parsed);
    }
    if (auto ok = plan.validate(); !ok)
        return std::unexpected(ok.error());
    return plan;
}

} // namespace nara::monitoring
