#include "video/server/videoroutes.h"

#include "auth/core/auditlog.h"
#include "chat/core/conversation.h"
#include "foundation/core/json.h"
#include "inbox/server/requestbody.h"
#include "portal/server/invitations.h"
#include "portal/server/portalroutes.h"
#include "sync/server/writeendpoint.h"
#include "video/core/visitrepository.h"
#include "video/core/visitworkflow.h"
#include "video/server/signallingrelay.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace nara::video {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

constexpr qint64 kLinkGraceMs = 24LL * 60 * 60 * 1000; // a visit's link: until its start + 24 h
constexpr qsizetype kMaxParticipantIds = 8;

Result<void> audit(WorkerContext &context, const auth::Caller &caller, const QString &action, const QString &object,
                   const QString &patientId)
{
    return auth::AuditLog(context.db).append(caller, context.clock.nowMs(), action, object, patientId);
}

// "<scheme>://<host>" for links: the configured public URL, else the request's Host (as the portal does).

struct Link
{
    QString url;
    QString token;
    qint64 expiresAt = 0;
    QJsonObject toJson() const
    {
        return {
            {QStringLiteral("url"), url}, {QStringLiteral("token"), token}, {QStringLiteral("expiresAt"), expiresAt}};
    }
};

Result<Link> inviteTo(WorkerContext &context, const VideoSettings &settings, const QHttpServerRequest &request,
                      const auth::Caller &caller, const Visit &visit)
{
    auto created = portal::Invitations(context.db, context.clock)
                       .create(caller, visit.patientId, visit.itemId, visit.startsAt + kLinkGraceMs);
    if (!created)
        return fail(created.error());
    if (auto logged
        = audit(context, caller, QStringLiteral("create"), QStringLiteral("portal_invitation"), visit.patientId);
        !logged)
        return fail(logged.error());
    return Link{portal::invitationUrl(settings.publicUrl, request, created->token), created->token, created->expiresAt};
}

// The link, as a staff message in the patient's open chat thread of the visit's unit, if there is one.
Result<void> postLink(WorkerContext &context, const auth::Caller &caller, const Visit &visit, const Link &link)
{
    chat::Conversation conversation(context.db);
    auto open = conversation.newestOpenThreadIn(visit.patientId, visit.unitId);
    if (!open)
        return fail(open.error());
    if (!open->has_value())
        return {}; // a thread of another unit is not the visit's to write in
    const QDateTime local
        = QDateTime::fromMSecsSinceEpoch(visit.startsAt, QTimeZone(QByteArrayLiteral("Europe/Stockholm")));
    const QString body = QStringLiteral("Du är bokad till videobesök %1 kl. %2 (%3). Anslut via länken: %4")
                             .arg(local.toString(QStringLiteral("yyyy-MM-dd")), local.toString(QStringLiteral("HH:mm")),
                                  visit.reason, link.url);
    auto posted = conversation.postAsStaff(caller, **open, {{}, body, false}, context.clock.nowMs());
    if (!posted) {
        // A thread a colleague holds is theirs to write in: the link is still in the answer.
        if (posted.error().code == ErrorCode::Conflict)
            return {};
        return fail(posted.error());
    }
    return audit(context, caller, QStringLiteral("create"), QStringLiteral("chat_message:") + posted->message.id,
                 visit.patientId);
}

Result<WriteReply> book(WorkerContext &context, const VideoSettings &settings, const QHttpServerRequest &request,
                        const auth::Caller &caller)
{
    auto body = json::parseObject(request.body());
    if (!body)
        return fail(body.error());
    auto patientId = json::optionalString(*body, QStringLiteral("patientId"), 64);
    if (!patientId)
        return fail(patientId.error());
    auto unitId = json::optionalString(*body, QStringLiteral("unitId"), 64);
    if (!unitId)
        return fail(unitId.error());
    auto startsAt = json::requiredInteger(*body, QStringLiteral("startsAt"), 1, 4'102'444'800'000); // before 2100
    if (!startsAt)
        return fail(startsAt.error());
    auto reason = json::requiredString(*body, QStringLiteral("reason"), Visit::kMaxReasonLength);
    if (!reason)
        return fail(reason.error());
    QStringList participantIds;
    if (body->contains(QStringLiteral("participantIds"))) {
        auto list = json::requiredArray(*body, QStringLiteral("participantIds"), kMaxParticipantIds);
        if (!list)
            return fail(list.error());
        for (const QJsonValue &value : *list) {
            if (!value.isString() || value.toString().isEmpty() || value.toString().size() > 64)
                return fail(ErrorCode::InvalidInput, QStringLiteral("'participantIds' holds staff ids (strings)."));
            participantIds.append(value.toString());
        }
    }
    auto booked
        = VisitWorkflow(context.db)
              .book(caller,
                    {patientId->value_or(QString()), participantIds, *startsAt, *reason, unitId->value_or(QString())},
                    context.clock.nowMs());
    if (!booked)
        return fail(booked.error());
    if (auto logged = audit(context, caller, QStringLiteral("create"), QStringLiteral("visit:") + booked->visit.id,
                            booked->visit.patientId);
        !logged)
        return fail(logged.error());
    QJsonValue invitation;
    if (!booked->visit.patientId.isEmpty()) {
        auto link = inviteTo(context, settings, request, caller, booked->visit);
        if (!link)
            return fail(link.error());
        if (auto posted = postLink(context, caller, booked->visit, *link); !posted)
            return fail(posted.error());
        invitation = link->toJson();
    }
    // An answer with an invitation token holds a secret: not kept for replays.
    return WriteReply{201,
                      QJsonObject{{QStringLiteral("visit"), booked->visit.toJson()},
                                  {QStringLiteral("item"), booked->item.toJson()},
                                  {QStringLiteral("invitation"), invitation}},
                      invitation.isNull()};
}

Result<QJsonObject> read(WorkerContext &context, const auth::Caller &caller, const QString &visitId)
{
    auto visit = VisitWorkflow(context.db).visit(caller, visitId);
    if (!visit)
        return fail(visit.error());
    if (auto logged
        = audit(context, caller, QStringLiteral("read"), QStringLiteral("visit:") + visitId, visit->patientId);
        !logged)
        return fail(logged.error());
    return visit->toJson();
}

Result<WriteReply> admit(WorkerContext &context, const auth::Caller &caller, const QString &visitId)
{
    auto visit = VisitWorkflow(context.db).admit(caller, visitId, context.clock.nowMs());
    if (!visit)
        return fail(visit.error());
    if (auto logged = audit(context, caller, QStringLiteral("update"), QStringLiteral("visit:") + visitId + u"/admit",
                            visit->patientId);
        !logged)
        return fail(logged.error());
    return WriteReply{200, visit->toJson()};
}

Result<WriteReply> end(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &caller,
                       const QString &visitId, QString *outcomeName)
{
    auto body = json::parseObject(request.body());
    if (!body)
        return fail(body.error());
    auto outcome = json::requiredEnum(*body, QStringLiteral("outcome"),
                                      {QStringLiteral("done"), QStringLiteral("follow_up"),
                                       QStringLiteral("physical_visit"), QStringLiteral("phone_instead")});
    if (!outcome)
        return fail(outcome.error());
    auto note = json::optionalString(*body, QStringLiteral("note"), Visit::kMaxNoteLength);
    if (!note)
        return fail(note.error());
    auto visit
        = VisitWorkflow(context.db)
              .end(caller, visitId, *outcomeFromString(*outcome), note->value_or(QString()), context.clock.nowMs());
    if (!visit)
        return fail(visit.error());
    if (auto logged = audit(context, caller, QStringLiteral("update"), QStringLiteral("visit:") + visitId + u"/end",
                            visit->patientId);
        !logged)
        return fail(logged.error());
    *outcomeName = *outcome;
    return WriteReply{200, visit->toJson()};
}

Result<WriteReply> newInvitation(WorkerContext &context, const VideoSettings &settings,
                                 const QHttpServerRequest &request, const auth::Caller &caller, const QString &visitId)
{
    auto visit = VisitWorkflow(context.db).visit(caller, visitId);
    if (!visit)
        return fail(visit.error());
    // Only staff of the visit's unit invite its patient; a participant of another unit may see the
    // visit but not this: NotFound, as for a stranger (runWrite logs the refusal as denied).
    if (!VisitWorkflow::worksInUnit(caller, *visit))
        return fail(Error::notFound(QStringLiteral("No such visit.")));
    if (visit->patientId.isEmpty())
        return fail(Error::conflict(QStringLiteral("This call has no patient to invite.")));
    if (visit->isEnded())
        return fail(Error::conflict(QStringLiteral("The visit has ended.")));
    if (visit->startsAt + kLinkGraceMs <= context.clock.nowMs())
        return fail(Error::conflict(QStringLiteral("The visit's time is more than a day past.")));
    // The new link replaces the earlier unused ones: a link that leaked stops working.
    if (auto revoked = portal::Invitations(context.db, context.clock).revokeUnused(visit->patientId, visit->itemId);
        !revoked)
        return fail(revoked.error());
    auto link = inviteTo(context, settings, request, caller, *visit);
    if (!link)
        return fail(link.error());
    return WriteReply{201, link->toJson(), false};
}

Result<QJsonObject> ice(WorkerContext &context, const SignallingRelay &relay, const auth::Caller &caller,
                        const QString &visitId)
{
    auto visit = VisitWorkflow(context.db).visit(caller, visitId);
    if (!visit)
        return fail(visit.error());
    // No (TURN) credentials for a call that can no longer take place.
    if (visit->isEnded())
        return fail(Error::conflict(QStringLiteral("The visit has ended.")));
    return QJsonObject{{QStringLiteral("iceServers"),
                        relay.ice().iceServers(QStringLiteral("staff:") + caller.id, context.clock.nowMs())}};
}

Result<QJsonObject> portalVisit(WorkerContext &context, const auth::Caller &patient)
{
    const Error none = Error::notFound(QStringLiteral("No visit for this invitation."));
    auto item = portal::Invitations(context.db, context.clock).invitedVisitItem(patient);
    if (!item)
        return fail(item.error());
    if (!item->has_value())
        return fail(none);
    auto visit = VisitRepository(context.db).byItemId(**item);
    if (!visit)
        return fail(visit.error());
    if (!visit->has_value() || (*visit)->patientId != patient.id)
        return fail(none);
    if (auto logged
        = audit(context, patient, QStringLiteral("read"), QStringLiteral("visit:") + (*visit)->id, patient.id);
        !logged)
        return fail(logged.error());
    QJsonArray staff;
    for (const VisitParticipant &p : std::as_const((*visit)->participants))
        if (p.kind == VisitParticipant::Kind::Staff)
            staff.append(p.name);
    return QJsonObject{{QStringLiteral("id"), (*visit)->id},
                       {QStringLiteral("startsAt"), (*visit)->startsAt},
                       {QStringLiteral("reason"), (*visit)->reason},
                       {QStringLiteral("staff"), staff},
                       {QStringLiteral("state"), (*visit)->state()}};
}

Result<QJsonObject> directory(WorkerContext &context)
{
    auto rows = context.db.query(
        QStringLiteral("SELECT s.id, s.display_name, s.role, u.id, u.name FROM staff s "
                       "JOIN staff_units su ON su.staff_id = s.id JOIN care_units u ON u.id = su.unit_id "
                       "WHERE s.active <> 0 ORDER BY s.display_name, s.id, u.name"));
    if (!rows)
        return fail(rows.error());
    QJsonArray staff;
    QJsonObject current;
    QJsonArray unitIds;
    QJsonArray units;
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        current.insert(QStringLiteral("unitIds"), unitIds);
        current.insert(QStringLiteral("units"), units);
        staff.append(current);
    };
    while (rows->next()) {
        const QString id = rows->value(0).toString();
        if (current.value(QStringLiteral("id")).toString() != id) {
            flush();
            current = {{QStringLiteral("id"), id},
                       {QStringLiteral("displayName"), rows->value(1).toString()},
                       {QStringLiteral("role"), rows->value(2).toString()}};
            unitIds = {};
            units = {};
        }
        unitIds.append(rows->value(3).toString());
        units.append(rows->value(4).toString());
    }
    flush();
    return QJsonObject{{QStringLiteral("staff"), staff}};
}

} // namespace

void installVideoRoutes(QHttpServer &server, WorkerContext &context, SignallingRelay &relay,
                        const VideoSettings &settings)
{
    server.route(
        QStringLiteral("/api/v1/visits"), Method::Post, [&context, settings](const QHttpServerRequest &request) {
            return sync::runWrite(context, request, sync::Who::Staff,
                                  [&](const auth::Caller &caller) { return book(context, settings, request, caller); });
        });
    server.route(QStringLiteral("/api/v1/visits/<arg>"), Method::Get,
                 [&context](const QString &id, const QHttpServerRequest &request) {
                     return sync::runRead(context, request, sync::Who::Staff,
                                          [&](const auth::Caller &caller) { return read(context, caller, id); });
                 });
    server.route(QStringLiteral("/api/v1/visits/<arg>/admit"), Method::Post,
                 [&context, &relay](const QString &id, const QHttpServerRequest &request) {
                     auto response
                         = sync::runWrite(context, request, sync::Who::Staff,
                                          [&](const auth::Caller &caller) { return admit(context, caller, id); });
                     if (response.statusCode() == QHttpServerResponder::StatusCode::Ok)
                         relay.visitAdmitted(id); // committed (or a replay: then nobody is waiting)
                     return response;
                 });
    server.route(QStringLiteral("/api/v1/visits/<arg>/end"), Method::Post,
                 [&context, &relay](const QString &id, const QHttpServerRequest &request) {
                     QString outcome;
                     auto response
                         = sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                               return end(context, request, caller, id, &outcome);
                           });
                     if (response.statusCode() == QHttpServerResponder::StatusCode::Ok && !outcome.isEmpty())
                         relay.visitEnded(id, outcome);
                     return response;
                 });
    server.route(QStringLiteral("/api/v1/visits/<arg>/invitation"), Method::Post,
                 [&context, settings](const QString &id, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return newInvitation(context, settings, request, caller, id);
                     });
                 });
    server.route(QStringLiteral("/api/v1/visits/<arg>/ice"), Method::Get,
                 [&context, &relay](const QString &id, const QHttpServerRequest &request) {
                     return sync::runRead(context, request, sync::Who::Staff,
                                          [&](const auth::Caller &caller) { return ice(context, relay, caller, id); });
                 });
    server.route(QStringLiteral("/api/v1/portal/visit"), Method::Get, [&context](const QHttpServerRequest &request) {
        return sync::runRead(context, request, sync::Who::Patient,
                             [&](const auth::Caller &patient) { return portalVisit(context, patient); });
    });
    server.route(QStringLiteral("/api/v1/staff/directory"), Method::Get, [&context](const QHttpServerRequest &request) {
        return sync::runRead(context, request, sync::Who::Staff,
                             [&](const auth::Caller &) { return directory(context); });
    });
}

} // namespace nara::video
