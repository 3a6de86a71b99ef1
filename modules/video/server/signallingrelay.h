#pragma once

#include "sync/server/eventhub.h"
#include "video/core/icesettings.h"
#include "video/core/visit.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>

namespace nara::video {

// The video signalling of docs/api/contract.md on /api/v1/events: who is in which call (or in its
// waiting room), and frames relayed between them. One object shared by every worker thread
// (created by the composition root and installed on the EventHub): the registry is guarded by a
// mutex, and frames reach a socket through its own channel's thread (EventChannel::post).
// The database work of a frame (the patient's arrival, audit rows) runs in the worker that
// received it, with that worker's connection. Never logs message text or personnummer.
class SignallingRelay final : public sync::FrameHandler
{
public:
    explicit SignallingRelay(IceSettings ice);

    void frameReceived(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller,
                       const QByteArray &frame) override;
    void socketClosed(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller) override;

    // After the REST admit committed: `admitted` to the waiting patient, `peer-joined` to the others.
    void visitAdmitted(const QString &visitId);
    // After the REST end committed: `ended` to everyone joined; the call is forgotten.
    void visitEnded(const QString &visitId, const QString &outcome);

    const IceSettings &ice() const { return m_ice; }

private:
    struct Member
    {
        sync::EventSocket socket;
        QString peerId;
        QString name;
        QString kind; // staff | patient
        bool inCall = false; // false: a patient in the waiting room

        QJsonObject toJson() const;
    };

    void join(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller,
              const QString &visitId, const std::optional<Readiness> &readiness);
    void relay(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller,
               const QString &visitId, const QString &to, const QJsonObject &data);
    void chat(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller,
              const QString &visitId, const QString &text);
    // Removes the socket from the visit's call; a waiting patient's wait ends.
    void leave(WorkerContext &context, const sync::EventSocket &socket, const QString &visitId);
    void refuse(WorkerContext &context, const sync::EventSocket &socket, const auth::Caller &caller,
                const QString &visitId, const QString &what);

    IceSettings m_ice;
    QMutex m_mutex;
    QHash<QString, QList<Member>> m_calls; // visit id → members, in the order they joined
};

// A frame as compact JSON text.
QString frameText(const QJsonObject &frame);
// {"type":"error","visit","status","title"}
QJsonObject errorFrame(const QString &visitId, int status, const QString &title);

} // namespace nara::video
