#include "forms/server/formnotifier.h"

#include "auth/core/accountrepository.h"
#include "forms/core/formrepository.h"
#include "forms/core/formsweep.h"
#include "portal/server/invitations.h"
#include "storage/core/transactionguard.h"

#include <QLoggingCategory>

namespace nara::forms {

namespace {

Q_LOGGING_CATEGORY(lcForms, "nara.forms")

} // namespace

QString FormNotifier::smsText(const QString &unitName, const QString &title, const QString &url)
{
    return QStringLiteral("Hej! %1 ber dig fylla i formuläret %2. Öppna länken: %3").arg(unitName, title, url);
}

Result<std::optional<monitoring::OutgoingSms>> FormNotifier::smsFor(const FormRequest &request, const QString &url)
{
    auth::AccountRepository accounts(m_database);
    auto patient = accounts.patientById(request.patientId);
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value() || (*patient)->phone.trimmed().isEmpty())
        return std::optional<monitoring::OutgoingSms>{};
    auto unit = accounts.unitById(request.unitId);
    if (!unit)
        return fail(unit.error());
    const QString unitName = unit->has_value() ? (*unit)->name : QStringLiteral("Vårdcentralen");
    return std::optional<monitoring::OutgoingSms>(monitoring::OutgoingSms{
        (*patient)->phone, QString(), smsText(unitName, request.title, url), request.patientId, m_clock.nowMs()});
}

bool FormNotifier::send(const monitoring::OutgoingSms &sms)
{
    if (!m_gateway)
        return false;
    if (auto sent = m_gateway->send(sms); !sent) {
        qCWarning(lcForms, "could not send a form link by SMS: %s", qPrintable(sent.error().message));
        return false;
    }
    return true;
}

Result<std::optional<monitoring::OutgoingSms>> FormNotifier::claim(const QString &requestId)
{
    const qint64 now = m_clock.nowMs();
    FormRepository forms(m_database);
    auto request = forms.requestById(requestId);
    if (!request)
        return fail(request.error());
    if (!request->has_value() || (*request)->state != FormRequest::State::Pending || (*request)->notifiedAt != 0
        || (*request)->availableAt > now)
        return std::optional<monitoring::OutgoingSms>{};
    FormRequest next = **request;
    next.notifiedAt = now;
    auto updated = forms.update(next, now);
    if (!updated) {
        if (updated.error().code == ErrorCode::Conflict) // another process got there first
            return std::optional<monitoring::OutgoingSms>{};
        return fail(updated.error());
    }
    auto patient = auth::AccountRepository(m_database).patientById(next.patientId);
    if (!patient)
        return fail(patient.error());
    if (!m_gateway || !patient->has_value() || (*patient)->phone.trimmed().isEmpty())
        return std::optional<monitoring::OutgoingSms>{}; // no way to reach them: the portal lists it
    auto invitation = portal::Invitations(m_database, m_clock)
                          .createOnBehalfOf(next.sentBy, next.patientId, next.dueAt + kLinkGraceMs);
    if (!invitation)
        return fail(invitation.error());
    if (auto logged
        = auditAsSystem(m_database, now, next, QStringLiteral("create"), QStringLiteral("portal_invitation"));
        !logged)
        return fail(logged.error());
    return smsFor(next, next.linkPrefix + invitation->token);
}

Result<int> FormNotifier::notifyAvailable()
{
    auto waiting = FormRepository(m_database).awaitingNotification(m_clock.nowMs(), kBatch);
    if (!waiting)
        return fail(waiting.error());
    int sent = 0;
    for (const QString &id : std::as_const(*waiting)) {
        auto transaction = storage::TransactionGuard::begin(m_database);
        if (!transaction)
            return fail(transaction.error());
        auto sms = claim(id);
        if (!sms)
            return fail(sms.error());
        if (auto committed = transaction->commit(); !committed)
            return fail(committed.error());
        if (sms->has_value() && send(**sms))
            ++sent;
    }
    return sent;
}

} // namespace nara::forms
