#include "auth/core/loginratelimiter.h"

#include <QMutexLocker>

namespace nara::auth {

namespace {
// Past this many tracked keys, expired entries are swept on the next failure, so a flood of
// made-up user names cannot grow the tables without bound.
constexpr qsizetype kSweepThreshold = 10000;
} // namespace

qint64 LoginRateLimiter::waitFor(const QList<qint64> &times, int max, qint64 now) const
{
    // Times older than the window no longer count.
    qsizetype first = 0;
    while (first < times.size() && times.at(first) + m_limits.windowMs <= now)
        ++first;
    const qsizetype live = times.size() - first;
    if (live < max)
        return 0;
    // Allowed again when the failure that brings the count below `max` leaves the window.
    const qint64 leaves = times.at(first + (live - max)) + m_limits.windowMs;
    return qMax<qint64>(0, leaves - now);
}

bool LoginRateLimiter::allowed(const QString &username, const QString &address) const
{
    return retryAfterSeconds(username, address) == 0;
}

qint64 LoginRateLimiter::retryAfterSeconds(const QString &username, const QString &address) const
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const qint64 waitMs = qMax(waitFor(m_byUsername.value(userKey(username)), m_limits.maxPerUsername, now),
                               waitFor(m_byAddress.value(address), m_limits.maxPerAddress, now));
    return (waitMs + 999) / 1000;
}

void LoginRateLimiter::prune(Failures &failures, const QString &key, qint64 now)
{
    auto it = failures.find(key);
    if (it == failures.end())
        return;
    QList<qint64> &times = it.value();
    qsizetype expired = 0;
    while (expired < times.size() && times.at(expired) + m_limits.windowMs <= now)
        ++expired;
    times.remove(0, expired);
    if (times.isEmpty())
        failures.erase(it);
}

void LoginRateLimiter::pruneAll(Failures &failures, qint64 now)
{
    const QStringList keys = failures.keys();
    for (const QString &key : keys)
        prune(failures, key, now);
}

void LoginRateLimiter::recordFailure(const QString &username, const QString &address)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const QString user = userKey(username);
    prune(m_byUsername, user, now);
    prune(m_byAddress, address, now);
    if (m_byUsername.size() > kSweepThreshold)
        pruneAll(m_byUsername, now);
    if (m_byAddress.size() > kSweepThreshold)
        pruneAll(m_byAddress, now);
    m_byUsername[user].append(now);
    m_byAddress[address].append(now);
}

void LoginRateLimiter::recordSuccess(const QString &username)
{
    QMutexLocker lock(&m_mutex);
    m_byUsername.remove(userKey(username));
}

} // namespace nara::auth
