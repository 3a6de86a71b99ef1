#include "sync/server/eventhub.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nara::sync {

void EventHub::announce(qint64 seq)
{
    QMutexLocker lock(&m_mutex);
    m_latest = qMax(m_latest, seq);
    for (const QPointer<EventChannel> &channel : std::as_const(m_channels)) {
        if (!channel)
            continue;
        QMetaObject::invokeMethod(
            channel.data(),
            [channel, seq] {
                if (channel)
                    channel->broadcast(seq);
            },
            Qt::QueuedConnection);
    }
}

void EventHub::attach(EventChannel *channel)
{
    QMutexLocker lock(&m_mutex);
    m_channels.append(channel);
}

void EventHub::detach(EventChannel *channel)
{
    QMutexLocker lock(&m_mutex);
    m_channels.removeIf([channel](const QPointer<EventChannel> &c) { return !c || c == channel; });
}

qint64 EventHub::latestAnnounced() const
{
    QMutexLocker lock(&m_mutex);
    return m_latest;
}

EventChannel::EventChannel(EventHub &hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    m_hub.attach(this);
    m_ping.setInterval(25'000);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        for (const auto &socket : m_sockets)
            socket->ping();
    });
    m_ping.start();
}

EventChannel::~EventChannel()
{
    m_hub.detach(this);
}

void EventChannel::adopt(std::unique_ptr<QWebSocket> socket)
{
    QWebSocket *raw = socket.get();
    connect(raw, &QWebSocket::disconnected, this, [this, raw] {
        const auto it
            = std::find_if(m_sockets.begin(), m_sockets.end(), [raw](const auto &s) { return s.get() == raw; });
        if (it == m_sockets.end())
            return;
        it->release()->deleteLater(); // not inside its own signal
        m_sockets.erase(it);
    });
    m_sockets.push_back(std::move(socket));
}

void EventChannel::broadcast(qint64 seq)
{
    const QString message = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("seq")}, {QStringLiteral("seq"), seq}})
            .toJson(QJsonDocument::Compact));
    for (const auto &socket : m_sockets)
        socket->sendTextMessage(message);
}

} // namespace nara::sync
