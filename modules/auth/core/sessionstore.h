#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QByteArrayView>
#include <QString>

namespace nara::auth {

// A session as stored: the token itself is never stored, only its SHA-256.
struct SessionRecord
{
    QString tokenHash;
    QString subjectKind; // staff | patient
    QString subjectId;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 expiresAt = 0; // absolute expiry

    bool isStaff() const { return subjectKind == u"staff"; }
};

struct NewSession
{
    QString token; // 256 random bits, base64url without padding: given to the client once
    QString tokenHash; // what the database keeps
    qint64 expiresAt = 0;
};

struct SessionSettings
{
    // OWASP ASVS 4.0 L3 (3.3.2): staff re-authenticate after 15 idle minutes and at least
    // every 12 hours. Patients in the portal: 30 idle minutes, 2 hours in all.
    qint64 staffIdleMs = 15 * 60 * 1000;
    qint64 staffAbsoluteMs = 12 * 60 * 60 * 1000;
    qint64 patientIdleMs = 30 * 60 * 1000;
    qint64 patientAbsoluteMs = 2 * 60 * 60 * 1000;
    // last_seen_at is written at most this often, so busy clients do not turn every read into
    // a write. An idle session may therefore end up to this interval early.
    qint64 touchIntervalMs = 60 * 1000;
};

// Bearer sessions (DESIGN.md §4) with idle and absolute expiry and revocation.
class SessionStore
{
public:
    using Settings = SessionSettings;

    SessionStore(storage::Database &database, const Clock &clock, Settings settings = {})
        : m_database(database)
        , m_clock(clock)
        , m_settings(settings)
    {
    }

    // `subjectKind` is "staff" or "patient".
    Result<NewSession> create(const QString &subjectKind, const QString &subjectId);
    // Unauthenticated (one message for every reason) when the token is unknown, revoked, idle too
    // long or past its absolute expiry; otherwise touches last_seen_at (at most once a minute).
    Result<SessionRecord> validate(QByteArrayView token);
    Result<void> revoke(const QString &tokenHash);
    // Ends every session of a subject (password change, deactivated account). Returns how many.
    Result<int> revokeAll(const QString &subjectKind, const QString &subjectId);

    const Settings &settings() const { return m_settings; }

    // SHA-256 of the token's bytes, lower-case hex: the sessions (and invitations) key.
    static QString hashToken(QByteArrayView token);
    // 32 bytes from libsodium's CSPRNG, base64url without padding (43 characters).
    static QString randomToken();

private:
    storage::Database &m_database;
    const Clock &m_clock;
    Settings m_settings;
};

} // namespace nara::auth
