#include "forms/core/formseries.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "auth/core/auditlog.h"
#include "forms/core/bundledquestionnaires.h"
#include "forms/core/formrepository.h"
#include "forms/core/questionnairecatalog.h"
#include "foundation/core/ids.h"

namespace nara::forms {

Result<QString> FormSeries::unitFor(const auth::Caller &staff, const QString &patientId, const QString &unitId)
{
    if (!unitId.isEmpty() && !staff.unitIds.contains(unitId))
        return fail(Error::notFound(QStringLiteral("No such care unit.")));
    auto units = auth::AccountRepository(m_database).patientUnits(patientId);
    if (!units)
        return fail(units.error());
    if (!unitId.isEmpty()) {
        if (!units->contains(unitId))
            return fail(Error::notFound(QStringLiteral("No such patient.")));
        return unitId;
    }
    for (const QString &unit : std::as_const(*units)) // care centres first
        if (staff.unitIds.contains(unit))
            return unit;
    return fail(Error::notFound(QStringLiteral("No such patient.")));
}

Result<QList<FormRequest>> FormSeries::send(const auth::Caller &staff, const Sending &sending)
{
    if (!staff.isStaff())
        return fail(ErrorCode::Forbidden, QStringLiteral("Only staff send forms."));
    const qint64 now = m_clock.nowMs();
    auto entry = catalogEntry(sending.questionnaireId);
    if (!entry) {
        if (entry.error().code != ErrorCode::NotFound)
            return fail(entry.error());
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("questionnaireId: no questionnaire '%1' (one of %2).")
                        .arg(sending.questionnaireId, bundledQuestionnaireNames().join(QStringLiteral(", "))),
                    QJsonObject{{QStringLiteral("field"), QStringLiteral("questionnaireId")}});
    }
    auto occasions = formOccasions({now, sending.dueInDays, sending.everyDays, sending.untilAt});
    if (!occasions)
        return fail(occasions.error());
    if (auto allowed = auth::AccessPolicy(m_database).requirePatient(staff, sending.patientId); !allowed)
        return fail(allowed.error());
    auto unit = unitFor(staff, sending.patientId, sending.unitId);
    if (!unit)
        return fail(unit.error());

    FormRepository forms(m_database);
    auth::AuditLog audit(m_database);
    const QString seriesId = newId();
    QList<FormRequest> requests;
    for (const FormOccasion &occasion : std::as_const(*occasions)) {
        FormRequest request;
        request.id = newId();
        request.seriesId = seriesId;
        request.occasion = occasion.number;
        request.occasions = int(occasions->size());
        request.patientId = sending.patientId;
        request.unitId = *unit;
        request.questionnaireId = (*entry)->id;
        request.title = (*entry)->questionnaire.title().sv;
        request.availableAt = occasion.availableAt;
        request.dueAt = occasion.dueAt;
        request.sentBy = staff.id;
        request.sentAt = now;
        request.notifiedAt = occasion.number == 1 ? now : 0;
        request.linkPrefix = sending.linkPrefix;
        if (auto stored = forms.insertRequest(request, now); !stored)
            return fail(stored.error());
        if (auto logged = audit.append(staff, now, QStringLiteral("create"),
                                       QStringLiteral("form_request:") + request.id, request.patientId);
            !logged)
            return fail(logged.error());
        requests.append(request);
    }
    return requests;
}

Result<QList<FormRequest>> FormSeries::cancel(const auth::Caller &staff, const QString &seriesId)
{
    const Error unknown = Error::notFound(QStringLiteral("No such form series."));
    if (!staff.isStaff() || seriesId.isEmpty() || seriesId.size() > 64)
        return fail(unknown);
    FormRepository forms(m_database);
    auto requests = forms.series(seriesId);
    if (!requests)
        return fail(requests.error());
    if (requests->isEmpty() || !staff.unitIds.contains(requests->constFirst().unitId))
        return fail(unknown);
    const qint64 now = m_clock.nowMs();
    auth::AuditLog audit(m_database);
    for (FormRequest &request : *requests) {
        const bool pending = request.state == FormRequest::State::Pending;
        if (pending) {
            FormRequest next = request;
            next.state = FormRequest::State::Cancelled;
            auto updated = forms.update(next, now);
            if (!updated)
                return fail(updated.error());
            request = *updated;
        }
        if (auto logged = audit.append(staff, now, pending ? QStringLiteral("update") : QStringLiteral("read"),
                                       QStringLiteral("form_request:") + request.id, request.patientId);
            !logged)
            return fail(logged.error());
    }
    return *requests;
}

} // namespace nara::forms
