#include "sync/server/writeendpoint.h"

#include "auth/core/auditlog.h"
#include "auth/server/authenticator.h"
#include "foundation/server/problem.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace nara::sync {

namespace {

Result<auth::Caller> authenticateAs(WorkerContext &context, const QHttpServerRequest &request, Who who)
{
    return who == Who::Staff ? auth::authenticateStaff(context, request) : auth::authenticatePatient(context, request);
}

Result<QString> idempotencyKey(const QHttpServerRequest &request)
{
    const QByteArray key = request.value("idempotency-key");
    if (key.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Writes need an Idempotency-Key header."));
    const bool printable
        = key.size() <= 128 && std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!printable)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The Idempotency-Key must be 1–128 printable ASCII characters."));
    return QString::fromLatin1(key);
}

QString requestHash(const QHttpServerRequest &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(int(request.method())));
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.url().path().toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.body());
    return QString::fromLatin1(hash.result().toHex());
}

// A refused access (another unit's item or patient, a role that may not) leaves a trace of its own:
// the action's transaction was rolled back, so the attempt is logged in a short one of its own.
QHttpServerResponse refused(WorkerContext &context, const auth::Caller &caller, const QHttpServerRequest &request,
                            const Error &error)
{
    if (error.code == ErrorCode::NotFound || error.code == ErrorCode::Forbidden) {
        auto transaction = storage::TransactionGuard::begin(context.db);
        auth::AuditEntry entry;
        entry.at = context.clock.nowMs();
        entry.userId = caller.id;
        entry.role = caller.isStaff() ? caller.role : QStringLiteral("patient");
        entry.unitId = caller.primaryUnit();
        entry.action = QStringLiteral("denied");
        entry.object = QString::fromLatin1(request.method() == QHttpServerRequest::Method::Get ? "GET " : "POST ")
            + request.url().path(); // ids only, never personnummer
        entry.client = caller.client;
        entry.outcome = QStringLiteral("denied");
        const bool logged = transaction && auth::AuditLog(context.db).append(entry) && transaction->commit();
        if (!logged)
            qWarning("could not log a refused access to the audit log");
    }
    return http::problem(error);
}

QHttpServerResponse reply(int status, const QByteArray &body, bool replayed)
{
    const bool problem = status >= 400;
    QHttpServerResponse response(problem ? QByteArrayLiteral("application/problem+json")
                                         : QByteArrayLiteral("application/json"),
                                 body, QHttpServerResponder::StatusCode(status));
    if (replayed)
        response.setHeader("Idempotent-Replayed", "true");
    return response;
}

} // namespace

QHttpServerResponse runWrite(WorkerContext &context, const QHttpServerRequest &request, Who who,
                             const WriteAction &action)
{
    auto caller = authenticateAs(context, request, who);
    if (!caller)
        return http::problem(caller.error());
    auto key = idempotencyKey(request);
    if (!key)
        return http::problem(key.error());
    const QString hash = requestHash(request);

    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());

    auto seen = context.db.query(
        QStringLiteral(
            "SELECT request_hash, status, response FROM idempotency_keys WHERE subject_id = ? AND idem_key = ?"),
        {caller->id, *key});
    if (!seen)
        return http::problem(seen.error());
    if (seen->next()) {
        if (seen->value(0).toString() != hash)
            return http::problem(
                Error::conflict(QStringLiteral("This Idempotency-Key was already used for another request.")));
        return reply(seen->value(1).toInt(), seen->value(2).toString().toUtf8(), true);
    }

    auto before = ChangeLog(context.db).latest();
    if (!before)
        return http::problem(before.error());
    auto result = action(*caller);
    if (!result) {
        transaction->rollback();
        return refused(context, *caller, request, result.error());
    }
    const QByteArray body = QJsonDocument(result->body).toJson(QJsonDocument::Compact);
    const bool keep = result->replayable;
    const QByteArray storedBody = keep
        ? body
        : http::problemBody(Error::conflict(
            QStringLiteral("This request was already carried out; its answer held a secret and is not kept.")));
    auto stored = context.db.execute(
        QStringLiteral(
            "INSERT INTO idempotency_keys (subject_id, idem_key, request_hash, status, response, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"),
        {caller->id, *key, hash, keep ? result->status : 409, QString::fromUtf8(storedBody), context.clock.nowMs()});
    if (!stored)
        return http::problem(stored.error());
    auto after = ChangeLog(context.db).latest();
    if (!after)
        return http::problem(after.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    if (*after > *before && context.announceChange)
        context.announceChange(*after);
    return reply(result->status, body, false);
}

QHttpServerResponse runRead(WorkerContext &context, const QHttpServerRequest &request, Who who,
                            const ReadAction &action)
{
    auto caller = authenticateAs(context, request, who);
    if (!caller)
        return http::problem(caller.error());
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    auto result = action(*caller);
    if (!result) {
        transaction->rollback();
        return refused(context, *caller, request, result.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    return http::json(*result);
}

} // namespace nara::sync
