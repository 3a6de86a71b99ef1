#include "sync/server/cacheauditroute.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/auditlog.h"
#include "foundation/core/json.h"
#include "sync/server/writeendpoint.h"

#include <QDateTime>
#include <QHash>
#include <QHttpServer>

namespace nara::sync {

namespace {

constexpr qsizetype kMaxEvents = 500;

struct CachedRead
{
    QString patientId;
    QString object;
    qint64 at = 0;
};

Result<QList<CachedRead>> parseEvents(const QByteArray &body, qint64 now)
{
    auto object = json::parseObject(body);
    if (!object)
        return fail(object.error());
    auto events = json::requiredArray(*object, QStringLiteral("events"), kMaxEvents);
    if (!events)
        return fail(events.error());
    QList<CachedRead> reads;
    reads.reserve(events->size());
    for (const QJsonValue &value : std::as_const(*events)) {
        if (!value.isObject())
            return fail(ErrorCode::InvalidInput, QStringLiteral("Every entry of 'events' must be an object."));
        const QJsonObject event = value.toObject();
        auto action = json::requiredEnum(event, QStringLiteral("action"), {QStringLiteral("read")});
        if (!action)
            return fail(action.error());
        auto patientId = json::requiredString(event, QStringLiteral("patientId"), 64);
        if (!patientId)
            return fail(patientId.error());
        auto what = json::requiredString(event, QStringLiteral("object"), 200);
        if (!what)
            return fail(what.error());
        // A workstation may have been offline for a while, but not in the future (a day's clock skew).
        auto at = json::requiredInteger(event, QStringLiteral("at"), 0, now + 24LL * 60 * 60 * 1000);
        if (!at)
            return fail(at.error());
        reads.append({*patientId, *what, *at});
    }
    return reads;
}

Result<WriteReply> logReads(WorkerContext &context, const auth::Caller &caller, const QByteArray &body)
{
    const qint64 now = context.clock.nowMs();
    auto reads = parseEvents(body, now);
    if (!reads)
        return fail(reads.error());
    auth::AccessPolicy policy(context.db);
    auth::AuditLog audit(context.db);
    QHash<QString, bool> visible;
    int denied = 0;
    for (const CachedRead &read : std::as_const(*reads)) {
        auto known = visible.constFind(read.patientId);
        if (known == visible.constEnd())
            known = visible.insert(read.patientId, bool(policy.requirePatient(caller, read.patientId)));
        auth::AuditEntry entry;
        entry.at = now;
        entry.userId = caller.id;
        entry.role = caller.role;
        entry.unitId = caller.primaryUnit();
        entry.patientId = read.patientId;
        entry.action = QStringLiteral("read");
        entry.object = read.object;
        entry.reason = QStringLiteral("offline read at ")
            + QDateTime::fromMSecsSinceEpoch(read.at, Qt::UTC).toString(Qt::ISODateWithMs);
        entry.client = QStringLiteral("workstation-cache");
        entry.outcome = *known ? QStringLiteral("ok") : QStringLiteral("denied-now");
        denied += *known ? 0 : 1;
        if (auto logged = audit.append(entry); !logged)
            return fail(logged.error());
    }
    return WriteReply{200,
                      QJsonObject{{QStringLiteral("accepted"), reads->size()}, {QStringLiteral("deniedNow"), denied}}};
}

} // namespace

void installCacheAuditRoute(QHttpServer &server, WorkerContext &context)
{
    server.route(QStringLiteral("/api/v1/audit/events"), QHttpServerRequest::Method::Post,
                 [&context](const QHttpServerRequest &request) {
                     return runWrite(context, request, Who::Staff, [&](const auth::Caller &caller) {
                         return logReads(context, caller, request.body());
                     });
                 });
}

} // namespace nara::sync
