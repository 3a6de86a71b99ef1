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
    // The attempt counted against the rate limits until the hash has been checked.
    std::optional<LoginRateLimiter::Reservation> reservation;
    // Its place among the logins in flight, freed with the PendingLogin.
    std::optional<LoginsInFlight::Slot> slot;
};

// The socket lives on until deleteLater after a hang-up, closed: only a connected one gets an answer.
bool clientConnected(const PendingLogin &login)
{
    return login.socket && login.socket->state() == QAbstractSocket::ConnectedState;
}

void writeBody(PendingLogin &login, const QByteArray &body, const QByteArray &type, StatusCode status,
               qint64 retryAfterSeconds = 0)
{
    if (!clientConnected(login)) {
        qCInfo(lcLogin, "%s POST /api/v1/auth/login %d not sent: the client has gone", login.requestId.constData(),
               int(status));
        return;
    }
    if (retryAfterSeconds > 0)
        login.responder.write(body,
                              {{"Content-Type", type},
                               {"Retry-After", QByteArray::number(retryAfterSeconds)},
                               {"X-Request-Id", login.requestId},
                               {"Cache-Control", "no-store"},
                               {"X-Content-Type-Options", "nosniff"}},
                              status);
    else
        login.responder.write(body,
                              {{"Content-Type", type},
                               {"X-Request-Id", login.requestId},
                               {"Cache-Control", "no-store"},
                               {"X-Content-Type-Options", "nosniff"}},
                              status);
    qCInfo(lcLogin, "%s POST /api/v1/auth/login %d", login.requestId.constData(), int(status));
}

void writeProblem(PendingLogin &login, const Error &error, qint64 retryAfterSeconds = 0)
{
    if (error.code == ErrorCode::Storage || error.code == ErrorCode::Internal)
        qWarning("login failed (%s): %s", qPrintable(errorCodeName(error.code)), qPrintable(error.message));
    writeBody(login, http::problemBody(error), "application/problem+json", http::statusFor(error.code),
              retryAfterSeconds);
}

void settle(AuthServices &services, PendingLogin &login, LoginRateLimiter::Outcome outcome)
{
    if (login.reservation)
        services.limiter.settle(*login.reservation, outcome);
    login.reservation.reset();
}

Result<void> auditLogin(WorkerContext &context, const PendingLogin &login, const QString &outcome,
                        const QString &reason = {})
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
    entry.reason = reason;
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

Result<void> recordLogin(WorkerContext &context, const PendingLogin &login, const QString &outcome,
                         const QString &reason = {})
{
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return fail(transaction.error());
    if (auto logged = auditLogin(context, login, outcome, reason); !logged)
        return fail(logged.error());
    return transaction->commit();
}

// Back on the worker thread with the verdict. The attempt is settled and logged whether or not
// the client is still there to hear the answer.
void finishLogin(WorkerContext &context, AuthServices &services, PendingLogin &login, bool passwordOk)
{
    if (!passwordOk) {
        settle(services, login, LoginRateLimiter::Outcome::Failed);
        if (auto recorded = recordLogin(context, login, QStringLiteral("failed")); !recorded)
            return writeProblem(login, recorded.error());
        return writeProblem(login, wrongCredentials());
    }
    settle(services, login, LoginRateLimiter::Outcome::Succeeded);
    if (!clientConnected(login)) {
        // Nobody to hand a token to: no session is started, but the verified attempt is logged.
        if (auto recorded = recordLogin(context, login, QStringLiteral("ok"),
                                        QStringLiteral("client disconnected before the answer; no session"));
            !recorded)
            qWarning("login audit failed (%s): %s", qPrintable(errorCodeName(recorded.error().code)),
                     qPrintable(recorded.error().message));
        qCInfo(lcLogin, "%s POST /api/v1/auth/login 200 not sent: the client has gone", login.requestId.constData());
        return;
    }
    auto answer = startSession(context, services, login);
    if (!answer)
        return writeProblem(login, answer.error());
    writeBody(login, QJsonDocument(*answer).toJson(QJsonDocument::Compact), "application/json", StatusCode::Ok);
}

// The address login limits count: the peer, or, behind the one trusted proxy, the last hop it
// added to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for appends the client it saw).
QString clientAddress(const QHttpServerRequest &request, const QHostAddress &trustedProxy)
{
    const QHostAddress peer = request.remoteAddress();
    if (trustedProxy.isNull() || !peer.isEqual(trustedProxy, QHostAddress::TolerantConversion))
        return peer.toString();
    const QByteArray forwarded = request.value("x-forwarded-for");
    const QHostAddress client(QString::fromLatin1(forwarded.split(',').constLast().trimmed()));
    return client.isNull() ? peer.toString() : client.toString();
}

void login(const std::shared_ptr<ReturnPath> &returnPath, WorkerContext &context, AuthServices &services,
           const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto pending = std::make_shared<PendingLogin>(PendingLogin{std::move(responder), {}, {}, {}, {}, {}, {}, {}});
    pending->socket = pending->responder.socket();
    pending->requestId = http::requestIdFor(request.value("x-request-id"));
    pending->address = clientAddress(request, services.trustedProxy);

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

    // The attempt is reserved now, before the password is checked, so that parallel requests
    // cannot all pass while the first hash is still running.
    qint64 wait = 0;
    pending->reservation = services.limiter.tryReserve(pending->username, pending->address, &wait);
    if (!pending->reservation) {
        return writeProblem(*pending,
                            Error{ErrorCode::RateLimited, QStringLiteral("Too many failed logins; try again later."),
                                  QJsonObject{{QStringLiteral("retryAfter"), wait}}},
                            wait);
    }
    // Bounded hashing work: over the cap nothing is queued, and the attempt is given back.
    pending->slot = services.loginsInFlight.tryAcquire(pending->username);
    if (!pending->slot) {
        settle(services, *pending, LoginRateLimiter::Outcome::Withdrawn);
        return writeProblem(
            *pending,
            Error{ErrorCode::Unavailable, QStringLiteral("Too many logins in progress; try again shortly."), {}}, 1);
    }

    auto credentials = AccountRepository(context.db).credentialsByUsername(pending->username);
    if (!credentials) {
        settle(services, *pending, LoginRateLimiter::Outcome::Withdrawn);
        return writeProblem(*pending, credentials.error());
    }
    if (credentials->has_value() && (*credentials)->account.active)
        pending->credentials = **credentials;
    const QString storedHash = pending->credentials ? pending->credentials->passwordHash : QString();

    services.hashingPool.start([returnPath, pending = std::move(pending), storedHash, secret = *password, &context,
                                &services]() mutable {
        // Unknown and inactive users are checked against the decoy, and fail either way.
        const bool known = !storedHash.isEmpty();
        const bool ok = PasswordHasher::verify(known ? storedHash : decoyHash(), secret) && known;
        secret.fill(QChar(0));
        QMutexLocker lock(&returnPath->mutex);
        // The worker is shutting down: the login is dropped here and its reservation stays counted
        // as a failure until it leaves the window (fail closed). The slot frees itself.
        if (!returnPath->target)
            return;
        // The PendingLogin moves on to the worker thread, so it is destroyed there, not here.
        QMetaObject::invokeMethod(
            returnPath->target,
            [pending = std::move(pending), ok, &context, &services] { finishLogin(context, services, *pending, ok); },
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
    server.route(
        QStringLiteral("/api/v1/auth/login"), QHttpServerRequest::Method::Post,
        [returnPath, &context, &services](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            login(returnPath, context, services, request, std::move(responder));
        });
}

} // namespace nara::auth
