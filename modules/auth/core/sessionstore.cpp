#include "auth/core/sessionstore.h"

#include "auth/core/passwordhasher.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <sodium.h>

namespace nara::auth {

namespace {

Error unauthenticated()
{
    return Error{ErrorCode::Unauthenticated, QStringLiteral("Not signed in, or the session has ended."), {}};
}

constexpr qsizetype kMaxTokenLength = 128;

} // namespace

QString SessionStore::hashToken(QByteArrayView token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

QString SessionStore::randomToken()
{
    PasswordHasher::ensureSodium();
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    const QString token
        = QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    return token;
}

Result<NewSession> SessionStore::create(const QString &subjectKind, const QString &subjectId)
{
    const bool staff = subjectKind == u"staff";
    if (!staff && subjectKind != u"patient")
        return fail(ErrorCode::Internal, QStringLiteral("Unknown session subject kind."));
    if (subjectId.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("A session needs a subject."));
    const qint64 now = m_clock.nowMs();
    NewSession session;
    session.token = randomToken();
    session.tokenHash = hashToken(session.token.toLatin1());
    session.expiresAt = now + (staff ? m_settings.staffAbsoluteMs : m_settings.patientAbsoluteMs);
    auto done = m_database.execute(
        QStringLiteral("INSERT INTO sessions (token_hash, subject_kind, subject_id, created_at, last_seen_at, "
                       "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)"),
        {session.tokenHash, subjectKind, subjectId, now, now, session.expiresAt});
    if (!done)
        return fail(done.error());
    return session;
}

Result<SessionRecord> SessionStore::validate(QByteArrayView token)
{
    if (token.isEmpty() || token.size() > kMaxTokenLength)
        return fail(unauthenticated());
    const QString tokenHash = hashToken(token);
    // Every authenticated request runs this: a statement prepared once per connection.
    auto row = m_database.lookupRow(QStringLiteral("SELECT subject_kind, subject_id, created_at, last_seen_at, "
                                                   "expires_at, revoked_at FROM sessions WHERE token_hash = ?"),
                                    {tokenHash});
    if (!row)
        return fail(row.error());
    if (!row->has_value())
        return fail(unauthenticated());
    const QVariantList &values = **row;
    SessionRecord record;
    record.tokenHash = tokenHash;
    record.subjectKind = values.at(0).toString();
    record.subjectId = values.at(1).toString();
    record.createdAt = values.at(2).toLongLong();
    record.lastSeenAt = values.at(3).toLongLong();
    record.expiresAt = values.at(4).toLongLong();
    const bool revoked = !values.at(5).isNull();

    const qint64 now = m_clock.nowMs();
    const qint64 idle = record.isStaff() ? m_settings.staffIdleMs : m_settings.patientIdleMs;
    if (revoked || now >= record.expiresAt || now - record.lastSeenAt > idle)
        return fail(unauthenticated());

    if (now - record.lastSeenAt >= m_settings.touchIntervalMs) {
        auto touched = m_database.execute(
            QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?"),
            {now, tokenHash, now});
        if (!touched)
            return fail(touched.error());
        record.lastSeenAt = now;
    }
    return record;
}

Result<void> SessionStore::revoke(const QString &tokenHash)
{
    auto done = m_database.execute(
        QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"),
        {m_clock.nowMs(), tokenHash});
    if (!done)
        return fail(done.error());
    return {};
}

Result<int> SessionStore::revokeAll(const QString &subjectKind, const QString &subjectId)
{
    return m_database.execute(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE subject_kind = ? AND "
                                             "subject_id = ? AND revoked_at IS NULL"),
                              {m_clock.nowMs(), subjectKind, subjectId});
}

} // namespace nara::auth
