#include "monitoring/server/monitoringplanroutes.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/auditlog.h"
#include "foundation/core/json.h"
#include "monitoring/core/monitoringrepository.h"
#include "monitoring/core/smsreception.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>
#include <QJsonArray>

namespace nara::monitoring {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

constexpr qint64 kMaxVersion = 1'000'000'000'000LL;

QJsonObject defaultsJson()
{
    QJsonArray types;
    for (MeasurementType type : allMeasurementTypes()) {
        const MeasurementTypeInfo &t = info(type);
        QJsonArray quantities;
        for (Quantity quantity : t.quantities) {
            const QuantityInfo &q = info(quantity);
            quantities.append(QJsonObject{
                {QStringLiteral("key"), q.key},
                {QStringLiteral("display"), q.nameSv},
                {QStringLiteral("displayEn"), q.nameEn},
                {QStringLiteral("unit"), q.unitText},
                {QStringLiteral("ucum"), q.ucum},
                {QStringLiteral("loinc"), q.loinc},
                {QStringLiteral("min"), q.plausibleMin},
                {QStringLiteral("max"), q.plausibleMax},
                {QStringLiteral("decimals"), q.decimals},
            });
        }
        types.append(QJsonObject{
            {QStringLiteral("type"), t.key},
            {QStringLiteral("display"), t.nameSv},
            {QStringLiteral("displayEn"), t.nameEn},
            {QStringLiteral("unit"), info(t.quantities.constFirst()).unitText},
            {QStringLiteral("loinc"), t.loinc},
            {QStringLiteral("quantities"), quantities},
        });
    }
    QJsonObject thresholds;
    for (Quantity quantity : allQuantities())
        thresholds.insert(info(quantity).key, defaultThresholds(quantity).toJson());
    return {{QStringLiteral("types"), types}, {QStringLiteral("thresholds"), thresholds}};
}

struct PlanRequest
{
    std::optional<MonitoringPlan> plan;
    std::optional<qint64> version;
};

// The whole body is checked before anything is stored: known fields only, `plan` present (an
// object or null) and valid as a whole (MonitoringPlan::fromJson validates), `version` a whole
// number ≥ 0.
Result<PlanRequest> parsePlanRequest(const QByteArray &bytes)
{
    auto body = json::parseObject(bytes);
    if (!body)
        return fail(body.error());
    for (auto it = body->constBegin(); it != body->constEnd(); ++it)
        if (it.key() != u"plan" && it.key() != u"version")
            return fail(ErrorCode::InvalidInput, it.key() + QStringLiteral(": unknown field."),
                        {{QStringLiteral("field"), it.key()}});
    PlanRequest request;
    auto version = json::optionalInteger(*body, QStringLiteral("version"), 0, kMaxVersion);
    if (!version)
        return fail(version.error());
    request.version = *version;
    const QJsonValue plan = body->value(QStringLiteral("plan"));
    if (plan.isNull())
        return request; // monitoring ends
    if (!plan.isObject())
        return fail(ErrorCode::InvalidInput, QStringLiteral("plan: must be a monitoring plan object or null."),
                    {{QStringLiteral("field"), QStringLiteral("plan")}});
    auto parsed = MonitoringPlan::fromJson(plan.toObject());
    if (!parsed)
        return fail(ErrorCode::InvalidInput, QStringLiteral("plan: ") + parsed.error().message,
                    {{QStringLiteral("field"), QStringLiteral("plan")}});
    request.plan = *parsed;
    return request;
}

Result<WriteReply> savePlan(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &caller,
                            const QString &patientId)
{
    if (auto allowed = auth::AccessPolicy(context.db).requirePatient(caller, patientId); !allowed)
        return fail(allowed.error());
    auto parsed = parsePlanRequest(request.body());
    if (!parsed)
        return fail(parsed.error());
    auto unit = reportingUnit(context.db, patientId);
    if (!unit)
        return fail(unit.error());
    MonitoringRepository repository(context.db);
    auto before = repository.storedPlan(patientId);
    if (!before)
        return fail(before.error());
    const qint64 now = context.clock.nowMs();
    auto saved = repository.savePlan(patientId, *unit, parsed->plan, parsed->version, caller.id, now);
    if (!saved)
        return fail(saved.error());
    if (auto logged
        = auth::AuditLog(context.db)
              .append(caller, now, before->has_value() ? QStringLiteral("update") : QStringLiteral("create"),
                      QStringLiteral("monitoring_plan:") + patientId, patientId);
        !logged)
        return fail(logged.error());
    return WriteReply{200, saved->toJson()};
}

} // namespace

void installMonitoringPlanRoutes(QHttpServer &server, WorkerContext &context)
{
    server.route(QStringLiteral("/api/v1/monitoring/defaults"), Method::Get,
                 [&context](const QHttpServerRequest &request) {
                     return sync::runRead(context, request, sync::Who::Staff,
                                          [](const auth::Caller &) -> Result<QJsonObject> { return defaultsJson(); });
                 });
    server.route(QStringLiteral("/api/v1/patients/<arg>/monitoring-plan"), Method::Post,
                 [&context](const QString &patientId, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return savePlan(context, request, caller, patientId);
                     });
                 });
}

} // namespace nara::monitoring
