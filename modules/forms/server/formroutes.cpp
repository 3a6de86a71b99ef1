#include "forms/server/formroutes.h"

#include "auth/core/auditlog.h"
#include "auth/server/authenticator.h"
#include "forms/core/formseries.h"
#include "forms/core/questionnairecatalog.h"
#include "forms/server/formnotifier.h"
#include "foundation/core/json.h"
#include "foundation/server/problem.h"
#include "inbox/server/requestbody.h"
#include "portal/server/invitations.h"
#include "portal/server/portalroutes.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>
#include <QJsonArray>

namespace nara::forms {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

constexpr qint64 kLatestTime = 4'102'444'800'000; // 2100-01-01: beyond any schedule

Result<void> onlyKnownFields(const QJsonObject &body, const QStringList &known)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it)
        if (!known.contains(it.key()))
            return fail(ErrorCode::InvalidInput, it.key() + QStringLiteral(": unknown field."),
                        QJsonObject{{QStringLiteral("field"), it.key()}});
    return {};
}

Result<FormSeries::Sending> parseSending(const QHttpServerRequest &request)
{
    auto body = json::parseObject(request.body());
    if (!body)
        return fail(body.error());
    if (auto known
        = onlyKnownFields(*body,
                          {QStringLiteral("patientId"), QStringLiteral("questionnaireId"), QStringLiteral("dueInDays"),
                           QStringLiteral("everyDays"), QStringLiteral("untilAt"), QStringLiteral("unitId")});
        !known)
        return fail(known.error());
    FormSeries::Sending sending;
    auto patientId = json::requiredString(*body, QStringLiteral("patientId"), 64);
    if (!patientId)
        return fail(patientId.error());
    auto questionnaireId = json::requiredString(*body, QStringLiteral("questionnaireId"), 64);
    if (!questionnaireId)
        return fail(questionnaireId.error());
    auto dueInDays = json::optionalInteger(*body, QStringLiteral("dueInDays"), 1, FormSchedule::kMaxDueInDays);
    if (!dueInDays)
        return fail(dueInDays.error());
    auto everyDays = json::optionalInteger(*body, QStringLiteral("everyDays"), 1, FormSchedule::kMaxEveryDays);
    if (!everyDays)
        return fail(everyDays.error());
    auto untilAt = json::optionalInteger(*body, QStringLiteral("untilAt"), 0, kLatestTime);
    if (!untilAt)
        return fail(untilAt.error());
    auto unitId = json::optionalString(*body, QStringLiteral("unitId"), 64);
    if (!unitId)
        return fail(unitId.error());
    sending.patientId = *patientId;
    sending.questionnaireId = *questionnaireId;
    sending.dueInDays = int(dueInDays->value_or(FormSchedule::kDefaultDueInDays));
    if (*everyDays)
        sending.everyDays = int(**everyDays);
    sending.untilAt = *untilAt;
    sending.unitId = unitId->value_or(QString());
    return sending;
}

QJsonArray requestsJson(const QList<FormRequest> &requests)
{
    QJsonArray list;
    for (const FormRequest &request : requests)
        list.append(request.toJson());
    return list;
}

// A send's answer and the SMS with the link, which goes out only once the send is committed.
struct SentForm
{
    QJsonObject body;
    std::optional<monitoring::OutgoingSms> sms;
};

Result<SentForm> send(WorkerContext &context, const FormSettings &settings, const QHttpServerRequest &request,
                      const auth::Caller &caller)
{
    auto sending = parseSending(request);
    if (!sending)
        return fail(sending.error());
    sending->linkPrefix = portal::invitationUrl(settings.publicUrl, request, QString());
    auto requests = FormSeries(context.db, context.clock).send(caller, *sending);
    if (!requests)
        return fail(requests.error());
    const FormRequest &first = requests->constFirst();

    auto invitation = portal::Invitations(context.db, context.clock)
                          .create(caller, first.patientId, QString(), first.dueAt + FormNotifier::kLinkGraceMs);
    if (!invitation)
        return fail(invitation.error());
    if (auto logged = auth::AuditLog(context.db)
                          .append(caller, context.clock.nowMs(), QStringLiteral("create"),
                                  QStringLiteral("portal_invitation"), first.patientId);
        !logged)
        return fail(logged.error());
    const QString url = sending->linkPrefix + invitation->token;

    SentForm sent;
    sent.body = {{QStringLiteral("requests"), requestsJson(*requests)},
                 {QStringLiteral("invitation"),
                  QJsonObject{{QStringLiteral("url"), url},
                              {QStringLiteral("token"), invitation->token},
                              {QStringLiteral("expiresAt"), invitation->expiresAt}}},
                 {QStringLiteral("smsSent"), false}};
    // Without --public-url the link's address came from the request's Host header: staff hand it
    // over themselves, the server texts no patient a link it cannot vouch for.
    if (settings.publicUrl.isEmpty() || !settings.gateway)
        return sent;
    auto sms = FormNotifier(context.db, context.clock, settings.gateway).smsFor(first, url);
    if (!sms)
        return fail(sms.error());
    sent.sms = *sms;
    return sent;
}

// The send runs as every write does; the SMS goes out after the commit (a send rolled back texts
// no dead link), and `smsSent` then says whether the gateway took it. The answer holds the link,
// a secret: it is not kept for retries (a retry with the same key gets 409 and sends nothing).
QHttpServerResponse sendRoute(WorkerContext &context, const FormSettings &settings, const QHttpServerRequest &request)
{
    std::optional<SentForm> sent;
    QHttpServerResponse response
        = sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) -> Result<WriteReply> {
              auto done = send(context, settings, request, caller);
              if (!done)
                  return fail(done.error());
              sent = *done;
              return WriteReply{201, done->body, false};
          });
    if (!sent || response.statusCode() != QHttpServerResponder::StatusCode::Created)
        return response; // refused, or not committed
    if (sent->sms)
        sent->body.insert(QStringLiteral("smsSent"),
                          FormNotifier(context.db, context.clock, settings.gateway).send(*sent->sms));
    return http::json(sent->body, QHttpServerResponder::StatusCode::Created);
}

Result<WriteReply> cancel(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &caller,
                          const QString &seriesId)
{
    auto body = http::objectBody(request);
    if (!body)
        return fail(body.error());
    if (auto known = onlyKnownFields(*body, {}); !known)
        return fail(known.error());
    auto requests = FormSeries(context.db, context.clock).cancel(caller, seriesId);
    if (!requests)
        return fail(requests.error());
    return WriteReply{200, QJsonObject{{QStringLiteral("requests"), requestsJson(*requests)}}};
}

QHttpServerResponse questionnaires(WorkerContext &context, const QHttpServerRequest &request)
{
    if (auto caller = auth::authenticateStaff(context, request); !caller)
        return http::problem(caller.error());
    auto entries = catalogEntries();
    if (!entries)
        return http::problem(entries.error());
    QJsonArray list;
    for (const CatalogEntry *entry : std::as_const(*entries))
        list.append(QJsonObject{{QStringLiteral("id"), entry->id},
                                {QStringLiteral("title"), entry->questionnaire.title().sv},
                                {QStringLiteral("titleEn"), entry->questionnaire.title().en},
                                {QStringLiteral("scored"), entry->scored}});
    return http::json(QJsonObject{{QStringLiteral("questionnaires"), list}});
}

QHttpServerResponse questionnaire(WorkerContext &context, const QHttpServerRequest &request, const QString &id)
{
    if (auto caller = auth::authenticateStaff(context, request); !caller)
        return http::problem(caller.error());
    auto entry = catalogEntry(id);
    if (!entry)
        return http::problem(entry.error());
    return http::json((*entry)->json);
}

} // namespace

void installFormRoutes(QHttpServer &server, WorkerContext &context, const FormSettings &settings)
{
    server.route(QStringLiteral("/api/v1/questionnaires"), Method::Get,
                 [&context](const QHttpServerRequest &request) { return questionnaires(context, request); });
    server.route(QStringLiteral("/api/v1/questionnaires/<arg>"), Method::Get,
                 [&context](const QString &id, const QHttpServerRequest &request) {
                     return questionnaire(context, request, id);
                 });
    server.route(
        QStringLiteral("/api/v1/forms/requests"), Method::Post,
        [&context, settings](const QHttpServerRequest &request) { return sendRoute(context, settings, request); });
    server.route(QStringLiteral("/api/v1/forms/series/<arg>/cancel"), Method::Post,
                 [&context](const QString &seriesId, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Staff, [&](const auth::Caller &caller) {
                         return cancel(context, request, caller, seriesId);
                     });
                 });
}

} // namespace nara::forms
