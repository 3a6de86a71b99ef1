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

EventChannel::EventChannel(EventHub &hub, WorkerContext &context, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_context(context)
{
    m_hub.attach(this);
    m_ping.setInterval(25'000);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        for (const Entry &entry : m_sockets)
            entry.socket->ping();
    });
    m_ping.start();
}

EventChannel::~EventChannel()
{
    m_hub.detach(this);
    if (FrameHandler *handler = m_hub.frameHandler())
        for (const Entry &entry : m_sockets)
            handler->socketClosed(m_context, {this, entry.id}, entry.caller);
}

void EventChannel::adopt(std::unique_ptr<QWebSocket> socket, const auth::Caller &caller)
{
    QWebSocket *raw = socket.get();
    const quint64 id = s_nextId++;
    raw->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    connect(raw, &QWebSocket::textMessageReceived, this, [this, id](const QString &message) {
        FrameHandler *handler = m_hub.frameHandler();
        const auto it = std::find_if(m_sockets.begin(), m_sockets.end(), [id](const Entry &e) { return e.id == id; });
        if (handler && it != m_sockets.end())
            handler->frameReceived(m_context, {this, id}, it->caller, message.toUtf8());
    });
    connect(raw, &QWebSocket::disconnected, this, [this, id] {
        const auto it = std::find_if(m_sockets.begin(), m_sockets.end(), [id](const Entry &e) { return e.id == id; });
        if (it == m_sockets.end())
            return;
        const auth::Caller caller = it->caller;
        it->socket.release()->deleteLater(); // not inside its own signal
        m_sockets.erase(it);
        if (FrameHandler *handler = m_hub.frameHandler())
            handler->socketClosed(m_context, {this, id}, caller);
    });
    m_sockets.push_back({std::move(socket), id, caller});
}

void EventChannel::broadcast(qint64 seq)
{
    const QString message = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("seq")}, {QStringLiteral("seq"), seq}})
            .toJson(QJsonDocument::Compact));
    for (const Entry &entry : m_sockets)
        if (entry.caller.isStaff()) // patients' sockets carry signalling only
            entry.socket->sendTextMessage(message);
}

void EventChannel::send(quint64 socketId, const QString &text)
{
    for (const Entry &entry : m_sockets)
        if (entry.id == socketId) {
            entry.socket->sendTextMessage(text);
            return;
        }
}

void EventChannel::post(const EventSocket &socket, const QString &text)
{
    QPointer<EventChannel> channel = socket.channel;
    if (!channel)
        return;
    const quint64 id = socket.id;
    QMetaObject::invokeMethod(
        channel.data(),
        [channel, id, text] {
            if (channel)
                channel->send(id, text);
        },
        Qt::QueuedConnection);
}

} // namespace nara::sync
