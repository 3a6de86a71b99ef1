#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>

namespace nara::http {

// Counts open connections per client address across all workers (thread-safe).
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

private:
    const int m_max;
    mutable QMutex m_mutex;
    QHash<QString, int> m_open;
};

} // namespace nara::http
