#include "auth/core/loginratelimiter.h"

#include <QMutexLocker>

namespace nara::auth {

namespace {
// Past this many tracked keys, expired entries are swept on the next failure, so a flood of
// made-up user names cannot grow the tables without bound.
constexpr qsizetype kSweepThreshold = 10000;

// Drops the attempts under `key` that `drop` picks, and the key when none are left.
template<typename Map, typename Predicate> void removeWhere(Map &attempts, const QString &key, Predicate drop)
{
    auto it = attempts.find(key);
    if (it == attempts.end())
        return;
    it.value().removeIf(drop);
    if (it.value().isEmpty())
        attempts.erase(it);
}

template<typename Map> void markSettled(Map &attempts, const QString &key, quint64 id)
{
    auto it = attempts.find(key);
    if (it == attempts.end())
        return;
    for (auto &attempt : it.value()) {
        if (attempt.id == id)
            attempt.pending = false;
    }
}
} // namespace

qint64 LoginRateLimiter::waitFor(const QList<Attempt> &attempts, int max, qint64 now) const
{
    // Attempts older than the window no longer count.
    qsizetype first = 0;
    while (first < attempts.size() && attempts.at(first).at + m_limits.windowMs <= now)
        ++first;
    const qsizetype live = attempts.size() - first;
    if (live < max)
        return 0;
    // Allowed again when the attempt that brings the count below `max` leaves the window.
    const qint64 leaves = attempts.at(first + (live - max)).at + m_limits.windowMs;
    return qMax<qint64>(0, leaves - now);
}

qint64 LoginRateLimiter::waitMsLocked(const QString &user, const QString &address, qint64 now) const
{
    return qMax(waitFor(m_byUsername.value(user), m_limits.maxPerUsername, now),
                waitFor(m_byAddress.value(address), m_limits.maxPerAddress, now));
}

bool LoginRateLimiter::allowed(const QString &username, const QString &address) const
{
    return retryAfterSeconds(username, address) == 0;
}

qint64 LoginRateLimiter::retryAfterSeconds(const QString &username, const QString &address) const
{
    QMutexLocker lock(&m_mutex);
    return (waitMsLocked(userKey(username), address, m_clock.nowMs()) + 999) / 1000;
}

void LoginRateLimiter::prune(Attempts &attempts, const QString &key, qint64 now)
{
    auto it = attempts.find(key);
    if (it == attempts.end())
        return;
    QList<Attempt> &list = it.value();
    qsizetype expired = 0;
    while (expired < list.size() && list.at(expired).at + m_limits.windowMs <= now)
        ++expired;
    list.remove(0, expired);
    if (list.isEmpty())
        attempts.erase(it);
}

void LoginRateLimiter::pruneAll(Attempts &attempts, qint64 now)
{
    const QStringList keys = attempts.keys();
    for (const QString &key : keys)
        prune(attempts, key, now);
}

void LoginRateLimiter::pruneForAppend(const QString &user, const QString &address, qint64 now)
{
    prune(m_byUsername, user, now);
    prune(m_byAddress, address, now);
    if (m_byUsername.size() > kSweepThreshold)
        pruneAll(m_byUsername, now);
    if (m_byAddress.size() > kSweepThreshold)
        pruneAll(m_byAddress, now);
}

std::optional<LoginRateLimiter::Reservation> LoginRateLimiter::tryReserve(const QString &username,
                                                                          const QString &address,
                                                                          qint64 *retryAfterSeconds)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const QString user = userKey(username);
    // Check and reserve under one lock: no other request can slip in between.
    if (const qint64 waitMs = waitMsLocked(user, address, now); waitMs > 0) {
        if (retryAfterSeconds)
            *retryAfterSeconds = (waitMs + 999) / 1000;
        return std::nullopt;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = 0;
    pruneForAppend(user, address, now);
    const quint64 id = ++m_lastId;
    m_byUsername[user].append({now, id, true});
    m_byAddress[address].append({now, id, true});
    return Reservation{id, user, address};
}

void LoginRateLimiter::settle(const Reservation &reservation, Outcome outcome)
{
    if (reservation.id == 0)
        return;
    QMutexLocker lock(&m_mutex);
    const quint64 id = reservation.id;
    switch (outcome) {
    case Outcome::Failed:
        // It stays where it was reserved, now as an ordinary failure.
        markSettled(m_byUsername, reservation.userKey, id);
        markSettled(m_byAddress, reservation.address, id);
        break;
    case Outcome::Succeeded:
        // As recordSuccess(): the name's failures go, but not other logins of it still in flight.
        removeWhere(m_byUsername, reservation.userKey,
                    [id](const Attempt &attempt) { return attempt.id == id || !attempt.pending; });
        removeWhere(m_byAddress, reservation.address, [id](const Attempt &attempt) { return attempt.id == id; });
        break;
    case Outcome::Withdrawn:
        removeWhere(m_byUsername, reservation.userKey, [id](const Attempt &attempt) { return attempt.id == id; });
        removeWhere(m_byAddress, reservation.address, [id](const Attempt &attempt) { return attempt.id == id; });
        break;
    }
}

void LoginRateLimiter::recordFailure(const QString &username, const QString &address)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const QString user = userKey(username);
    pruneForAppend(user, address, now);
    m_byUsername[user].append({now, 0, false});
    m_byAddress[address].append({now, 0, false});
}

void LoginRateLimiter::recordSuccess(const QString &username)
{
    QMutexLocker lock(&m_mutex);
    removeWhere(m_byUsername, userKey(username), [](const Attempt &attempt) { return !attempt.pending; });
}

// --- LoginsInFlight ---

struct LoginsInFlight::Slot::State
{
    explicit State(Limits l)
        : limits(l)
    {
    }
    const Limits limits;
    mutable QMutex mutex;
    int total = 0;
    QHash<QString, int> byUsername;
};

LoginsInFlight::LoginsInFlight(Limits limits)
    : m_state(std::make_shared<Slot::State>(limits))
{
}

std::optional<LoginsInFlight::Slot> LoginsInFlight::tryAcquire(const QString &username)
{
    const QString user = LoginRateLimiter::userKey(username);
    QMutexLocker lock(&m_state->mutex);
    if (m_state->total >= m_state->limits.maxTotal)
        return std::nullopt;
    int &mine = m_state->byUsername[user];
    if (mine >= m_state->limits.maxPerUsername) {
        if (mine == 0)
            m_state->byUsername.remove(user);
        return std::nullopt;
    }
    ++mine;
    ++m_state->total;
    return Slot(m_state, user);
}

int LoginsInFlight::inFlight() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->total;
}

int LoginsInFlight::inFlight(const QString &username) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->byUsername.value(LoginRateLimiter::userKey(username));
}

void LoginsInFlight::Slot::release()
{
    if (!m_state)
        return;
    {
        QMutexLocker lock(&m_state->mutex);
        --m_state->total;
        auto it = m_state->byUsername.find(m_userKey);
        if (it != m_state->byUsername.end() && --it.value() <= 0)
            m_state->byUsername.erase(it);
    }
    m_state.reset();
}

LoginsInFlight::Slot &LoginsInFlight::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        release();
        m_state = std::move(other.m_state);
        m_userKey = std::move(other.m_userKey);
    }
    return *this;
}

LoginsInFlight::Slot::~Slot()
{
    release();
}

} // namespace nara::auth
