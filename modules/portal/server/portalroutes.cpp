#include "portal/server/portalroutes.h"

#include "auth/core/auditlog.h"
#include "chat/core/conversation.h"
#include "foundation/core/json.h"
#include "foundation/server/problem.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/server/requestbody.h"
#include "portal/server/invitations.h"
#include "storage/core/transactionguard.h"
#include "sync/server/writeendpoint.h"

#include <QFile>
#include <QHttpServer>
#include <QJsonArray>
#include <QRegularExpression>

namespace nara::portal {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

// Scripts, styles and requests only from this origin; no inline code, no framing, no plugins.
// The video visit needs nothing more: its videos are MediaStreams set as srcObject (no fetch, so
// no media-src), and 'self' in connect-src covers the signalling WebSocket (ws:/wss: of this host).
constexpr QByteArrayView kContentSecurityPolicy
    = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

QHttpServerResponse staticFile(const QString &resource, const QByteArray &contentType)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return http::problem(Error::notFound(QStringLiteral("No such file.")));
    QHttpServerResponse response(contentType, file.readAll());
    response.setHeader("Content-Security-Policy", kContentSecurityPolicy.toByteArray());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-store");
    return response;
}

Result<void> audit(WorkerContext &context, const auth::Caller &caller, const QString &action, const QString &object,
                   const QString &patientId)
{
    return auth::AuditLog(context.db).append(caller, context.clock.nowMs(), action, object, patientId);
}

// The thread the patient's portal shows: the one they were invited to, else their newest open chat.
Result<std::optional<QString>> patientThread(WorkerContext &context, const auth::Caller &patient)
{
    auto invited = Invitations(context.db, context.clock).invitedItem(patient);
    if (!invited || invited->has_value())
        return invited;
    auto open = inbox::InboxRepository(context.db).newestOpenChatOf(patient.id);
    if (!open)
        return fail(open.error());
    if (!open->has_value())
        return std::optional<QString>{};
    return std::optional<QString>((*open)->id);
}

Result<WriteReply> invite(WorkerContext &context, const PortalSettings &settings, const QHttpServerRequest &request,
                          const auth::Caller &caller, const QString &patientId)
{
    auto body = http::objectBody(request);
    if (!body)
        return fail(body.error());
    auto itemId = json::optionalString(*body, QStringLiteral("itemId"), 64);
    if (!itemId)
        return fail(itemId.error());
    auto created = Invitations(context.db, context.clock).create(caller, patientId, itemId->value_or(QString()));
    if (!created)
        return fail(created.error());
    if (auto logged = audit(context, caller, QStringLiteral("create"), QStringLiteral("portal_invitation"), patientId);
        !logged)
        return fail(logged.error());
    const QString url = invitationUrl(settings.publicUrl, request, created->token);
    // The token is stored only hashed: not in the idempotency store either.
    return WriteReply{201,
                      QJsonObject{{QStringLiteral("url"), url},
                                  {QStringLiteral("token"), created->token},
                                  {QStringLiteral("expiresAt"), created->expiresAt}},
                      false};
}

QHttpServerResponse exchange(WorkerContext &context, const QHttpServerRequest &request)
{
    auto body = json::parseObject(request.body());
    if (!body)
        return http::problem(body.error());
    auto token = json::requiredString(*body, QStringLiteral("invitation"), 128);
    if (!token)
        return http::problem(token.error());
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return http::problem(transaction.error());
    auto session = Invitations(context.db, context.clock).exchange(*token);
    if (!session)
        return http::problem(session.error());
    auth::Caller patient;
    patient.kind = auth::Caller::Kind::Patient;
    patient.id = session->patientId;
    patient.client = QStringLiteral("portal");
    if (auto logged = audit(context, patient, QStringLiteral("login"), QStringLiteral("portal_session"), patient.id);
        !logged)
        return http::problem(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return http::problem(committed.error());
    return http::json(QJsonObject{{QStringLiteral("token"), session->token},
                                  {QStringLiteral("expiresAt"), session->expiresAt},
                                  {QStringLiteral("patientName"), session->patientName}});
}

Result<QJsonObject> thread(WorkerContext &context, const auth::Caller &patient)
{
    auto itemId = patientThread(context, patient);
    if (!itemId)
        return fail(itemId.error());
    if (!itemId->has_value())
        return QJsonObject{{QStringLiteral("itemId"), QJsonValue()}, {QStringLiteral("messages"), QJsonArray()}};
    auto messages = chat::Conversation(context.db).messages(patient, **itemId);
    if (!messages)
        return fail(messages.error());
    if (auto logged
        = audit(context, patient, QStringLiteral("read"), QStringLiteral("chat_thread:") + **itemId, patient.id);
        !logged)
        return fail(logged.error());
    QJsonArray list;
    for (const chat::ChatMessage &message : *messages)
        list.append(message.toJson());
    return QJsonObject{{QStringLiteral("itemId"), **itemId}, {QStringLiteral("messages"), list}};
}

Result<WriteReply> write(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &patient)
{
    auto body = json::parseObject(request.body());
    if (!body)
        return fail(body.error());
    auto text = json::requiredString(*body, QStringLiteral("body"), chat::ChatMessage::kMaxBodyLength);
    if (!text)
        return fail(text.error());
    auto itemId = patientThread(context, patient);
    if (!itemId)
        return fail(itemId.error());
    chat::Conversation conversation(context.db);
    const qint64 now = context.clock.nowMs();
    auto posted = itemId->has_value() ? conversation.postAsPatient(patient, **itemId, *text, now)
                                      : conversation.startAsPatient(patient, *text, now);
    if (!posted)
        return fail(posted.error());
    if (auto logged = audit(context, patient, QStringLiteral("create"),
                            QStringLiteral("chat_message:") + posted->message.id, patient.id);
        !logged)
        return fail(logged.error());
    return WriteReply{201, posted->message.toJson()};
}

} // namespace

QString invitationUrl(const QString &publicUrl, const QHttpServerRequest &request, const QString &token)
{
    // "<scheme>://<host>": the configured public URL, else the request's Host (checked) and scheme.
    QString base;
    if (!publicUrl.isEmpty()) {
        base = publicUrl.endsWith(u'/') ? publicUrl.chopped(1) : publicUrl;
    } else {
        static const QRegularExpression kHost(QStringLiteral("^([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$"));
        QString host = QString::fromLatin1(request.value("Host"));
        if (!kHost.match(host).hasMatch())
            host = QStringLiteral("localhost");
        const bool https
            = request.value("X-Forwarded-Proto").trimmed().toLower() == "https" || request.url().scheme() == u"https";
        base = (https ? QStringLiteral("https://") : QStringLiteral("http://")) + host;
    }
    // The token travels in the fragment, which browsers never send to servers.
    return base + QStringLiteral("/portal/#") + token;
}

void installPortalRoutes(QHttpServer &server, WorkerContext &context, const PortalSettings &settings)
{
    server.route(QStringLiteral("/api/v1/patients/<arg>/invitations"), Method::Post,
                 [&context, settings](const QString &patientId, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return invite(context, settings, request, caller, patientId);
                     });
                 });
    server.route(QStringLiteral("/api/v1/portal/session"), Method::Post,
                 [&context](const QHttpServerRequest &request) { return exchange(context, request); });
    server.route(QStringLiteral("/api/v1/portal/thread"), Method::Get, [&context](const QHttpServerRequest &request) {
        return sync::runRead(context, request, sync::Who::Patient,
                             [&](const auth::Caller &patient) { return thread(context, patient); });
    });
    server.route(
        QStringLiteral("/api/v1/portal/messages"), Method::Post, [&context](const QHttpServerRequest &request) {
            return sync::runWrite(context, request, sync::Who::Patient,
                                  [&](const auth::Caller &patient) { return write(context, request, patient); });
        });

    server.route(QStringLiteral("/portal"), Method::Get, [] {
        QHttpServerResponse response(QHttpServerResponder::StatusCode::MovedPermanently);
        response.setHeader("Location", "/portal/");
        return response;
    });
    server.route(QStringLiteral("/portal/"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/portal/index.html"), "text/html; charset=utf-8"); });
    server.route(QStringLiteral("/portal/app.js"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/portal/app.js"), "text/javascript; charset=utf-8"); });
    server.route(QStringLiteral("/portal/style.css"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/portal/style.css"), "text/css; charset=utf-8"); });
    server.route(QStringLiteral("/portal/visit.js"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/portal/visit.js"), "text/javascript; charset=utf-8"); });
    server.route(QStringLiteral("/portal/questionnaire.js"), Method::Get, [] {
        return staticFile(QStringLiteral(":/portal/questionnaire.js"), "text/javascript; charset=utf-8");
    });
    server.route(QStringLiteral("/portal/forms.js"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/portal/forms.js"), "text/javascript; charset=utf-8"); });
    server.route(QStringLiteral("/portal/measurements.js"), Method::Get, [] {
        return staticFile(QStringLiteral(":/portal/measurements.js"), "text/javascript; charset=utf-8");
    });
    server.route(QStringLiteral("/portal/mesh.js"), Method::Get,
                 [] { return staticFile(QStringLiteral(":/call/mesh.js"), "text/javascript; charset=utf-8"); });
}

} // namespace nara::portal
