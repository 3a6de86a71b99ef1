#include "inbox/server/inboxroutes.h"

#include "auth/core/auditlog.h"
#include "chat/core/conversation.h"
#include "foundation/core/json.h"
#include "inbox/core/itemworkflow.h"
#include "inbox/server/requestbody.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>

namespace nara::inbox {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

constexpr qsizetype kMaxEscalationNoteLength = 4000;

Result<void> audit(WorkerContext &context, const auth::Caller &caller, const QString &action, const InboxItem &item)
{
    return auth::AuditLog(context.db)
        .append(caller, context.clock.nowMs(), action, QStringLiteral("inbox_item:") + item.id, item.patientId);
}

// The item after a change: audited as an update and answered as JSON.
Result<WriteReply> answer(WorkerContext &context, const auth::Caller &caller, const Result<InboxItem> &item)
{
    if (!item)
        return fail(item.error());
    if (auto logged = audit(context, caller, QStringLiteral("update"), *item); !logged)
        return fail(logged.error());
    return WriteReply{200, item->toJson()};
}

// Leaves `text` as a staff-only note on the item's thread ("Stängd: …", "Återöppnad: …").
Result<InboxItem> withNote(WorkerContext &context, const auth::Caller &caller, const InboxItem &item,
                           const QString &text)
{
    auto posted = chat::Conversation(context.db).postAsStaff(caller, item.id, {{}, text, true}, context.clock.nowMs());
    if (!posted)
        return fail(posted.error());
    return posted->item;
}

// Installs POST /api/v1/items/<id>/<action> running `act` in a write.
template<typename Act> void installAction(QHttpServer &server, WorkerContext &context, const char *action, Act act)
{
    server.route(QStringLiteral("/api/v1/items/<arg>/") + QLatin1StringView(action), Method::Post,
                 [&context, act](const QString &id, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff,
                                           [&](const auth::Caller &caller) -> Result<WriteReply> {
                                               auto body = http::objectBody(request);
                                               if (!body)
                                                   return fail(body.error());
                                               return act(caller, id, *body);
                                           });
                 });
}

} // namespace

void installInboxRoutes(QHttpServer &server, WorkerContext &context)
{
    server.route(QStringLiteral("/api/v1/items/<arg>"), Method::Get,
                 [&context](const QString &id, const QHttpServerRequest &request) {
                     return sync::runRead(
                         context, request, sync::Who::Staff, [&](const auth::Caller &caller) -> Result<QJsonObject> {
                             auto item = ItemWorkflow(context.db).item(caller, id);
                             if (!item)
                                 return fail(item.error());
                             if (auto logged = audit(context, caller, QStringLiteral("read"), *item); !logged)
                                 return fail(logged.error());
                             return item->toJson();
                         });
                 });

    installAction(server, context, "claim",
                  [&context](const auth::Caller &caller, const QString &id, const QJsonObject &) {
                      return answer(context, caller, ItemWorkflow(context.db).claim(caller, id, context.clock.nowMs()));
                  });
    installAction(
        server, context, "release", [&context](const auth::Caller &caller, const QString &id, const QJsonObject &) {
            return answer(context, caller, ItemWorkflow(context.db).release(caller, id, context.clock.nowMs()));
        });
    installAction(
        server, context, "assign",
        [&context](const auth::Caller &caller, const QString &id, const QJsonObject &body) -> Result<WriteReply> {
            auto staffId = json::requiredString(body, QStringLiteral("staffId"), 64);
            if (!staffId)
                return fail(staffId.error());
            return answer(context, caller,
                          ItemWorkflow(context.db).assign(caller, id, *staffId, context.clock.nowMs()));
        });
    installAction(
        server, context, "close",
        [&context](const auth::Caller &caller, const QString &id, const QJsonObject &body) -> Result<WriteReply> {
            auto note = json::optionalString(body, QStringLiteral("note"), chat::ChatMessage::kMaxBodyLength);
            if (!note)
                return fail(note.error());
            auto closed = ItemWorkflow(context.db).close(caller, id, context.clock.nowMs());
            if (closed && note->has_value() && !(*note)->trimmed().isEmpty())
                closed = withNote(context, caller, *closed, **note);
            return answer(context, caller, closed);
        });
    installAction(
        server, context, "reopen",
        [&context](const auth::Caller &caller, const QString &id, const QJsonObject &body) -> Result<WriteReply> {
            auto reason = json::requiredString(body, QStringLiteral("reason"), ItemWorkflow::kMaxReasonLength);
            if (!reason)
                return fail(reason.error());
            auto reopened = ItemWorkflow(context.db).reopen(caller, id, *reason, context.clock.nowMs());
            if (reopened)
                reopened = withNote(context, caller, *reopened, QStringLiteral("Återöppnad: ") + *reason);
            return answer(context, caller, reopened);
        });
    installAction(
        server, context, "escalate",
        [&context](const auth::Caller &caller, const QString &id, const QJsonObject &body) -> Result<WriteReply> {
            auto staffId = json::requiredString(body, QStringLiteral("staffId"), 64);
            if (!staffId)
                return fail(staffId.error());
            auto note = json::optionalString(body, QStringLiteral("note"), kMaxEscalationNoteLength);
            if (!note)
                return fail(note.error());
            auto escalated = ItemWorkflow(context.db).escalate(caller, id, *staffId, context.clock.nowMs());
            if (!escalated)
                return fail(escalated.error());
            // The thread keeps who it went to, with the note if there is one (staff only).
            const QString text = note->value_or(QString()).trimmed();
            QString trace = QStringLiteral("Eskalerad till ") + escalated->gpName;
            if (!text.isEmpty())
                trace += QStringLiteral(": ") + text;
            return answer(context, caller, withNote(context, caller, escalated->item, trace));
        });
    installAction(server, context, "read",
                  [&context](const auth::Caller &caller, const QString &id, const QJsonObject &) -> Result<WriteReply> {
                      ItemWorkflow workflow(context.db);
                      auto item = workflow.item(caller, id);
                      if (!item)
                          return fail(item.error());
                      auto read = workflow.markRead(caller, id, context.clock.nowMs());
                      if (!read)
                          return fail(read.error());
                      if (auto logged = audit(context, caller, QStringLiteral("read"), *item); !logged)
                          return fail(logged.error());
                      return WriteReply{200, read->toJson()};
                  });
}

} // namespace nara::inbox
