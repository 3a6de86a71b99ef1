#include "auth/server/authroutes.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "auth/server/authenticator.h"
#include "auth/server/loginhandler.h"
#include "foundation/core/json.h"
#include "foundation/server/problem.h"
#include "storage/core/transactionguard.h"

#include <QDateTime>
#include <QHttpServer>
#include <QSet>

namespace nara::auth {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

QHttpServerResponse logout(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticate(context, request);
    if (!caller)
        return http::problem(caller.error());
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    SessionStore sessions(context.db, context.clock, sessionSettings());
    if (auto revoked = sessions.revoke(caller->sessionHash); !revoked)
        return http::problem(revoked.error());
    AuditLog audit(context.db);
    if (auto logged
        = audit.append(*caller, context.clock.nowMs(), QStringLiteral("logout"), QStringLiteral("session"), QString());
        !logged)
        return http::problem(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    return QHttpServerResponse(StatusCode::NoContent);
}

QHttpServerResponse me(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    AccountRepository accounts(context.db);
    auto units = accounts.unitsOf(caller->id);
    if (!units)
        return http::problem(units.error());
    StaffAccount staff{caller->id, caller->username, caller->displayName, caller->role, caller->unitIds, true};
    QJsonArray unitList;
    for (const CareUnit &unit : std::as_const(*units))
        unitList.append(unit.toJson());
    return http::json(QJsonObject{{QStringLiteral("staff"), staff.toJson()}, {QStringLiteral("units"), unitList}});
}

QHttpServerResponse staffList(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    auto colleagues = AccountRepository(context.db).colleagues(caller->unitIds);
    if (!colleagues)
        return http::problem(colleagues.error());
    QJsonArray list;
    for (const StaffAccount &account : std::as_const(*colleagues))
        list.append(account.toJson());
    return http::json(QJsonObject{{QStringLiteral("staff"), list}});
}

// GET /api/v1/units?kind=dermatology: the units of a kind, for choosing where a referral goes. Names
// of care units are no patient data: any signed-in staff member may list them.
QHttpServerResponse unitList(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    const QString kind = request.query().queryItemValue(QStringLiteral("kind"));
    static const QStringList kinds{QStringLiteral("care_centre"), QStringLiteral("dermatology"),
                                   QStringLiteral("municipal")};
    if (!kinds.contains(kind))
        return http::problem(Error{ErrorCode::InvalidInput,
                                   QStringLiteral("kind must be one of care_centre, dermatology, municipal."),
                                   QJsonObject{{QStringLiteral("field"), QStringLiteral("kind")}}});
    auto units = AccountRepository(context.db).unitsOfKind(kind);
    if (!units)
        return http::problem(units.error());
    QJsonArray list;
    for (const CareUnit &unit : std::as_const(*units))
        list.append(unit.toJson());
    return http::json(QJsonObject{{QStringLiteral("units"), list}});
}

// The patient's log extract (Patientdatalagen 4 kap. 3 §): admins only, and the export is itself logged.
QHttpServerResponse patientExtract(WorkerContext &context, const QString &patientId, const QHttpServerRequest &request)
{
    auto caller = authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    if (!AccessPolicy(context.db).hasRole(*caller, {u"admin"}))
        return http::problem(Error{ErrorCode::Forbidden, QStringLiteral("Log extracts are for administrators."), {}});
    auto patient = AccountRepository(context.db).patientById(patientId);
    if (!patient)
        return http::problem(patient.error());
    if (!patient->has_value())
        return http::problem(Error::notFound(QStringLiteral("No such patient.")));
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    AuditLog audit(context.db);
    auto entries = audit.extractForPatient(patientId);
    if (!entries)
        return http::problem(entries.error());
    if (auto logged = audit.append(*caller, context.clock.nowMs(), QStringLiteral("export"),
                                   QStringLiteral("audit_extract"), patientId);
        !logged)
        return http::problem(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    return http::json(QJsonObject{{QStringLiteral("entries"), *entries}});
}

} // namespace

void installAuthRoutes(QHttpServer &server, WorkerContext &context, AuthServices &services)
{
    setSessionSettings(services.sessionSettings);
    installLoginRoute(server, context, services);
    server.route(QStringLiteral("/api/v1/auth/logout"), QHttpServerRequest::Method::Post,
                 [&context](const QHttpServerRequest &request) { return logout(context, request); });
    server.route(QStringLiteral("/api/v1/me"), QHttpServerRequest::Method::Get,
                 [&context](const QHttpServerRequest &request) { return me(context, request); });
    server.route(QStringLiteral("/api/v1/staff"), QHttpServerRequest::Method::Get,
                 [&context](const QHttpServerRequest &request) { return staffList(context, request); });
    server.route(QStringLiteral("/api/v1/units"), QHttpServerRequest::Method::Get,
                 [&context](const QHttpServerRequest &request) { return unitList(context, request); });
    server.route(QStringLiteral("/api/v1/audit/patients/<arg>"), QHttpServerRequest::Method::Get,
                 [&context](const QString &patientId, const QHttpServerRequest &request) {
                     return patientExtract(context, patientId, request);
                 });
}

} // namespace nara::auth
