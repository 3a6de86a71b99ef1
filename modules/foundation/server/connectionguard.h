#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <atomic>

namespace nara::http {

// Counts open connections per client address, and requests whose large body is being received,
// across all workers (thread-safe).
class ConnectionGuard
{
public:
    explicit ConnectionGuard(int maxPerAddress)
        : m_max(maxPerAddress)
    {
    }
    bool tryAcquire(const QHostAddress &address);
    void release(const QHostAddress &address);
    int openFor(const QHostAddress &address) const;
    // One more request with a body over the default limit being received, unless `max` already are.
    bool tryAcquireLargeBody(int max);
    void releaseLargeBody() { --m_largeBodies; }

private:
    const int m_max;
    mutable QMutex m_mutex;
    QHash<QString, int> m_open;
    std::atomic<int> m_largeBodies = 0;
};

} // namespace nara::http
