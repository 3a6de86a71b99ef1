#pragma once

#include "sync/server/eventhub.h"
#include "video/core/icesettings.h"
#include "video/core/visit.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

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
    // Remembered, so a patient whose join read "waiting" but registers only now comes in admitted.
    void visitAdmitted(const QString &visitId);
    // After the REST end committed: `ended` to everyone joined; the call is forgotten. Remembered,
    // so a join that read "not ended" but registers only now is refused.
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

    // Forgets admits and ends older than kRememberMs (the database knows them; the relay needs
    // them only for joins that read the visit just before). Under m_mutex.
    void forgetOld();

    struct Ended
    {
        QString outcome;
        qint64 at = 0;
    };
    static constexpr qint64 kRememberMs = 60 * 60 * 1000;

    IceSettings m_ice;
    // Taken around a patient's arrival (database write and registration) and around a departure
    // (the check that no other socket of theirs is there and the database write), so the two
    // never interleave across workers. Before m_mutex, never inside it.
    QMutex m_presence;
    QMutex m_mutex;
    QHash<QString, QList<Member>> m_calls; // visit id → members, in the order they joined
    QHash<QString, qint64> m_admitted; // visit id → when visitAdmitted() ran (m_uptime)
    QHash<QString, Ended> m_ended; // visit id → outcome and when visitEnded() ran (m_uptime)
    QHash<quint64, QSet<QString>> m_refused; // socket id → visits a refusal was already audited for
    QElapsedTimer m_uptime;
};

// A frame as compact JSON text.
QString frameText(const QJsonObject &frame);
// {"type":"error","visit","status","title"}
QJsonObject errorFrame(const QString &visitId, int status, const QString &title);

} // namespace nara::video
