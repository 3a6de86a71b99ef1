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

Result<FormNotifier::Claim> FormNotifier::claim(const QString &requestId)
{
    const qint64 now = m_clock.nowMs();
    FormRepository forms(m_database);
    auto request = forms.requestById(requestId);
    if (!request)
        return fail(request.error());
    Claim claim;
    if (!request->has_value() || (*request)->state != FormRequest::State::Pending || (*request)->notifiedAt != 0
        || (*request)->availableAt > now)
        return claim;
    FormRequest next = **request;
    next.notifiedAt = now;
    auto updated = forms.update(next, now);
    if (!updated) {
        if (updated.error().code == ErrorCode::Conflict) // another process got there first
            return claim;
        return fail(updated.error());
    }
    auto patient = auth::AccountRepository(m_database).patientById(next.patientId);
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value() || (*patient)->phone.trimmed().isEmpty())
        return claim; // no way to reach them: the portal lists it
    if (!m_gateway) {
        claim.withheld = true;
        return claim;
    }
    if (next.dueAt + kLinkGraceMs <= now)
        return claim; // its link would have expired already (the job did not run in time)
    auto invitation = portal::Invitations(m_database, m_clock)
                          .createOnBehalfOf(next.sentBy, next.patientId, next.dueAt + kLinkGraceMs);
    if (!invitation)
        return fail(invitation.error());
    if (auto logged
        = auditAsSystem(m_database, now, next, QStringLiteral("create"), QStringLiteral("portal_invitation"));
        !logged)
        return fail(logged.error());
    auto sms = smsFor(next, (m_linkPrefix.isEmpty() ? next.linkPrefix : m_linkPrefix) + invitation->token);
    if (!sms)
        return fail(sms.error());
    claim.sms = *sms;
    return claim;
}

Result<FormNotifier::Claim> FormNotifier::claimAndCommit(const QString &requestId)
{
    auto transaction = storage::TransactionGuard::begin(m_database);
    if (!transaction)
        return fail(transaction.error());
    auto claimed = claim(requestId);
    if (!claimed)
        return fail(claimed.error());
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return claimed;
}

Result<int> FormNotifier::notifyAvailable()
{
    auto waiting = FormRepository(m_database).awaitingNotification(m_clock.nowMs(), kBatch);
    if (!waiting)
        return fail(waiting.error());
    int sent = 0;
    int withheld = 0;
    std::optional<Error> firstError;
    // One occasion that fails (it would come first again on every run) does not hold up the others:
    // its error is returned once all have been tried.
    for (const QString &id : std::as_const(*waiting)) {
        auto claimed = claimAndCommit(id);
        if (!claimed) {
            if (!firstError)
                firstError = claimed.error();
            continue;
        }
        withheld += claimed->withheld ? 1 : 0;
        if (claimed->sms && send(*claimed->sms))
            ++sent;
    }
    if (withheld > 0)
        qCWarning(lcForms, "%d form links not sent by SMS: form links go by SMS only with --public-url", withheld);
    if (firstError)
        return fail(*firstError);
    return sent;
}

} // namespace nara::forms
