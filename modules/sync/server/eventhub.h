#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <vector>

namespace nara::sync {

class EventChannel;

// Fans "new sequence M" hints out to every worker's WebSocket clients (DESIGN.md §4). Thread-safe:
// announce() may be called from any worker thread. Hints carry only a number, never data.
class EventHub
{
public:
    void announce(qint64 seq);
    void attach(EventChannel *channel);
    void detach(EventChannel *channel);
    qint64 latestAnnounced() const;

private:
    mutable QMutex m_mutex;
    QList<QPointer<EventChannel>> m_channels;
    qint64 m_latest = 0;
};

// One per worker thread: owns that worker's event sockets.
class EventChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventChannel)
public:
    explicit EventChannel(EventHub &hub, QObject *parent = nullptr);
    ~EventChannel() override;

    void adopt(std::unique_ptr<QWebSocket> socket);
    void broadcast(qint64 seq);
    int socketCount() const { return int(m_sockets.size()); }

private:
    EventHub &m_hub;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    QTimer m_ping;
};

} // namespace nara::sync
