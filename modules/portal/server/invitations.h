#pragma once

#include "auth/core/caller.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QString>

#include <optional>

namespace nara::portal {

// One-time invitation links to the patient portal (the demo's stand-in for BankID). The token is
// 256 random bits given to the patient once; the database keeps only its SHA-256.
class Invitations
{
public:
    static constexpr qint64 kLifetimeMs = 72LL * 60 * 60 * 1000;

    struct Created
    {
        QString token;
        qint64 expiresAt = 0;
    };
    struct Session
    {
        QString token;
        qint64 expiresAt = 0;
        QString patientId;
        QString patientName;
    };

    Invitations(storage::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    {
    }

    // Staff invite a patient of their units, optionally to one of the patient's items. The link
    // is valid for kLifetimeMs, or until `expiresAt` when given (a video visit's link: until the
    // visit's start + 24 h); an `expiresAt` that has passed is InvalidInput.
    Result<Created> create(const auth::Caller &staff, const QString &patientId, const QString &itemId,
                           std::optional<qint64> expiresAt = std::nullopt);
    // For a job without a session (the link of a form series' later occasion): a link for the
    // patient, bound to no item, recorded as created by `staffId` (who sent the series; access was
    // checked then), valid until `expiresAt` (which must lie ahead).
    Result<Created> createOnBehalfOf(const QString &staffId, const QString &patientId, qint64 expiresAt);
    // Makes the patient's unused invitations to `itemId` unusable (marked used, without a session),
    // so that a new link replaces them: an old link that leaked stops working. Returns how many.
    // The caller checks access (it is about to create the new link).
    Result<int> revokeUnused(const QString &patientId, const QString &itemId);
    // Uses the invitation up and opens a patient session. NotFound for an unknown, used or
    // expired invitation (one answer for all three).
    Result<Session> exchange(const QString &token);
    // The item the patient's session was invited to, if any and if it is still the patient's: the
    // thread the portal shows. A video visit's item is not a thread (see invitedVisitItem()).
    Result<std::optional<QString>> invitedItem(const auth::Caller &patient);
    // The video visit's item the patient's session was invited to, if any (the visit it may join).
    Result<std::optional<QString>> invitedVisitItem(const auth::Caller &patient);

private:
    Result<Created> insert(const QString &staffId, const QString &patientId, const QString &itemId,
                           std::optional<qint64> expiresAt);
    Result<std::optional<QString>> invitedItemWhere(const auth::Caller &patient, bool video);

    storage::Database &m_database;
    const Clock &m_clock;
};

} // namespace nara::portal
