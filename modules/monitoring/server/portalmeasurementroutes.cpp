#include "monitoring/server/portalmeasurementroutes.h"

#include "auth/core/auditlog.h"
#include "foundation/core/json.h"
#include "monitoring/core/measurement.h"
#include "monitoring/core/smsreception.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>
#include <QJsonArray>

#include <cmath>

namespace nara::monitoring {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

constexpr qsizetype kMaxMeasurements = 10;
constexpr qsizetype kMaxRemarkLength = 1000;

Error invalidAt(const QString &field, const QString &message, QJsonObject details = {})
{
    details.insert(QStringLiteral("field"), field);
    return {ErrorCode::InvalidInput, field + QStringLiteral(": ") + message, details};
}

// The JSON key of one value: "systolic"/"diastolic" for blood pressure, "value" for a type of one
// quantity.
QStringList valueKeys(MeasurementType type)
{
    const QList<Quantity> quantities = info(type).quantities;
    if (quantities.size() == 1)
        return {QStringLiteral("value")};
    QStringList keys;
    for (Quantity quantity : quantities)
        keys.append(info(quantity).key);
    return keys;
}

struct PortalReport
{
    QList<Measurement> measurements;
    QString remark;
};

// Checks the whole body before anything is stored: known keys only, 1–10 measurements, a known
// type, exactly the type's values as finite numbers, each physically plausible.
Result<PortalReport> parseReport(const QByteArray &bytes, const QDateTime &now)
{
    auto body = json::parseObject(bytes);
    if (!body)
        return fail(body.error());
    for (auto it = body->constBegin(); it != body->constEnd(); ++it)
        if (it.key() != u"measurements" && it.key() != u"remark")
            return fail(invalidAt(it.key(), QStringLiteral("unknown field.")));
    auto list = json::requiredArray(*body, QStringLiteral("measurements"), kMaxMeasurements);
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(invalidAt(QStringLiteral("measurements"), QStringLiteral("at least one measurement is needed.")));
    auto remark = json::optionalString(*body, QStringLiteral("remark"), kMaxRemarkLength);
    if (!remark)
        return fail(remark.error());

    QStringList typeKeys;
    for (MeasurementType type : allMeasurementTypes())
        typeKeys.append(info(type).key);
    PortalReport report;
    report.remark = remark->value_or(QString()).trimmed();
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString at = QStringLiteral("measurements[%1]").arg(i);
        const QJsonValue entry = list->at(i);
        if (!entry.isObject())
            return fail(invalidAt(at, QStringLiteral("must be an object.")));
        const QJsonObject object = entry.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (it.key() != u"type" && it.key() != u"values")
                return fail(invalidAt(at + u'.' + it.key(), QStringLiteral("unknown field.")));
        const QJsonValue typeValue = object.value(QStringLiteral("type"));
        const auto type = typeValue.isString() ? measurementTypeFromKey(typeValue.toString()) : std::nullopt;
        if (!type)
            return fail(invalidAt(at + QStringLiteral(".type"),
                                  QStringLiteral("must be one of %1.").arg(typeKeys.join(QStringLiteral(", ")))));
        const QJsonValue valuesValue = object.value(QStringLiteral("values"));
        if (!valuesValue.isObject())
            return fail(invalidAt(at + QStringLiteral(".values"), QStringLiteral("must be an object.")));
        const QJsonObject values = valuesValue.toObject();
        const QStringList keys = valueKeys(*type);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            if (!keys.contains(it.key()))
                return fail(invalidAt(at + QStringLiteral(".values.") + it.key(),
                                      QStringLiteral("unknown value for %1 (expected %2).")
                                          .arg(info(*type).key, keys.join(QStringLiteral(", ")))));
        QList<double> numbers;
        const QList<Quantity> quantities = info(*type).quantities;
        for (qsizetype q = 0; q < keys.size(); ++q) {
            const QString field = at + QStringLiteral(".values.") + keys.at(q);
            const QJsonValue number = values.value(keys.at(q));
            if (!number.isDouble() || !std::isfinite(number.toDouble()))
                return fail(invalidAt(field, QStringLiteral("must be a number.")));
            if (auto plausible = Measurement::checkPlausible(quantities.at(q), number.toDouble()); !plausible)
                return fail(invalidAt(field, plausible.error().message, plausible.error().details));
            numbers.append(number.toDouble());
        }
        auto measurement = Measurement::create(*type, numbers, now, MeasurementSource::Portal);
        if (!measurement)
            return fail(
                invalidAt(at + QStringLiteral(".values"), measurement.error().message, measurement.error().details));
        report.measurements.append(*measurement);
    }
    return report;
}

QJsonObject measurementJson(const QString &id, const Measurement &measurement)
{
    const QStringList keys = valueKeys(measurement.type());
    QJsonObject values;
    for (qsizetype q = 0; q < keys.size(); ++q)
        values.insert(keys.at(q), measurement.values().value(q));
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), info(measurement.type()).key},
        {QStringLiteral("values"), values},
        {QStringLiteral("display"), measurement.displayTextSv()},
        {QStringLiteral("at"), measurement.at().toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), sourceKey(measurement.source())},
    };
}

Result<WriteReply> report(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &patient)
{
    auto parsed = parseReport(request.body(), context.clock.now());
    if (!parsed)
        return fail(parsed.error());
    auto unit = reportingUnit(context.db, patient.id);
    if (!unit)
        return fail(unit.error());
    auto stored = storeReport(context.db, context.clock, patient.id, *unit, parsed->measurements, parsed->remark,
                              MeasurementSource::Portal);
    if (!stored)
        return fail(stored.error());

    auth::AuditLog audit(context.db);
    const qint64 now = context.clock.nowMs();
    for (const QString &object : std::as_const(stored->created))
        if (auto logged = audit.append(patient, now, QStringLiteral("create"), object, patient.id); !logged)
            return fail(logged.error());

    QJsonArray measurements;
    for (qsizetype i = 0; i < parsed->measurements.size(); ++i)
        measurements.append(measurementJson(stored->measurementIds.at(i), parsed->measurements.at(i)));
    QJsonArray alerts;
    for (qsizetype i = 0; i < stored->alerts.size(); ++i) {
        const MonitoringAlert &alert = stored->alerts.at(i);
        alerts.append(QJsonObject{
            {QStringLiteral("id"), stored->alertIds.at(i)},
            {QStringLiteral("severity"), tierKey(alert.severity)},
            {QStringLiteral("kind"), alertKindKey(alert.kind)},
            {QStringLiteral("reason"), alert.reasonSv},
            {QStringLiteral("reasonEn"), alert.reasonEn},
        });
    }
    QJsonObject body{
        {QStringLiteral("measurements"), measurements},
        {QStringLiteral("alerts"), alerts},
        {QStringLiteral("message"),
         stored->alertItem ? QStringLiteral("Dina värden har tagits emot. Vårdcentralen har meddelats.")
                           : QStringLiteral("Dina värden har tagits emot.")},
    };
    if (stored->alertItem)
        body.insert(QStringLiteral("itemId"), stored->alertItem->id);
    return WriteReply{201, body};
}

} // namespace

void installPortalMeasurementRoutes(QHttpServer &server, WorkerContext &context)
{
    server.route(
        QStringLiteral("/api/v1/portal/measurements"), Method::Post, [&context](const QHttpServerRequest &request) {
            return sync::runWrite(context, request, sync::Who::Patient,
                                  [&](const auth::Caller &patient) { return report(context, request, patient); });
        });
}

} // namespace nara::monitoring
