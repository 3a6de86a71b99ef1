#pragma once

#include "monitoring/core/measurementtype.h"
#include "monitoring/core/monitoringalert.h"
#include "monitoring/core/monitoringplan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace nara::monitoring {

// The synced records the workstation keeps for self-monitoring (docs/api/contract.md, entities
// "measurement", "alert" and "monitoring_plan"), read leniently: a record that is not understood
// gives nothing rather than a half-filled value, and fields added later are ignored.

struct MeasurementRecord
{
    QString id;
    QString patientId;
    MeasurementType type = MeasurementType::Pulse;
    QList<double> values; // one per quantity of the type, in its order (systolic, diastolic)
    qint64 at = 0; // ms since epoch, UTC
    QString source; // "portal" | "sms" | "staff"

    // The value of one of the type's quantities; NaN when the type does not have it.
    double value(Quantity quantity) const;

    static std::optional<MeasurementRecord> fromJson(const QJsonObject &object);
};

struct AlertRecord
{
    QString id;
    QString itemId;
    QString patientId;
    QString unitId; // may be empty (records synced before the field existed)
    Tier severity = Tier::Orange;
    AlertKind kind = AlertKind::Value;
    QString reason; // Swedish
    QString reasonEn;
    QString measurementId; // empty for overdue and for a remark without values
    std::optional<MeasurementType> measurementType; // absent in older records: see the measurement
    qint64 createdAt = 0;

    static std::optional<AlertRecord> fromJson(const QJsonObject &object);
};

// The `monitoring_plan` record: id = patientId; plan null when monitoring has ended.
struct PlanRecord
{
    QString patientId;
    qint64 version = 0;
    std::optional<MonitoringPlan> plan;
    qint64 updatedAt = 0;
    bool planUnreadable = false; // a plan is there but this version does not understand it

    // Nothing for an empty object (no record: the patient never had a plan).
    static std::optional<PlanRecord> fromJson(const QJsonObject &object);
};

std::optional<AlertKind> alertKindFromKey(const QString &key);

// Whether texts from the core (type names, reasons) are shown in Swedish: the default language
// (QLocale's default, set by the application) is anything but English.
bool preferSwedish();
QString displayName(MeasurementType type);
QString displayName(Quantity quantity);

} // namespace nara::monitoring
