#include "forms/server/portalformroutes.h"

#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "forms/core/formanswering.h"
#include "forms/core/formrepository.h"
#include "forms/core/questionnairecatalog.h"
#include "sync/server/writeendpoint.h"

#include <QHttpServer>
#include <QJsonArray>

namespace nara::forms {

namespace {

using Method = QHttpServerRequest::Method;
using sync::WriteReply;

Result<void> audit(WorkerContext &context, const auth::Caller &patient, const QString &action, const QString &object)
{
    return auth::AuditLog(context.db).append(patient, context.clock.nowMs(), action, object, patient.id);
}

Result<QJsonObject> list(WorkerContext &context, const auth::Caller &patient)
{
    auto requests = FormRepository(context.db).answerableFor(patient.id, context.clock.nowMs());
    if (!requests)
        return fail(requests.error());
    QJsonArray forms;
    for (const FormRequest &request : std::as_const(*requests)) {
        forms.append(request.portalJson());
        if (auto logged = audit(context, patient, QStringLiteral("read"), QStringLiteral("form_request:") + request.id);
            !logged)
            return fail(logged.error());
    }
    return QJsonObject{{QStringLiteral("forms"), forms}};
}

Result<QJsonObject> show(WorkerContext &context, const auth::Caller &patient, const QString &requestId)
{
    auto request = FormAnswering(context.db, context.clock).requestOf(patient.id, requestId);
    if (!request)
        return fail(request.error());
    if (request->availableAt > context.clock.nowMs())
        return fail(Error::conflict(QStringLiteral("This form cannot be answered yet."),
                                    QJsonObject{{QStringLiteral("availableAt"), request->availableAt}}));
    auto entry = catalogEntry(request->questionnaireId);
    if (!entry)
        return fail(entry.error());
    if (auto logged = audit(context, patient, QStringLiteral("read"), QStringLiteral("form_request:") + request->id);
        !logged)
        return fail(logged.error());
    return QJsonObject{{QStringLiteral("request"), request->portalJson()},
                       {QStringLiteral("questionnaire"), (*entry)->json}};
}

Result<WriteReply> respond(WorkerContext &context, const QHttpServerRequest &request, const auth::Caller &patient,
                           const QString &requestId)
{
    auto answered = FormAnswering(context.db, context.clock).answer(patient.id, requestId, request.body());
    if (!answered)
        return fail(answered.error());
    for (const QString &object : std::as_const(answered->created))
        if (auto logged = audit(context, patient, QStringLiteral("create"), object); !logged)
            return fail(logged.error());
    for (const QString &object : std::as_const(answered->updated))
        if (auto logged = audit(context, patient, QStringLiteral("update"), object); !logged)
            return fail(logged.error());

    auto unit = auth::AccountRepository(context.db).unitById(answered->request.unitId);
    if (!unit)
        return fail(unit.error());
    const QString unitName = unit->has_value() ? (*unit)->name : QStringLiteral("vårdcentralen");
    QJsonObject body{
        {QStringLiteral("responseId"), answered->response.id},
        {QStringLiteral("message"), QStringLiteral("Tack för dina svar! De har skickats till %1.").arg(unitName)},
    };
    if (answered->safetyConcern)
        body.insert(QStringLiteral("safetyMessage"),
                    QStringLiteral("Om du har tankar på att skada dig själv eller att det vore bättre om du vore "
                                   "död: ring 112 om du är i akut fara, annars 1177. %1 kommer att kontakta dig.")
                        .arg(unitName));
    return WriteReply{201, body};
}

} // namespace

void installPortalFormRoutes(QHttpServer &server, WorkerContext &context)
{
    server.route(QStringLiteral("/api/v1/portal/forms"), Method::Get, [&context](const QHttpServerRequest &request) {
        return sync::runRead(context, request, sync::Who::Patient,
                             [&](const auth::Caller &patient) { return list(context, patient); });
    });
    server.route(QStringLiteral("/api/v1/portal/forms/<arg>"), Method::Get,
                 [&context](const QString &requestId, const QHttpServerRequest &request) {
                     return sync::runRead(context, request, sync::Who::Patient, [&](const auth::Caller &patient) {
                         return show(context, patient, requestId);
                     });
                 });
    server.route(QStringLiteral("/api/v1/portal/forms/<arg>/response"), Method::Post,
                 [&context](const QString &requestId, const QHttpServerRequest &request) {
                     return sync::runWrite(context, request, sync::Who::Patient, [&](const auth::Caller &patient) {
                         return respond(context, request, patient, requestId);
                     });
                 });
}

} // namespace nara::forms
