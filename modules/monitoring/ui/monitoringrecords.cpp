#include "monitoring/ui/monitoringrecords.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

// Times outside 1970 – 9999 are not moments a record can be about (and a double far past qint64
// has no integer value at all): see saneTime().
constexpr qint64 kLatestTimeMs = 253'402'300'799'999; // 9999-12-31T23:59:59.999Z

// A time in ms since the epoch, or nothing when `value` is not a whole number of ms in range.
std::optional<qint64> saneTime(const QJsonValue &value)
{
    const qint64 ms = value.toInteger(-1);
    if (ms <= 0 || ms > kLatestTimeMs)
        return std::nullopt;
    return ms;
}

std::optional<Tier> tierFromKey(const QString &key)
{
    if (key == u"red")
        return Tier::Red;
    if (key == u"orange")
        return Tier::Orange;
    return std::nullopt;
}

} // namespace

double MeasurementRecord::value(Quantity quantity) const
{
    const qsizetype index = info(type).quantities.indexOf(quantity);
    if (index < 0 || index >= values.size())
        return std::numeric_limits<double>::quiet_NaN();
    return values.at(index);
}

std::optional<MeasurementRecord> MeasurementRecord::fromJson(const QJsonObject &object)
{
    MeasurementRecord record;
    record.id = object.value(u"id"_s).toString();
    record.patientId = object.value(u"patientId"_s).toString();
    const auto type = measurementTypeFromKey(object.value(u"type"_s).toString());
    const auto at = saneTime(object.value(u"at"_s));
    if (record.id.isEmpty() || !type || !at)
        return std::nullopt; // a measurement without its moment has no place in the history
    record.type = *type;
    record.at = *at;
    const QJsonArray values = object.value(u"values"_s).toArray();
    if (values.size() != info(*type).quantities.size())
        return std::nullopt;
    for (const QJsonValue &value : values) {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return std::nullopt;
        record.values.append(value.toDouble());
    }
    record.source = object.value(u"source"_s).toString();
    return record;
}

std::optional<AlertKind> alertKindFromKey(const QString &key)
{
    for (AlertKind kind : {AlertKind::Value, AlertKind::Overdue, AlertKind::Remark}) {
        if (alertKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

std::optional<AlertRecord> AlertRecord::fromJson(const QJsonObject &object)
{
    AlertRecord record;
    record.id = object.value(u"id"_s).toString();
    const auto severity = tierFromKey(object.value(u"severity"_s).toString());
    const auto kind = alertKindFromKey(object.value(u"kind"_s).toString());
    if (record.id.isEmpty() || !severity || !kind)
        return std::nullopt;
    record.severity = *severity;
    record.kind = *kind;
    record.itemId = object.value(u"itemId"_s).toString();
    record.patientId = object.value(u"patientId"_s).toString();
    record.unitId = object.value(u"unitId"_s).toString();
    record.reason = object.value(u"reason"_s).toString();
    record.reasonEn = object.value(u"reasonEn"_s).toString();
    record.measurementId = object.value(u"measurementId"_s).toString();
    record.measurementType = measurementTypeFromKey(object.value(u"measurementType"_s).toString());
    // An alert is never dropped for its time: an odd one is shown as unknown (0).
    record.createdAt = saneTime(object.value(u"createdAt"_s)).value_or(0);
    return record;
}

std::optional<PlanRecord> PlanRecord::fromJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return std::nullopt;
    PlanRecord record;
    record.patientId = object.value(u"patientId"_s).toString(object.value(u"id"_s).toString());
    // An odd version is sent back as 0 and refused (409) rather than saved over the stored plan.
    record.version = std::max<qint64>(0, object.value(u"version"_s).toInteger());
    record.updatedAt = saneTime(object.value(u"updatedAt"_s)).value_or(0);
    const QJsonValue plan = object.value(u"plan"_s);
    if (plan.isObject()) {
        auto parsed = MonitoringPlan::fromJson(plan.toObject());
        if (parsed)
            record.plan = *parsed;
        else
            record.planUnreadable = true;
    }
    return record;
}

bool preferSwedish()
{
    return QLocale().language() != QLocale::English;
}

QString displayName(MeasurementType type)
{
    return preferSwedish() ? info(type).nameSv : info(type).nameEn;
}

QString displayName(Quantity quantity)
{
    return preferSwedish() ? info(quantity).nameSv : info(quantity).nameEn;
}

} // namespace nara::monitoring
