#include "sync/server/syncroutes.h"

#include "auth/core/auditlog.h"
#include "auth/server/authenticator.h"
#include "foundation/server/problem.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

namespace nara::sync {

namespace {

Result<std::pair<qint64, int>> cursorAndLimit(const QHttpServerRequest &request, const SyncSettings &settings)
{
    const QUrlQuery query = request.query();
    qint64 since = 0;
    int limit = settings.defaultPageSize;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0)
            return fail(ErrorCode::InvalidInput, QStringLiteral("'since' must be a sequence number ≥ 0."));
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > settings.maxPageSize)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("'limit' must be between 1 and %1.").arg(settings.maxPageSize));
    }
    return std::pair{since, limit};
}

// Patients whose data a page discloses to the workstation's cache. Messages and read marks name
// their item, not the patient: those are looked up.
Result<QSet<QString>> patientsIn(storage::Database &db, const QJsonArray &changes)
{
    QSet<QString> patients;
    QSet<QString> items;
    for (const QJsonValue &change : changes) {
        const QJsonObject object = change.toObject();
        const QString entity = object.value(QStringLiteral("entity")).toString();
        const QJsonObject data = object.value(QStringLiteral("data")).toObject();
        if (entity == u"patient")
            patients.insert(object.value(QStringLiteral("id")).toString());
        else if (const QString patient = data.value(QStringLiteral("patientId")).toString(); !patient.isEmpty())
            patients.insert(patient);
        else if (const QString item = data.value(QStringLiteral("itemId")).toString(); !item.isEmpty())
            items.insert(item);
    }
    if (items.isEmpty())
        return patients;
    QString placeholders;
    QVariantList ids;
    for (const QString &item : std::as_const(items)) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        ids.append(item);
    }
    auto rows = db.query(
        QStringLiteral("SELECT DISTINCT patient_id FROM inbox_items WHERE patient_id IS NOT NULL AND id IN (")
            + placeholders + u')',
        ids);
    if (!rows)
        return fail(rows.error());
    while (rows->next())
        patients.insert(rows->value(0).toString());
    return patients;
}

QHttpServerResponse sync(WorkerContext &context, const QHttpServerRequest &request, const SyncSettings &settings,
                         const QString &instance)
{
    auto caller = auth::authenticateStaff(context, request);
    if (!caller)
        return http::problem(caller.error());
    auto parameters = cursorAndLimit(request, settings);
    if (!parameters)
        return http::problem(parameters.error());
    ChangeLog log(context.db);
    auto page = log.read(parameters->first, parameters->second, caller->unitIds, caller->id);
    if (!page)
        return http::problem(page.error());
    auto disclosed = patientsIn(context.db, page->changes);
    if (!disclosed)
        return http::problem(disclosed.error());
    const QSet<QString> &patients = *disclosed;
    if (!patients.isEmpty()) {
        // Every disclosure of patient data is logged, one row per patient and page.
        auto transaction = storage::TransactionGuard::begin(context.db);
        if (!transaction)
            return http::problem(transaction.error());
        auth::AuditLog audit(context.db);
        const QString object = QStringLiteral("sync:%1-%2").arg(parameters->first).arg(page->next);
        const qint64 now = context.clock.nowMs();
        for (const QString &patient : patients) {
            if (auto logged = audit.append(*caller, now, QStringLiteral("sync"), object, patient); !logged)
                return http::problem(logged.error());
        }
        if (auto committed = transaction->commit(); !committed)
            return http::problem(committed.error());
    }
    return http::json(QJsonObject{{QStringLiteral("changes"), page->changes},
                                  {QStringLiteral("next"), page->next},
                                  {QStringLiteral("more"), page->more},
                                  {QStringLiteral("instance"), instance}});
}

} // namespace

void installSyncRoutes(QHttpServer &server, WorkerContext &context, EventHub &hub, const SyncSettings &settings)
{
    // The identity never changes while the server runs: read (or create) it once per worker.
    const QString instance = ChangeLog(context.db).instanceId().value_or(QString());
    server.route(QStringLiteral("/api/v1/sync"), QHttpServerRequest::Method::Get,
                 [&context, settings, instance](const QHttpServerRequest &request) {
                     return sync(context, request, settings, instance);
                 });

    // The WebSocket upgrade: QtHttpServer 6.4 upgrades a request whose route writes nothing.
    server.route(QStringLiteral("/api/v1/events"), QHttpServerRequest::Method::Get,
                 [](const QHttpServerRequest &, QHttpServerResponder &&) {});
    auto *channel = new EventChannel(hub, context, &server);
    QObject::connect(&server, &QAbstractHttpServer::newWebSocketConnection, channel, [&server, &context, channel] {
        while (auto socket = server.nextPendingWebSocketConnection()) {
            const QByteArray token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token")).toUtf8();
            QByteArray bearer = socket->request().rawHeader("Authorization");
            const QByteArray presented = !token.isEmpty() ? token
                : bearer.startsWith("Bearer ")            ? bearer.mid(7)
                                                          : QByteArray();
            // Staff (hints and signalling) or a patient's portal session (signalling only). The
            // channel checks the token again before every frame and ping: access ends with the session.
            auto caller = auth::authenticateToken(context, presented);
            if (!caller) {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthenticated"));
                socket.release()->deleteLater();
                continue;
            }
            channel->adopt(std::move(socket), *caller, presented);
        }
    });
}

} // namespace nara::sync
