#include "foundation/server/healthroute.h"

#include "foundation/server/problem.h"

#include <QHttpServer>

namespace nara::http {

void installHealthRoute(QHttpServer &server, WorkerContext &context, QJsonObject facts)
{
    server.route(
        QStringLiteral("/api/v1/health"), QHttpServerRequest::Method::Get,
        [&context, facts](const QHttpServerRequest &) {
            auto alive = context.db.scalar(QStringLiteral("SELECT 1"));
            if (!alive || alive->toInt() != 1)
                return problem(Error{ErrorCode::Unavailable, QStringLiteral("The database does not answer."), {}});
            QJsonObject body = facts;
            body.insert(QStringLiteral("status"), QStringLiteral("ok"));
            body.insert(QStringLiteral("worker"), context.workerIndex);
            body.insert(QStringLiteral("time"), context.clock.nowMs());
            return json(body);
        });
}

} // namespace nara::http
