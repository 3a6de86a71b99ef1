#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/measurement.h"
#include "monitoring/core/monitoringalert.h"
#include "monitoring/core/monitoringplan.h"
#include "storage/core/database.h"

namespace nara::monitoring {

// Measurements, monitoring plans and alerts in the server's database. Every insert appends the
// entity to the change log for staff of `unitId` (entities "measurement" and "alert", each with
// "version": 1, as the sync API sends them), so it runs inside the caller's transaction.
class MonitoringRepository
{
public:
    explicit MonitoringRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // The patient's plan, or nothing when they have none (the default thresholds apply).
    Result<std::optional<MonitoringPlan>> planOf(const QString &patientId);

    // Stores the measurement under a new id and returns it.
    Result<QString> insertMeasurement(const QString &patientId, const QString &unitId, const Measurement &measurement,
                                      qint64 now);
    // Stores the alert (its Swedish reason) for the inbox item `itemId` under a new id and returns it.
    Result<QString> insertAlert(const MonitoringAlert &alert, const QString &itemId, const QString &patientId,
                                const QString &unitId, const QString &measurementId, qint64 now);

    static QJsonObject measurementJson(const QString &id, const QString &patientId, const Measurement &measurement);

private:
    storage::Database &m_database;
};

} // namespace nara::monitoring
