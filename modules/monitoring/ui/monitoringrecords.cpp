#include "monitoring/ui/monitoringrecords.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

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
    const QJsonValue at = object.value(u"at"_s);
    if (record.id.isEmpty() || !type || !at.isDouble())
        return std::nullopt;
    record.type = *type;
    record.at = qint64(at.toDouble());
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
    record.createdAt = qint64(object.value(u"createdAt"_s).toDouble());
    return record;
}

std::optional<PlanRecord> PlanRecord::fromJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return std::nullopt;
    PlanRecord record;
    record.patientId = object.value(u"patientId"_s).toString(object.value(u"id"_s).toString());
    record.version = qint64(object.value(u"version"_s).toDouble());
    record.updatedAt = qint64(object.value(u"updatedAt"_s).toDouble());
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
