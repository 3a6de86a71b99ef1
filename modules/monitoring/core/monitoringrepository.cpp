#include "monitoring/core/monitoringrepository.h"

#include "auth/core/accountrepository.h"
#include "foundation/core/ids.h"
#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace nara::monitoring {

namespace {

QJsonArray valuesOf(const Measurement &measurement)
{
    QJsonArray values;
    for (const double value : measurement.values())
        values.append(value);
    return values;
}

// The plan column: MonitoringPlan::toJson() as text, or "null" once monitoring has ended.
Result<std::optional<MonitoringPlan>> planFromText(const QString &patientId, const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isNull() && text.trimmed() == u"null")
        return std::optional<MonitoringPlan>{};
    auto plan = MonitoringPlan::fromJson(document.object());
    if (!plan)
        return fail(
            ErrorCode::Storage,
            QStringLiteral("The monitoring plan of patient %1 is not valid: %2").arg(patientId, plan.error().message));
    return std::optional<MonitoringPlan>(*plan);
}

} // namespace

QJsonObject StoredPlan::toJson() const
{
    return {
        {QStringLiteral("id"), patientId},
        {QStringLiteral("version"), version},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("plan"), plan ? QJsonValue(plan->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("updatedAt"), updatedAt},
        {QStringLiteral("updatedBy"), updatedBy},
    };
}

Result<std::optional<MonitoringPlan>> MonitoringRepository::planOf(const QString &patientId)
{
    auto stored = storedPlan(patientId);
    if (!stored)
        return fail(stored.error());
    if (!stored->has_value())
        return std::optional<MonitoringPlan>{};
    return (*stored)->plan;
}

Result<std::optional<StoredPlan>> MonitoringRepository::storedPlan(const QString &patientId)
{
    auto rows = m_database.query(QStringLiteral("SELECT unit_id, plan, version, updated_at, updated_by "
                                                "FROM monitoring_plans WHERE patient_id = ?"),
                                 {patientId});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<StoredPlan>{};
    StoredPlan stored;
    stored.patientId = patientId;
    stored.unitId = rows->value(0).toString();
    auto plan = planFromText(patientId, rows->value(1).toString());
    if (!plan)
        return fail(plan.error());
    stored.plan = *plan;
    stored.version = rows->value(2).toLongLong();
    stored.updatedAt = rows->value(3).toLongLong();
    stored.updatedBy = rows->value(4).toString();
    return std::optional<StoredPlan>(stored);
}

Result<StoredPlan> MonitoringRepository::savePlan(const QString &patientId, const QString &unitId,
                                                  const std::optional<MonitoringPlan> &plan,
                                                  std::optional<qint64> expectedVersion, const QString &updatedBy,
                                                  qint64 now)
{
    if (plan)
        if (auto valid = plan->validate(); !valid)
            return fail(valid.error());
    auto current = storedPlan(patientId);
    if (!current)
        return fail(current.error());
    const qint64 storedVersion = current->has_value() ? (*current)->version : 0;
    if (expectedVersion && *expectedVersion != storedVersion)
        return fail(Error::conflict(
            QStringLiteral("The monitoring plan has changed since it was read (version %1 is stored, not %2).")
                .arg(storedVersion)
                .arg(*expectedVersion),
            QJsonObject{{QStringLiteral("version"), storedVersion}}));

    StoredPlan next;
    next.patientId = patientId;
    next.unitId = unitId;
    next.plan = plan;
    next.version = storedVersion + 1;
    next.updatedAt = now;
    next.updatedBy = updatedBy;
    const QString text = plan ? QString::fromUtf8(QJsonDocument(plan->toJson()).toJson(QJsonDocument::Compact))
                              : QStringLiteral("null");
    // The version in the WHERE clause keeps a concurrent save from being overwritten unseen.
    auto written = current->has_value()
        ? m_database.execute(QStringLiteral("UPDATE monitoring_plans SET unit_id = ?, plan = ?, version = ?, "
                                            "updated_at = ?, updated_by = ? WHERE patient_id = ? AND version = ?"),
                             {unitId, text, next.version, now, updatedBy, patientId, storedVersion})
        : m_database.execute(QStringLiteral("INSERT INTO monitoring_plans (patient_id, unit_id, plan, version, "
                                            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)"),
                             {patientId, unitId, text, next.version, now, updatedBy});
    if (!written)
        return fail(written.error());
    if (*written != 1)
        return fail(
            Error::conflict(QStringLiteral("The monitoring plan was changed at the same time; read it again.")));
    // Staff of every unit caring for the patient may read and save the plan, so each unit's change
    // log gets it (the reporting unit also when the patient has no care relation left).
    auto units = auth::AccountRepository(m_database).patientUnits(patientId);
    if (!units)
        return fail(units.error());
    if (!units->contains(unitId))
        units->prepend(unitId);
    const QJsonObject entity = next.toJson();
    for (const QString &unit : std::as_const(*units))
        if (auto seq
            = sync::ChangeLog(m_database).append(unit, QStringLiteral("monitoring_plan"), patientId, entity, now);
            !seq)
            return fail(seq.error());
    return next;
}

Result<QStringList> MonitoringRepository::patientsWithPlans()
{
    auto rows = m_database.query(
        QStringLiteral("SELECT patient_id FROM monitoring_plans WHERE plan <> 'null' ORDER BY patient_id"));
    if (!rows)
        return fail(rows.error());
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    return ids;
}

Result<QMap<MeasurementType, QDateTime>> MonitoringRepository::lastMeasurements(const QString &patientId)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT type, MAX(at) FROM measurements WHERE patient_id = ? GROUP BY type"), {patientId});
    if (!rows)
        return fail(rows.error());
    QMap<MeasurementType, QDateTime> last;
    while (rows->next()) {
        if (const auto type = measurementTypeFromKey(rows->value(0).toString()))
            last.insert(*type, QDateTime::fromMSecsSinceEpoch(rows->value(1).toLongLong(), Qt::UTC));
    }
    return last;
}

QString MonitoringRepository::measurementTypeOf(const MonitoringAlert &alert)
{
    switch (alert.kind) {
    case AlertKind::Value: return alert.measurement ? info(alert.measurement->type()).key : QString();
    case AlertKind::Overdue: return alert.overdueType ? info(*alert.overdueType).key : QString();
    case AlertKind::Remark: return {};
    }
    return {};
}

QJsonObject MonitoringRepository::measurementJson(const QString &id, const QString &patientId,
                                                  const Measurement &measurement)
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), 1},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("type"), info(measurement.type()).key},
        {QStringLiteral("values"), valuesOf(measurement)},
        {QStringLiteral("at"), measurement.at().toMSecsSinceEpoch()},
        {QStringLiteral("source"), sourceKey(measurement.source())},
        {QStringLiteral("observation"), measurement.toObservation(id, QStringLiteral("Patient/") + patientId)},
    };
}

Result<QString> MonitoringRepository::insertMeasurement(const QString &patientId, const QString &unitId,
                                                        const Measurement &measurement, qint64 now)
{
    const QString id = newId();
    const QString values = QString::fromUtf8(QJsonDocument(valuesOf(measurement)).toJson(QJsonDocument::Compact));
    auto stored = m_database.execute(
        QStringLiteral("INSERT INTO measurements (id, patient_id, type, value_json, at, source, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {id, patientId, info(measurement.type()).key, values, measurement.at().toMSecsSinceEpoch(),
         sourceKey(measurement.source()), now});
    if (!stored)
        return fail(stored.error());
    if (auto seq
        = sync::ChangeLog(m_database)
              .append(unitId, QStringLiteral("measurement"), id, measurementJson(id, patientId, measurement), now);
        !seq)
        return fail(seq.error());
    return id;
}

Result<QString> MonitoringRepository::insertAlert(const MonitoringAlert &alert, const QString &itemId,
                                                  const QString &patientId, const QString &unitId,
                                                  const QString &measurementId, qint64 now)
{
    const QString id = newId();
    const QString type = measurementTypeOf(alert);
    const QVariant nullText(QMetaType::fromType<QString>());
    auto stored = m_database.execute(
        QStringLiteral("INSERT INTO monitoring_alerts (id, item_id, patient_id, severity, kind, reason, "
                       "measurement_id, measurement_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, itemId, patientId, tierKey(alert.severity), alertKindKey(alert.kind), alert.reasonSv,
         measurementId.isEmpty() ? nullText : QVariant(measurementId), type.isEmpty() ? nullText : QVariant(type),
         now});
    if (!stored)
        return fail(stored.error());
    const QJsonObject payload{
        {QStringLiteral("id"), id},
        {QStringLiteral("version"), 1},
        {QStringLiteral("itemId"), itemId},
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("severity"), tierKey(alert.severity)},
        {QStringLiteral("kind"), alertKindKey(alert.kind)},
        {QStringLiteral("reason"), alert.reasonSv},
        {QStringLiteral("reasonEn"), alert.reasonEn},
        {QStringLiteral("measurementId"), measurementId},
        {QStringLiteral("measurementType"), type},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("createdAt"), now},
        {QStringLiteral("detectedIssue"),
         alert.toDetectedIssue(id, QStringLiteral("Patient/") + patientId,
                               measurementId.isEmpty() ? QString() : QStringLiteral("Observation/") + measurementId)},
    };
    if (auto seq = sync::ChangeLog(m_database).append(unitId, QStringLiteral("alert"), id, payload, now); !seq)
        return fail(seq.error());
    return id;
}

} // namespace nara::monitoring
