#include "auth/server/loginhandler.h"

#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "auth/core/passwordhasher.h"
#include "foundation/core/json.h"
#include "foundation/server/problem.h"
#include "foundation/server/requestlog.h"
#include "storage/core/transactionguard.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace nara::auth {

namespace {

Q_LOGGING_CATEGORY(lcLogin, "nara.http.requests")

using StatusCode = QHttpServerResponder::StatusCode;

Error wrongCredentials()
{
    return Error{ErrorCode::Unauthenticated, QStringLiteral("Wrong user name or password."), {}};
}

// A hash to verify against when the user name is unknown, so an unknown name costs the same time
// as a wrong password and the answer's timing does not reveal which names exist.
const QString &decoyHash()
{
    static const QString hash = PasswordHasher::hash(QStringLiteral("nara-decoy-password")).value_or(QString());
    return hash;
}

// Lets pool threads post back to the worker's QHttpServer only while it exists: the server's
// destruction clears `target` under the mutex, so no event is posted to a dying object.
struct ReturnPath
{
    QMutex mutex;
    QObject *target = nullptr;
};

// One login in flight: what the worker thread needs again when the hash has been checked.
struct PendingLogin
{
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QByteArray requestId;
    QString username;
    QString address;
    std::optional<StaffCredentials> credentials;
};

void writeBody(PendingLogin &login, const QByteArray &body, const QByteArray &type, StatusCode status)
{
    if (!login.socket)
        return; // the client hung up while we were hashing
    login.responder.write(body,
                          {{"Content-Type", type},
                           {"X-Request-Id", login.requestId},
                           {"Cache-Control", "no-store"},
                           {"X-Content-Type-Options", "nosniff"}},
                          status);
    qCInfo(lcLogin, "%s POST /api/v1/auth/login %d", login.requestId.constData(), int(status));
}

void writeProblem(PendingLogin &login, const Error &error)
{
    if (error.code == ErrorCode::Storage || error.code == ErrorCode::Internal)
        qWarning("login failed (%s): %s", qPrintable(errorCodeName(error.code)), qPrintable(error.message));
    writeBody(login, http::problemBody(error), "application/problem+json", http::statusFor(error.code));
}

Result<void> auditLogin(WorkerContext &context, const PendingLogin &login, const QString &outcome)
{
    AuditEntry entry;
    entry.at = context.clock.nowMs();
    if (login.credentials) {
        entry.userId = login.credentials->account.id;
        entry.role = login.credentials->account.role;
        entry.unitId = login.credentials->account.unitIds.value(0);
    }
    entry.action = QStringLiteral("login");
    entry.object = QStringLiteral("session");
    entry.client = QStringLiteral("workstation");
    entry.outcome = outcome;
    return AuditLog(context.db).append(entry);
}

Result<QJsonObject> startSession(WorkerContext &context, AuthServices &services, const PendingLogin &login)
{
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return fail(transaction.error());
    SessionStore sessions(context.db, context.clock, services.sessionSettings);
    auto session = sessions.create(QStringLiteral("staff"), login.credentials->account.id);
    if (!session)
        return fail(session.error());
    if (auto logged = auditLogin(context, login, QStringLiteral("ok")); !logged)
        return fail(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return QJsonObject{{QStringLiteral("token"), session->token},
                       {QStringLiteral("expiresAt"), session->expiresAt},
                       {QStringLiteral("staff"), login.credentials->account.toJson()}};
}

Result<void> recordFailedLogin(WorkerContext &context, const PendingLogin &login)
{
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return fail(transaction.error());
    if (auto logged = auditLogin(context, login, QStringLiteral("failed")); !logged)
        return fail(logged.error());
    return transaction->commit();
}

// Back on the worker thread with the verdict.
void finishLogin(WorkerContext &context, AuthServices &services, PendingLogin &login, bool passwordOk)
{
    if (!passwordOk) {
        services.limiter.recordFailure(login.username, login.address);
        if (auto recorded = recordFailedLogin(context, login); !recorded)
            return writeProblem(login, recorded.error());
        return writeProblem(login, wrongCredentials());
    }
    services.limiter.recordSuccess(login.username);
    auto answer = startSession(context, services, login);
    if (!answer)
        return writeProblem(login, answer.error());
    writeBody(login, QJsonDocument(*answer).toJson(QJsonDocument::Compact), "application/json", StatusCode::Ok);
}

void login(const std::shared_ptr<ReturnPath> &returnPath, WorkerContext &context,
           AuthServices &services, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto pending = std::make_shared<PendingLogin>(PendingLogin{std::move(responder), nullptr,
                                                               http::requestIdFor(request.value("x-request-id")),
                                                               {}, request.remoteAddress().toString(), {}});
    pending->socket = pending->responder.socket();

    auto body = json::parseObject(request.body());
    if (!body)
        return writeProblem(*pending, body.error());
    auto username = json::requiredString(*body, QStringLiteral("username"), 64);
    if (!username)
        return writeProblem(*pending, username.error());
    auto password = json::requiredString(*body, QStringLiteral("password"), 256);
    if (!password)
        return writeProblem(*pending, password.error());
    pending->username = *username;

    if (const qint64 wait = services.limiter.retryAfterSeconds(pending->username, pending->address); wait > 0) {
        Error limited{ErrorCode::RateLimited, QStringLiteral("Too many failed logins; try again later."),
                      QJsonObject{{QStringLiteral("retryAfter"), wait}}};
        if (!pending->socket)
            return;
        pending->responder.write(http::problemBody(limited),
                                 {{"Content-Type", "application/problem+json"},
                                  {"Retry-After", QByteArray::number(wait)},
                                  {"X-Request-Id", pending->requestId},
                                  {"Cache-Control", "no-store"}},
                                 StatusCode::TooManyRequests);
        qCInfo(lcLogin, "%s POST /api/v1/auth/login 429", pending->requestId.constData());
        return;
    }

    auto credentials = AccountRepository(context.db).credentialsByUsername(pending->username);
    if (!credentials)
        return writeProblem(*pending, credentials.error());
    if (credentials->has_value() && (*credentials)->account.active)
        pending->credentials = **credentials;
    const QString storedHash = pending->credentials ? pending->credentials->passwordHash : QString();

    services.hashingPool.start([returnPath, pending, storedHash, secret = *password, &context, &services]() mutable {
        // Unknown and inactive users are checked against the decoy, and fail either way.
        const bool known = !storedHash.isEmpty();
        const bool ok = PasswordHasher::verify(known ? storedHash : decoyHash(), secret) && known;
        secret.fill(QChar(0));
        QMutexLocker lock(&returnPath->mutex);
        if (!returnPath->target)
            return; // the worker is shutting down
        QMetaObject::invokeMethod(
            returnPath->target, [pending, ok, &context, &services] { finishLogin(context, services, *pending, ok); },
            Qt::QueuedConnection);
    });
}

} // namespace

void installLoginRoute(QHttpServer &server, WorkerContext &context, AuthServices &services)
{
    auto returnPath = std::make_shared<ReturnPath>();
    returnPath->target = &server;
    QObject::connect(&server, &QObject::destroyed, &server, [returnPath] {
        QMutexLocker lock(&returnPath->mutex);
        returnPath->target = nullptr;
    });
    server.route(QStringLiteral("/api/v1/auth/login"), QHttpServerRequest::Method::Post,
                 [returnPath, &context, &services](const QHttpServerRequest &request,
                                                              QHttpServerResponder &&responder) {
                     login(returnPath, context, services, request, std::move(responder));
                 });
}

} // namespace nara::auth
