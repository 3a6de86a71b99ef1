#pragma once

#include "foundation/core/clock.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace nara::auth {

struct LoginLimits
{
    int maxPerUsername = 5;
    int maxPerAddress = 20;
    qint64 windowMs = 15 * 60 * 1000;
};

// Slows down password guessing (OWASP ASVS 2.2.1): failed logins are counted per user name and
// per client address in a sliding window. Shared by every HTTP worker, so thread-safe.
// In memory only: a restart forgets the counts, which is acceptable for a throttle.
class LoginRateLimiter final
{
    Q_DISABLE_COPY_MOVE(LoginRateLimiter)
public:
    using Limits = LoginLimits;

    explicit LoginRateLimiter(const Clock &clock, Limits limits = {}) : m_clock(clock), m_limits(limits) {}

    // False when either the user name or the address has used up its failures in the window.
    bool allowed(const QString &username, const QString &address) const;
    void recordFailure(const QString &username, const QString &address);
    // A successful login clears the user name's failures (not the address's).
    void recordSuccess(const QString &username);
    // Seconds until allowed() turns true again (0 when it already is), for Retry-After.
    qint64 retryAfterSeconds(const QString &username, const QString &address) const;

private:
    using Failures = QHash<QString, QList<qint64>>; // key → failure times, oldest first

    static QString userKey(const QString &username) { return username.trimmed().toCaseFolded(); }
    // Milliseconds until `times` holds fewer than `max` failures inside the window; 0 if it does.
    qint64 waitFor(const QList<qint64> &times, int max, qint64 now) const;
    void prune(Failures &failures, const QString &key, qint64 now);
    void pruneAll(Failures &failures, qint64 now);

    const Clock &m_clock;
    const Limits m_limits;
    mutable QMutex m_mutex;
    Failures m_byUsername;
    Failures m_byAddress;
};

} // namespace nara::auth
