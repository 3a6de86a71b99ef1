#pragma once

#include "auth/core/caller.h"
#include "foundation/server/workercontext.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace nara::sync {

class EventChannel;
class EventHub;

// One event socket, wherever it lives: the channel (worker thread) that owns it and its id there.
// The channel pointer is only dereferenced by the hub, under its mutex, while the channel is
// still attached (EventChannel::post): a copy of this may outlive the channel.
struct EventSocket
{
    EventHub *hub = nullptr;
    EventChannel *channel = nullptr;
    quint64 id = 0;

    bool operator==(const EventSocket &other) const { return id == other.id; }
};

// What else travels on /api/v1/events besides "new sequence" hints: frames from clients (video
// signalling, docs/api/contract.md). Implemented outside sync (video_server), installed on the hub
// before the workers start. Called in the worker thread that owns the socket, with that worker's
// context; answers go through EventChannel::post(), which works from any thread.
class FrameHandler
{
public:
    virtual ~FrameHandler() = default;
    virtual void frameReceived(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                               const QByteArray &frame)
        = 0;
    // The socket closed (or its channel is going away): forget it.
    virtual void socketClosed(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller) = 0;
};

// Fans "new sequence M" hints out to every worker's WebSocket clients (DESIGN.md §4). Thread-safe:
// announce() may be called from any worker thread. Hints carry only a number, never data.
class EventHub
{
public:
    void announce(qint64 seq);
    void attach(EventChannel *channel);
    void detach(EventChannel *channel);
    qint64 latestAnnounced() const;
    // Queues `text` to the socket's channel if that channel is still attached. Under the mutex that
    // detach() (the channel's destructor) takes, so the channel cannot go away in between.
    void post(const EventSocket &socket, const QString &text);

    // Set once, before the workers start; null: client frames are ignored.
    void setFrameHandler(FrameHandler *handler) { m_frameHandler = handler; }
    FrameHandler *frameHandler() const { return m_frameHandler; }

private:
    mutable QMutex m_mutex;
    QList<EventChannel *> m_channels;
    qint64 m_latest = 0;
    FrameHandler *m_frameHandler = nullptr;
};

// One per worker thread: owns that worker's event sockets, staff and patients alike. Staff sockets
// get sequence hints; patient sockets only what a FrameHandler sends them. Access lasts as long as
// the session: it is checked again before every incoming frame and every ping. Floods and
// receivers that do not read are cut off (see the limits below).
class EventChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventChannel)
public:
    // Frames larger than this close the socket (Qt refuses them); the handler's own limit is lower.
    static constexpr qint64 kMaxIncomingMessageBytes = 256 * 1024;
    // Incoming frames per socket: a token bucket, refilled at kFramesPerSecond up to kFrameBurst
    // (a burst of ICE candidates passes). A socket that empties it is closed (1008).
    static constexpr double kFramesPerSecond = 20;
    static constexpr double kFrameBurst = 100;
    // A receiver that has this much queued and unsent is too slow: it is dropped rather than queued to.
    static constexpr qint64 kMaxQueuedBytes = 1024 * 1024;
    // A socket closed by the server that has not completed the closing handshake by then is dropped.
    static constexpr int kCloseGraceMs = 5000;
    static constexpr int kPingIntervalMs = 25'000;

    EventChannel(EventHub &hub, WorkerContext &context, QObject *parent = nullptr);
    ~EventChannel() override;

    // `token` is what the client presented: the session is checked again before every frame and
    // on every ping, and the socket closed (1008) once it is no longer valid. Returns its id.
    quint64 adopt(std::unique_ptr<QWebSocket> socket, const auth::Caller &caller, const QByteArray &token);
    void broadcast(qint64 seq);
    int socketCount() const { return int(m_sockets.size()); }

    // Sends `text` to the socket (in this channel's thread; gone sockets are skipped).
    void send(quint64 socketId, const QString &text);
    // The same from any thread: queued into the socket's channel (EventHub::post). Frames posted
    // from one thread to one socket arrive in order.
    static void post(const EventSocket &socket, const QString &text);

private:
    struct Entry
    {
        std::unique_ptr<QWebSocket> socket;
        quint64 id = 0;
        auth::Caller caller;
        QByteArray token;
        double frameTokens = kFrameBurst;
        qint64 refilledAt = 0;
        bool closing = false; // close() sent: nothing more in or out
    };

    void frameReceived(quint64 id, const QString &message);
    void pingAll();
    // The session behind the socket, checked now: the fresh caller, or the socket is closed.
    std::optional<auth::Caller> reauthenticate(Entry &entry);
    void closeSocket(quint64 id, QWebSocketProtocol::CloseCode code, const QString &reason);
    void dropSocket(quint64 id);
    Entry *find(quint64 id);

    EventHub &m_hub;
    WorkerContext &m_context;
    std::vector<Entry> m_sockets;
    QTimer m_ping;
    static inline std::atomic<quint64> s_nextId{1};
};

} // namespace nara::sync
