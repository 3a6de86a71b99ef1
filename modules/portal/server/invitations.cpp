#include "portal/server/invitations.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "auth/core/sessionstore.h"
#include "auth/server/authenticator.h"

namespace nara::portal {

Result<Invitations::Created> Invitations::create(const auth::Caller &staff, const QString &patientId,
                                                 const QString &itemId, std::optional<qint64> expiresAt)
{
    auth::AccessPolicy policy(m_database);
    if (auto allowed = policy.requirePatient(staff, patientId); !allowed)
        return fail(allowed.error());
    if (!itemId.isEmpty()) {
        if (auto allowed = policy.requireItem(staff, itemId); !allowed)
            return fail(allowed.error());
        auto owner = m_database.scalar(QStringLiteral("SELECT patient_id FROM inbox_items WHERE id = ?"), {itemId});
        if (!owner)
            return fail(owner.error());
        if (owner->toString() != patientId)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The item is not about this patient."));
    }
    return insert(staff.id, patientId, itemId, expiresAt);
}

Result<Invitations::Created> Invitations::createOnBehalfOf(const QString &staffId, const QString &patientId,
                                                           qint64 expiresAt)
{
    return insert(staffId, patientId, QString(), expiresAt);
}

Result<Invitations::Created> Invitations::insert(const QString &staffId, const QString &patientId,
                                                 const QString &itemId, std::optional<qint64> expiresAt)
{
    const qint64 now = m_clock.nowMs();
    if (expiresAt && *expiresAt <= now)
        return fail(ErrorCode::InvalidInput, QStringLiteral("An invitation cannot expire in the past."));
    Created created{auth::SessionStore::randomToken(), expiresAt.value_or(now + kLifetimeMs)};
    if (created.token.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("No random source for invitation tokens."));
    auto stored = m_database.execute(
        QStringLiteral(
            "INSERT INTO portal_invitations (token_hash, patient_id, item_id, created_by, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"),
        {auth::SessionStore::hashToken(created.token.toLatin1()), patientId,
         itemId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(itemId), staffId, now,
         created.expiresAt});
    if (!stored)
        return fail(stored.error());
    return created;
}

Result<int> Invitations::revokeUnused(const QString &patientId, const QString &itemId)
{
    if (itemId.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Only invitations to an item are revoked."));
    auto revoked = m_database.execute(QStringLiteral("UPDATE portal_invitations SET used_at = ? "
                                                     "WHERE patient_id = ? AND item_id = ? AND used_at IS NULL"),
                                      {m_clock.nowMs(), patientId, itemId});
    if (!revoked)
        return fail(revoked.error());
    return int(*revoked);
}

Result<Invitations::Session> Invitations::exchange(const QString &token)
{
    const Error unknown = Error::notFound(QStringLiteral("This invitation is unknown, used or expired."));
    if (token.isEmpty() || token.size() > 128)
        return fail(unknown);
    const QString hash = auth::SessionStore::hashToken(token.toLatin1());
    const qint64 now = m_clock.nowMs();
    auto patientId = m_database.scalar(
        QStringLiteral(
            "SELECT patient_id FROM portal_invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?"),
        {hash, now});
    if (!patientId)
        return fail(patientId.error());
    if (patientId->isNull())
        return fail(unknown);
    auto patient = auth::AccountRepository(m_database).patientById(patientId->toString());
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value())
        return fail(unknown);
    auto session = auth::SessionStore(m_database, m_clock, auth::sessionSettings())
                       .create(QStringLiteral("patient"), (*patient)->id);
    if (!session)
        return fail(session.error());
    // Used once: the condition makes a concurrent second exchange change nothing.
    auto used = m_database.execute(
        QStringLiteral(
            "UPDATE portal_invitations SET used_at = ?, session_hash = ? WHERE token_hash = ? AND used_at IS NULL"),
        {now, session->tokenHash, hash});
    if (!used)
        return fail(used.error());
    if (*used != 1)
        return fail(unknown);
    return Session{session->token, session->expiresAt, (*patient)->id, (*patient)->name};
}

Result<std::optional<QString>> Invitations::invitedItem(const auth::Caller &patient)
{
    return invitedItemWhere(patient, false);
}

Result<std::optional<QString>> Invitations::invitedVisitItem(const auth::Caller &patient)
{
    return invitedItemWhere(patient, true);
}

Result<std::optional<QString>> Invitations::invitedItemWhere(const auth::Caller &patient, bool video)
{
    auto item = m_database.scalar(
        QStringLiteral("SELECT i.item_id FROM portal_invitations i JOIN inbox_items t ON t.id = i.item_id "
                       "WHERE i.session_hash = ? AND i.patient_id = ? AND t.patient_id = ? AND ")
            + (video ? QStringLiteral("t.kind = 'video'") : QStringLiteral("t.kind <> 'video'")),
        {patient.sessionHash, patient.id, patient.id});
    if (!item)
        return fail(item.error());
    if (item->isNull())
        return std::optional<QString>{};
    return std::optional<QString>(item->toString());
}

} // namespace nara::portal
