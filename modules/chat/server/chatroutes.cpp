#include "chat/server/chatroutes.h"

#include "auth/core/auditlog.h"
#include "chat/core/conversation.h"
#include "foundation/core/json.h"
#include "inbox/server/requestbody.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>
#include <QJsonArray>

namespace nara::chat {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

Result<void> audit(WorkerContext &context, const auth::Caller &caller, const QString &action, const QString &object,
                   const QString &patientId)
{
    return auth::AuditLog(context.db).append(caller, context.clock.nowMs(), action, object, patientId);
}

Result<QJsonObject> thread(WorkerContext &context, const auth::Caller &caller, const QString &itemId)
{
    Conversation conversation(context.db);
    auto messages = conversation.messages(caller, itemId);
    if (!messages)
        return fail(messages.error());
    auto patientId = context.db.scalar(QStringLiteral("SELECT patient_id FROM inbox_items WHERE id = ?"), {itemId});
    if (!patientId)
        return fail(patientId.error());
    if (auto logged = audit(context, caller, QStringLiteral("read"), QStringLiteral("chat_thread:") + itemId,
                            patientId->toString());
        !logged)
        return fail(logged.error());
    QJsonArray list;
    for (const ChatMessage &message : *messages)
        list.append(message.toJson());
    return QJsonObject{{QStringLiteral("messages"), list}};
}

Result<WriteReply> reply(WorkerContext &context, const auth::Caller &caller, const QString &itemId,
                         const QJsonObject &body)
{
    auto id = json::optionalString(body, QStringLiteral("id"), Conversation::kMaxIdLength);
    if (!id)
        return fail(id.error());
    auto text = json::requiredString(body, QStringLiteral("body"), ChatMessage::kMaxBodyLength);
    if (!text)
        return fail(text.error());
    auto staffOnly = json::optionalBool(body, QStringLiteral("staffOnly"));
    if (!staffOnly)
        return fail(staffOnly.error());
    auto posted = Conversation(context.db)
                      .postAsStaff(caller, itemId, {id->value_or(QString()), *text, staffOnly->value_or(false)},
                                   context.clock.nowMs());
    if (!posted)
        return fail(posted.error());
    if (!posted->replayed)
        if (auto logged = audit(context, caller, QStringLiteral("create"),
                                QStringLiteral("chat_message:") + posted->message.id, posted->item.patientId);
            !logged)
            return fail(logged.error());
    return WriteReply{201, posted->message.toJson()};
}

Result<WriteReply> startChat(WorkerContext &context, const auth::Caller &caller, const QJsonObject &body)
{
    auto patientId = json::requiredString(body, QStringLiteral("patientId"), 64);
    if (!patientId)
        return fail(patientId.error());
    auto title = json::requiredString(body, QStringLiteral("title"), Conversation::kMaxTitleLength);
    if (!title)
        return fail(title.error());
    auto text = json::requiredString(body, QStringLiteral("body"), ChatMessage::kMaxBodyLength);
    if (!text)
        return fail(text.error());
    auto posted = Conversation(context.db).startAsStaff(caller, *patientId, *title, *text, context.clock.nowMs());
    if (!posted)
        return fail(posted.error());
    if (auto logged = audit(context, caller, QStringLiteral("create"), QStringLiteral("inbox_item:") + posted->item.id,
                            posted->item.patientId);
        !logged)
        return fail(logged.error());
    return WriteReply{201,
                      QJsonObject{{QStringLiteral("item"), posted->item.toJson()},
                                  {QStringLiteral("message"), posted->message.toJson()}}};
}

} // namespace

void installChatRoutes(QHttpServer &server, WorkerContext &context)
{
    server.route(QStringLiteral("/api/v1/items/<arg>/messages"), Method::Get,
                 [&context](const QString &id, const QHttpServerRequest &request) {
                     return sync::runRead(context, request, sync::Who::Staff,
                                          [&](const auth::Caller &caller) { return thread(context, caller, id); });
                 });
    server.route(QStringLiteral("/api/v1/items/<arg>/messages"), Method::Post,
                 [&context](const QString &id, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff,
                                           [&](const auth::Caller &caller) -> Result<WriteReply> {
                                               auto body = json::parseObject(request.body());
                                               if (!body)
                                                   return fail(body.error());
                                               return reply(context, caller, id, *body);
                                           });
                 });
    server.route(QStringLiteral("/api/v1/chats"), Method::Post, [&context](const QHttpServerRequest &request) {
        return sync::runWrite(context, request, sync::Who::Staff,
                              [&](const auth::Caller &caller) -> Result<WriteReply> {
                                  auto body = json::parseObject(request.body());
                                  if (!body)
                                      return fail(body.error());
                                  return startChat(context, caller, *body);
                              });
    });
}

} // namespace nara::chat
