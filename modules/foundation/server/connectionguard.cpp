#include "foundation/server/connectionguard.h"

namespace nara::http {

bool ConnectionGuard::tryAcquire(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    int &open = m_open[address.toString()];
    if (open >= m_max)
        return false;
    ++open;
    return true;
}

void ConnectionGuard::release(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    const QString key = address.toString();
    auto it = m_open.find(key);
    if (it == m_open.end())
        return;
    if (--it.value() <= 0)
        m_open.erase(it);
}

int ConnectionGuard::openFor(const QHostAddress &address) const
{
    QMutexLocker lock(&m_mutex);
    return m_open.value(address.toString());
}

bool ConnectionGuard::tryAcquireLargeBody(int max)
{
    int current = m_largeBodies.load();
    do {
        if (current >= max)
            return false;
    } while (!m_largeBodies.compare_exchange_weak(current, current + 1));
    return true;
}

} // namespace nara::http
