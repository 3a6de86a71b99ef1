#include "referrals/server/imageroutes.h"

#include "auth/server/authenticator.h"
#include "foundation/server/problem.h"
#include "referrals/core/imageaccess.h"
#include "referrals/core/imagestore.h"
#include "referrals/server/imageupload.h"
#include "storage/core/transactionguard.h"

#include <QHttpServer>

namespace nara::referrals {

namespace {

using Method = QHttpServerRequest::Method;

Error noSuchImage()
{
    return Error::notFound(QStringLiteral("No such image."));
}

// A view: the decision, its audit row (a refusal naming a patient is logged as denied) and the
// bytes, in one transaction so that no view goes unlogged.
QHttpServerResponse view(WorkerContext &context, ImageServices &services, const QHttpServerRequest &request,
                         const QString &id, bool thumbnail)
{
    auto caller = auth::authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    ImageAccess access(context.db);
    auto decision = access.decide(*caller, id, thumbnail);
    if (!decision)
        return http::problem(decision.error());
    const qint64 now = context.clock.nowMs();
    if (!decision->allowed) {
        if (auto logged = access.audit(*caller, *decision, id, thumbnail, now); !logged)
            return http::problem(logged.error());
        if (auto committed = transaction->commit(); !committed)
            return http::problem(committed.error());
        return http::problem(noSuchImage());
    }
    auto bytes = services.store.get(decision->hash);
    if (!bytes) {
        qWarning("image %s: %s", qPrintable(id), qPrintable(bytes.error().message));
        return http::problem(Error::storage(bytes.error().message));
    }
    if (auto logged = access.audit(*caller, *decision, id, thumbnail, now); !logged)
        return http::problem(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    return QHttpServerResponse(QByteArrayLiteral("image/jpeg"), *bytes);
}

} // namespace

void installImageRoutes(QHttpServer &server, WorkerContext &context, ImageServices &services)
{
    ImageUpload upload(server, context, services);
    server.route(QStringLiteral("/api/v1/images/<arg>"), Method::Put,
                 [upload](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     upload.handle(id, request, std::move(responder));
                 });
    server.route(QStringLiteral("/api/v1/images/<arg>"), Method::Get,
                 [&context, &services](const QString &id, const QHttpServerRequest &request) {
                     return view(context, services, request, id, false);
                 });
    server.route(QStringLiteral("/api/v1/images/<arg>/thumbnail"), Method::Get,
                 [&context, &services](const QString &id, const QHttpServerRequest &request) {
                     return view(context, services, request, id, true);
                 });
}

} // namespace nara::referrals
