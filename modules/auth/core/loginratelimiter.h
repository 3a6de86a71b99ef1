#pragma once

#include "foundation/core/clock.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

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
//
// A login reserves its attempt before the password is checked (tryReserve) and settles it when the
// check is done. Until then the reservation counts exactly as a failure would, so requests sent in
// parallel cannot all pass the check while the first hash is still running.
class LoginRateLimiter final
{
    Q_DISABLE_COPY_MOVE(LoginRateLimiter)
public:
    using Limits = LoginLimits;

    // One reserved attempt. Settle it once; one never settled keeps counting as a failure until
    // it leaves the window (fail closed).
    struct Reservation
    {
        quint64 id = 0;
        QString userKey;
        QString address;
    };
    enum class Outcome {
        Failed, // wrong password or unknown user: the reservation stays as a failure
        Succeeded, // refunded, and the user name's settled failures are cleared
        Withdrawn, // no password was checked (server busy, storage error): refunded
    };

    explicit LoginRateLimiter(const Clock &clock, Limits limits = {})
        : m_clock(clock)
        , m_limits(limits)
    {
    }

    // Reserves one attempt against both the user name's and the address's budget when both have
    // room. When either is used up nothing is reserved, and *retryAfterSeconds (if given) says when
    // to come back.
    std::optional<Reservation> tryReserve(const QString &username, const QString &address,
                                          qint64 *retryAfterSeconds = nullptr);
    void settle(const Reservation &reservation, Outcome outcome);

    // False when either the user name or the address has used up its failures in the window.
    bool allowed(const QString &username, const QString &address) const;
    void recordFailure(const QString &username, const QString &address);
    // A successful login clears the user name's failures (not the address's); attempts still in
    // flight for the name stay reserved.
    void recordSuccess(const QString &username);
    // Seconds until allowed() turns true again (0 when it already is), for Retry-After.
    qint64 retryAfterSeconds(const QString &username, const QString &address) const;

    // The form user names are compared in (trimmed, case-folded).
    static QString userKey(const QString &username) { return username.trimmed().toCaseFolded(); }

private:
    struct Attempt
    {
        qint64 at = 0;
        quint64 id = 0; // 0 for recordFailure()
        bool pending = false; // reserved and not settled yet
    };
    using Attempts = QHash<QString, QList<Attempt>>; // key → attempts, oldest first

    // Milliseconds until `attempts` holds fewer than `max` inside the window; 0 if it does.
    qint64 waitFor(const QList<Attempt> &attempts, int max, qint64 now) const;
    qint64 waitMsLocked(const QString &user, const QString &address, qint64 now) const;
    void prune(Attempts &attempts, const QString &key, qint64 now);
    void pruneAll(Attempts &attempts, qint64 now);
    void pruneForAppend(const QString &user, const QString &address, qint64 now);

    const Clock &m_clock;
    const Limits m_limits;
    mutable QMutex m_mutex;
    Attempts m_byUsername;
    Attempts m_byAddress;
    quint64 m_lastId = 0;
};

// Caps how many logins wait for or run Argon2id at once, process-wide and per user name, so a flood
// of login requests cannot queue unbounded CPU work on the hashing pool. Thread-safe. A Slot frees
// its place when destroyed, from any thread, even after the LoginsInFlight itself is gone.
class LoginsInFlight final
{
    Q_DISABLE_COPY_MOVE(LoginsInFlight)
public:
    struct Limits
    {
        int maxTotal = 32;
        int maxPerUsername = 4;
    };

    class Slot
    {
    public:
        Slot(Slot &&other) noexcept = default;
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        ~Slot();

    private:
        friend class LoginsInFlight;
        struct State;
        Slot(std::shared_ptr<State> state, QString userKey)
            : m_state(std::move(state))
            , m_userKey(std::move(userKey))
        {
        }
        void release();
        std::shared_ptr<State> m_state;
        QString m_userKey;
    };

    LoginsInFlight()
        : LoginsInFlight(Limits{})
    {
    }
    explicit LoginsInFlight(Limits limits);

    // A place for one login of `username`, or nothing when either cap is reached.
    std::optional<Slot> tryAcquire(const QString &username);
    int inFlight() const;
    int inFlight(const QString &username) const;

private:
    std::shared_ptr<Slot::State> m_state;
};

} // namespace nara::auth
