#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurement.h"
#include "monitoring/core/monitoringalert.h"
#include "monitoring/core/monitoringplan.h"
#include "storage/core/database.h"

#include <QMap>

namespace nara::monitoring {

// A patient's plan as stored (entity "monitoring_plan", id = the patient's id, in the change log
// of every unit the patient has a care relation with): the plan, or nothing once monitoring has
// ended, with its version for optimistic concurrency. `unitId` is the reporting unit.
struct StoredPlan
{
    QString patientId;
    QString unitId;
    std::optional<MonitoringPlan> plan;
    qint64 version = 0;
    qint64 updatedAt = 0;
    QString updatedBy; // the staff member's id

    // {"id","version","patientId","unitId","plan":MonitoringPlan JSON|null,"updatedAt","updatedBy"}
    QJsonObject toJson() const;
};

// Measurements, monitoring plans and alerts in the server's database. Every write appends the
// entity to the change log for staff of `unitId` (entities "measurement" and "alert", each with
// "version": 1, and "monitoring_plan", for all the patient's units, as the sync API sends them), so
// it runs inside the caller's transaction.
class MonitoringRepository
{
public:
    explicit MonitoringRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // The patient's plan, or nothing when they have none or it has ended (the default thresholds
    // apply).
    Result<std::optional<MonitoringPlan>> planOf(const QString &patientId);
    // The stored row, also when monitoring has ended; nothing when no plan was ever saved.
    Result<std::optional<StoredPlan>> storedPlan(const QString &patientId);
    // Saves `plan` (nothing: monitoring ends) as the next version for `unitId` (the reporting
    // unit) and appends it to the change log of `unitId` and of every other unit caring for the
    // patient. `expectedVersion`, when given, must be the stored version (0: none
    // stored yet), else Conflict. The plan must be valid (MonitoringPlan::validate).
    Result<StoredPlan> savePlan(const QString &patientId, const QString &unitId,
                                const std::optional<MonitoringPlan> &plan, std::optional<qint64> expectedVersion,
                                const QString &updatedBy, qint64 now);
    // The ids of the patients with a plan that has not ended, in id order.
    Result<QStringList> patientsWithPlans();
    // The time of the newest measurement of each type the patient has reported.
    Result<QMap<MeasurementType, QDateTime>> lastMeasurements(const QString &patientId);

    // Stores the measurement under a new id and returns it.
    Result<QString> insertMeasurement(const QString &patientId, const QString &unitId, const Measurement &measurement,
                                      qint64 now);
    // Stores the alert (its Swedish reason) for the inbox item `itemId` under a new id and returns it.
    // The entity also names the measurement type ("" for a remark) and the unit.
    Result<QString> insertAlert(const MonitoringAlert &alert, const QString &itemId, const QString &patientId,
                                const QString &unitId, const QString &measurementId, qint64 now);

    // The type key an alert is about: the measurement's (value), the missing one's (overdue), ""
    // for a remark.
    static QString measurementTypeOf(const MonitoringAlert &alert);
    static QJsonObject measurementJson(const QString &id, const QString &patientId, const Measurement &measurement);

private:
    storage::Database &m_database;
};

} // namespace nara::monitoring
