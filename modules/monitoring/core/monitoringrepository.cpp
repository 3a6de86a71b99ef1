#include "monitoring/core/monitoringrepository.h"

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

} // namespace

Result<std::optional<MonitoringPlan>> MonitoringRepository::planOf(const QString &patientId)
{
    auto stored
        = m_database.scalar(QStringLiteral("SELECT plan FROM monitoring_plans WHERE patient_id = ?"), {patientId});
    if (!stored)
        return fail(stored.error());
    if (stored->isNull())
        return std::optional<MonitoringPlan>{};
    const QJsonDocument document = QJsonDocument::fromJson(stored->toString().toUtf8());
    auto plan = MonitoringPlan::fromJson(document.object());
    if (!plan)
        return fail(
            ErrorCode::Storage,
            QStringLiteral("The monitoring plan of patient %1 is not valid: %2").arg(patientId, plan.error().message));
    return std::optional<MonitoringPlan>(*plan);
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
    auto stored = m_database.execute(
        QStringLiteral("INSERT INTO monitoring_alerts (id, item_id, patient_id, severity, kind, reason, "
                       "measurement_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, itemId, patientId, tierKey(alert.severity), alertKindKey(alert.kind), alert.reasonSv,
         measurementId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(measurementId), now});
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
