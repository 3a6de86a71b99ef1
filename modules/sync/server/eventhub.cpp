#include "sync/server/eventhub.h"

#include "auth/server/authenticator.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nara::sync {

void EventHub::announce(qint64 seq)
{
    QMutexLocker lock(&m_mutex);
    m_latest = qMax(m_latest, seq);
    // Attached channels are alive while the mutex is held (their destructor detaches first); the
    // queued call is dropped with its channel if that goes before it runs.
    for (EventChannel *channel : std::as_const(m_channels))
        QMetaObject::invokeMethod(
            channel, [channel, seq] { channel->broadcast(seq); }, Qt::QueuedConnection);
}

void EventHub::attach(EventChannel *channel)
{
    QMutexLocker lock(&m_mutex);
    m_channels.append(channel);
}

void EventHub::detach(EventChannel *channel)
{
    QMutexLocker lock(&m_mutex);
    m_channels.removeAll(channel);
}

qint64 EventHub::latestAnnounced() const
{
    QMutexLocker lock(&m_mutex);
    return m_latest;
}

void EventHub::post(const EventSocket &socket, const QString &text)
{
    QMutexLocker lock(&m_mutex);
    EventChannel *channel = socket.channel;
    if (!channel || !m_channels.contains(channel))
        return;
    const quint64 id = socket.id;
    QMetaObject::invokeMethod(
        channel, [channel, id, text] { channel->send(id, text); }, Qt::QueuedConnection);
}

EventChannel::EventChannel(EventHub &hub, WorkerContext &context, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_context(context)
{
    m_hub.attach(this);
    m_ping.setInterval(kPingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, &EventChannel::pingAll);
    m_ping.start();
}

EventChannel::~EventChannel()
{
    m_hub.detach(this);
    // A socket being destroyed may still emit disconnected(): not into this half-destroyed channel.
    const std::vector<Entry> sockets = std::move(m_sockets);
    m_sockets.clear();
    for (const Entry &entry : sockets)
        QObject::disconnect(entry.socket.get(), nullptr, this, nullptr);
    if (FrameHandler *handler = m_hub.frameHandler())
        for (const Entry &entry : sockets)
            handler->socketClosed(m_context, {&m_hub, this, entry.id}, entry.caller);
}

quint64 EventChannel::adopt(std::unique_ptr<QWebSocket> socket, const auth::Caller &caller, const QByteArray &token)
{
    QWebSocket *raw = socket.get();
    const quint64 id = s_nextId++;
    raw->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    connect(raw, &QWebSocket::textMessageReceived, this,
            [this, id](const QString &message) { frameReceived(id, message); });
    connect(raw, &QWebSocket::disconnected, this, [this, id] {
        const auto it = std::find_if(m_sockets.begin(), m_sockets.end(), [id](const Entry &e) { return e.id == id; });
        if (it == m_sockets.end())
            return;
        const auth::Caller caller = it->caller;
        it->socket.release()->deleteLater(); // not inside its own signal
        m_sockets.erase(it);
        if (FrameHandler *handler = m_hub.frameHandler())
            handler->socketClosed(m_context, {&m_hub, this, id}, caller);
    });
    Entry entry{std::move(socket), id, caller, token};
    entry.refilledAt = m_context.clock.nowMs();
    m_sockets.push_back(std::move(entry));
    return id;
}

EventChannel::Entry *EventChannel::find(quint64 id)
{
    const auto it = std::find_if(m_sockets.begin(), m_sockets.end(), [id](const Entry &e) { return e.id == id; });
    return it == m_sockets.end() ? nullptr : &*it;
}

void EventChannel::frameReceived(quint64 id, const QString &message)
{
    Entry *entry = find(id);
    if (!entry || entry->closing)
        return;
    // The flood limit first: it costs nothing, the session check a database read.
    const qint64 now = m_context.clock.nowMs();
    if (now > entry->refilledAt) {
        entry->frameTokens
            = qMin(kFrameBurst, entry->frameTokens + double(now - entry->refilledAt) * kFramesPerSecond / 1000.0);
        entry->refilledAt = now;
    }
    if (entry->frameTokens < 1) {
        closeSocket(id, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many frames"));
        return;
    }
    entry->frameTokens -= 1;
    const std::optional<auth::Caller> caller = reauthenticate(*entry); // may close (and erase) it
    if (!caller)
        return;
    if (FrameHandler *handler = m_hub.frameHandler())
        handler->frameReceived(m_context, {&m_hub, this, id}, *caller, message.toUtf8());
}

std::optional<auth::Caller> EventChannel::reauthenticate(Entry &entry)
{
    auto caller = auth::authenticateToken(m_context, entry.token);
    if (caller) {
        entry.caller = *caller; // units and role as they are now
        return *caller;
    }
    // Logged out, expired, deactivated: policy. The database failing: the client may try again.
    const bool ended = caller.error().code == ErrorCode::Unauthenticated || caller.error().code == ErrorCode::Forbidden;
    closeSocket(entry.id, ended ? QWebSocketProtocol::CloseCodePolicyViolated : QWebSocketProtocol::CloseCode(1013),
                ended ? QStringLiteral("session ended") : QStringLiteral("try again later"));
    return std::nullopt;
}

void EventChannel::pingAll()
{
    // Closing may erase entries (disconnected can be emitted at once): walk ids, not iterators.
    std::vector<quint64> ids;
    for (const Entry &entry : m_sockets)
        ids.push_back(entry.id);
    for (const quint64 id : ids)
        if (Entry *entry = find(id); entry && !entry->closing && reauthenticate(*entry))
            if (Entry *still = find(id))
                still->socket->ping();
}

void EventChannel::closeSocket(quint64 id, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    Entry *entry = find(id);
    if (!entry || entry->closing)
        return;
    entry->closing = true;
    QWebSocket *socket = entry->socket.get();
    // disconnected() follows (possibly at once, so `entry` is not used again): the handler's
    // socketClosed() removes it from calls. A client that does not answer the close is dropped.
    QTimer::singleShot(kCloseGraceMs, socket, [socket] { socket->abort(); });
    socket->close(code, reason);
}

void EventChannel::dropSocket(quint64 id)
{
    Entry *entry = find(id);
    if (!entry || entry->closing)
        return;
    entry->closing = true;
    entry->socket->abort(); // disconnected() follows; what was queued is discarded
}

void EventChannel::broadcast(qint64 seq)
{
    const QString message = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("seq")}, {QStringLiteral("seq"), seq}})
            .toJson(QJsonDocument::Compact));
    std::vector<quint64> ids;
    for (const Entry &entry : m_sockets)
        if (entry.caller.isStaff()) // patients' sockets carry signalling only
            ids.push_back(entry.id);
    for (const quint64 id : ids)
        send(id, message);
}

void EventChannel::send(quint64 socketId, const QString &text)
{
    Entry *entry = find(socketId);
    if (!entry || entry->closing)
        return;
    if (entry->socket->bytesToWrite() > kMaxQueuedBytes) {
        // A close frame would wait behind what it does not read: the connection is dropped.
        dropSocket(socketId);
        return;
    }
    entry->socket->sendTextMessage(text);
}

void EventChannel::post(const EventSocket &socket, const QString &text)
{
    if (socket.hub)
        socket.hub->post(socket, text);
}

} // namespace nara::sync
