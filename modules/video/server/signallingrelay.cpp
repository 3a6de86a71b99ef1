#include "video/server/signallingrelay.h"

#include "auth/core/auditlog.h"
#include "portal/server/invitations.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"
#include "video/core/signalframe.h"
#include "video/core/visitworkflow.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nara::video {

namespace {

using sync::EventChannel;
using sync::EventSocket;

QString peerIdOf(const auth::Caller &caller)
{
    return (caller.isStaff() ? QStringLiteral("staff:") : QStringLiteral("patient:")) + caller.id;
}

void send(const EventSocket &socket, const QJsonObject &frame)
{
    EventChannel::post(socket, frameText(frame));
}

// Tells connected workstations that the change log grew (the patient's arrival or departure).
void announceLatest(WorkerContext &context)
{
    if (!context.announceChange)
        return;
    if (auto latest = sync::ChangeLog(context.db).latest(); latest && *latest > 0)
        context.announceChange(*latest);
}

Result<void> audit(WorkerContext &context, const auth::Caller &caller, const QString &action, const QString &object,
                   const QString &patientId, const QString &outcome)
{
    auth::AuditEntry entry;
    entry.at = context.clock.nowMs();
    entry.userId = caller.id;
    entry.role = caller.isStaff() ? caller.role : QStringLiteral("patient");
    entry.unitId = caller.primaryUnit();
    entry.patientId = patientId;
    entry.action = action;
    entry.object = object; // ids only, never personnummer or message text
    entry.client = caller.isStaff() ? caller.client : QStringLiteral("portal");
    entry.outcome = outcome;
    return auth::AuditLog(context.db).append(entry);
}

} // namespace

QString frameText(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QJsonObject errorFrame(const QString &visitId, int status, const QString &title)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                       {QStringLiteral("visit"), visitId.isEmpty() ? QJsonValue() : QJsonValue(visitId)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("title"), title}};
}

QJsonObject SignallingRelay::Member::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), peerId}, {QStringLiteral("name"), name}, {QStringLiteral("kind"), kind}};
}

SignallingRelay::SignallingRelay(IceSettings ice)
    : m_ice(std::move(ice))
{
    m_uptime.start();
}

void SignallingRelay::frameReceived(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                                    const QByteArray &bytes)
{
    QString visitId;
    auto frame = SignalFrame::parse(bytes, &visitId);
    if (!frame) {
        send(socket, errorFrame(visitId, 400, frame.error().message));
        return;
    }
    switch (frame->type) {
    case SignalFrame::Type::Join: join(context, socket, caller, frame->visit, frame->readiness); return;
    case SignalFrame::Type::Signal: relay(context, socket, caller, frame->visit, frame->to, frame->data); return;
    case SignalFrame::Type::Chat: chat(context, socket, caller, frame->visit, frame->text); return;
    case SignalFrame::Type::Leave: leave(context, socket, frame->visit); return;
    }
}

void SignallingRelay::refuse(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                             const QString &visitId, const QString &what)
{
    send(socket, errorFrame(visitId, 404, QStringLiteral("No such visit, or not yours to join.")));
    {
        // One audit row per socket and visit: a client repeating a refused frame does not fill the log.
        QMutexLocker lock(&m_mutex);
        QSet<QString> &logged = m_refused[socket.id];
        if (logged.contains(visitId))
            return;
        logged.insert(visitId);
    }
    // The refusal is logged in a transaction of its own (nothing else happened).
    auto transaction = storage::TransactionGuard::begin(context.db);
    const bool logged = transaction
        && audit(context, caller, QStringLiteral("denied"), what + QStringLiteral(" visit:") + visitId, {},
                 QStringLiteral("denied"))
        && transaction->commit();
    if (!logged)
        qWarning("could not log a refused call frame to the audit log");
}

void SignallingRelay::join(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                           const QString &visitId, const std::optional<Readiness> &readiness)
{
    const qint64 now = context.clock.nowMs();
    // A patient's arrival and their registration below happen together w.r.t. departures (leave()).
    std::optional<QMutexLocker<QMutex>> presence;
    if (caller.isPatient())
        presence.emplace(&m_presence);
    std::optional<Visit> visit;
    bool changed = false;
    {
        auto transaction = storage::TransactionGuard::begin(context.db);
        if (!transaction) {
            send(socket, errorFrame(visitId, 503, QStringLiteral("The database is not available; try again.")));
            return;
        }
        VisitWorkflow workflow(context.db);
        auto found = workflow.visit(caller, visitId);
        bool allowed = found && !found->isEnded();
        if (allowed && caller.isPatient()) {
            // A patient joins only the visit their portal session was invited to.
            auto invited = portal::Invitations(context.db, context.clock).invitedVisitItem(caller);
            allowed = invited && invited->has_value() && **invited == found->itemId;
        }
        if (!allowed) {
            transaction->rollback();
            refuse(context, socket, caller, visitId, QStringLiteral("join"));
            return;
        }
        visit = *found;
        if (caller.isPatient() && visit->admittedAt == 0) {
            auto arrived = workflow.patientArrived(visitId, readiness, now);
            if (!arrived) {
                send(socket, errorFrame(visitId, 409, arrived.error().message));
                return;
            }
            changed = arrived->version != visit->version;
            visit = *arrived;
        }
        if (!audit(context, caller, QStringLiteral("join-call"), QStringLiteral("visit:") + visitId, visit->patientId,
                   QStringLiteral("ok"))
            || !transaction->commit()) {
            send(socket, errorFrame(visitId, 503, QStringLiteral("The database is not available; try again.")));
            return;
        }
    }
    if (changed)
        announceLatest(context);

    const QString self = peerIdOf(caller);
    QString name = caller.displayName;
    for (const VisitParticipant &p : std::as_const(visit->participants))
        if (p.peerId() == self)
            name = p.name;
    Member me{socket, self, name, caller.isStaff() ? QStringLiteral("staff") : QStringLiteral("patient"),
              caller.isStaff() || visit->admittedAt != 0};

    QMutexLocker lock(&m_mutex);
    // The visit may have ended, or been admitted, since the transaction above read it.
    if (const auto ended = m_ended.constFind(visitId); ended != m_ended.constEnd()) {
        send(socket,
             {{QStringLiteral("type"), QStringLiteral("ended")},
              {QStringLiteral("visit"), visitId},
              {QStringLiteral("outcome"), ended->outcome}});
        send(socket, errorFrame(visitId, 404, QStringLiteral("This visit has ended.")));
        return;
    }
    me.inCall = me.inCall || m_admitted.contains(visitId);
    QList<Member> &members = m_calls[visitId];
    // Joining again from a new socket replaces the old one: the others hear it left and came back,
    // so they offer afresh (the peer already in the call makes the offer).
    for (qsizetype i = members.size() - 1; i >= 0; --i) {
        const Member old = members.at(i);
        if (old.peerId != self && !(old.socket == socket))
            continue;
        members.removeAt(i);
        if (old.inCall)
            for (const Member &other : std::as_const(members))
                if (other.inCall)
                    send(other.socket,
                         {{QStringLiteral("type"), QStringLiteral("peer-left")},
                          {QStringLiteral("visit"), visitId},
                          {QStringLiteral("peer"), old.peerId}});
    }
    const QJsonArray iceServers = m_ice.iceServers(self, now);
    QJsonArray peers;
    if (me.inCall)
        for (const Member &other : std::as_const(members))
            if (other.inCall)
                peers.append(other.toJson());
    send(socket,
         {{QStringLiteral("type"), QStringLiteral("joined")},
          {QStringLiteral("visit"), visitId},
          {QStringLiteral("self"), self},
          {QStringLiteral("admitted"), me.inCall},
          {QStringLiteral("peers"), peers},
          {QStringLiteral("iceServers"), iceServers}});
    const QJsonObject waiting{
        {QStringLiteral("type"), QStringLiteral("waiting")},
        {QStringLiteral("visit"), visitId},
        {QStringLiteral("since"), visit->patientWaitingSince},
        {QStringLiteral("readiness"), visit->readiness ? QJsonValue(visit->readiness->toJson()) : QJsonValue()}};
    for (const Member &other : std::as_const(members)) {
        if (me.inCall && other.inCall) {
            send(other.socket,
                 {{QStringLiteral("type"), QStringLiteral("peer-joined")},
                  {QStringLiteral("visit"), visitId},
                  {QStringLiteral("peer"), me.toJson()}});
        } else if (!me.inCall && other.inCall && other.kind == u"staff") {
            QJsonObject frame = waiting;
            frame.insert(QStringLiteral("patient"),
                         QJsonObject{{QStringLiteral("id"), me.peerId}, {QStringLiteral("name"), me.name}});
            send(other.socket, frame);
        } else if (me.inCall && caller.isStaff() && !other.inCall) {
            QJsonObject frame = waiting; // a patient waits already: the newcomer hears of it
            frame.insert(QStringLiteral("patient"),
                         QJsonObject{{QStringLiteral("id"), other.peerId}, {QStringLiteral("name"), other.name}});
            send(socket, frame);
        }
    }
    members.append(me);
}

void SignallingRelay::relay(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                            const QString &visitId, const QString &to, const QJsonObject &data)
{
    {
        QMutexLocker lock(&m_mutex);
        const QList<Member> members = m_calls.value(visitId);
        const auto from = std::find_if(members.begin(), members.end(),
                                       [&](const Member &m) { return m.socket == socket && m.inCall; });
        if (from != members.end()) {
            // To a joined peer of the call only; a peer who is not (or no longer) there gets nothing.
            for (const Member &target : members)
                if (target.peerId == to && target.inCall && !(target.socket == socket))
                    send(target.socket,
                         {{QStringLiteral("type"), QStringLiteral("signal")},
                          {QStringLiteral("visit"), visitId},
                          {QStringLiteral("from"), from->peerId},
                          {QStringLiteral("data"), data}});
            return;
        }
    }
    refuse(context, socket, caller, visitId, QStringLiteral("signal"));
}

void SignallingRelay::chat(WorkerContext &context, const EventSocket &socket, const auth::Caller &caller,
                           const QString &visitId, const QString &text)
{
    {
        QMutexLocker lock(&m_mutex);
        const QList<Member> members = m_calls.value(visitId);
        const auto from = std::find_if(members.begin(), members.end(),
                                       [&](const Member &m) { return m.socket == socket && m.inCall; });
        if (from != members.end()) {
            const QJsonObject frame{{QStringLiteral("type"), QStringLiteral("chat")},
                                    {QStringLiteral("visit"), visitId},
                                    {QStringLiteral("from"), from->peerId},
                                    {QStringLiteral("name"), from->name},
                                    {QStringLiteral("text"), text},
                                    {QStringLiteral("at"), context.clock.nowMs()}};
            for (const Member &target : members)
                if (target.inCall && !(target.socket == socket)) // not stored, not echoed
                    send(target.socket, frame);
            return;
        }
    }
    refuse(context, socket, caller, visitId, QStringLiteral("chat"));
}

void SignallingRelay::leave(WorkerContext &context, const EventSocket &socket, const QString &visitId)
{
    QMutexLocker presence(&m_presence); // no arrival of the same patient in between
    bool wasWaiting = false;
    {
        QMutexLocker lock(&m_mutex);
        auto call = m_calls.find(visitId);
        if (call == m_calls.end())
            return;
        QList<Member> &members = *call;
        const auto it
            = std::find_if(members.begin(), members.end(), [&](const Member &m) { return m.socket == socket; });
        if (it == members.end())
            return;
        const Member gone = *it;
        members.erase(it);
        // Another socket of the same peer still there (a reconnect): nothing has changed for the
        // others, and a patient's wait goes on.
        const bool stillThere
            = std::any_of(members.begin(), members.end(), [&](const Member &m) { return m.peerId == gone.peerId; });
        wasWaiting = !gone.inCall && !stillThere;
        // Those in the call hear of it; a patient who leaves the waiting room is news to staff.
        for (const Member &other : std::as_const(members))
            if (!stillThere && other.inCall && (gone.inCall || other.kind == u"staff"))
                send(other.socket,
                     {{QStringLiteral("type"), QStringLiteral("peer-left")},
                      {QStringLiteral("visit"), visitId},
                      {QStringLiteral("peer"), gone.peerId}});
        if (members.isEmpty())
            m_calls.erase(call);
    }
    if (!wasWaiting)
        return;
    auto transaction = storage::TransactionGuard::begin(context.db);
    if (!transaction)
        return;
    auto left = VisitWorkflow(context.db).patientLeftWaitingRoom(visitId, context.clock.nowMs());
    if (!left || !transaction->commit()) {
        qWarning("could not record that a patient left the waiting room");
        return;
    }
    announceLatest(context);
}

void SignallingRelay::socketClosed(WorkerContext &context, const EventSocket &socket, const auth::Caller &)
{
    QStringList visits;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
            if (std::any_of(it->begin(), it->end(), [&](const Member &m) { return m.socket == socket; }))
                visits.append(it.key());
    }
    for (const QString &visitId : std::as_const(visits))
        leave(context, socket, visitId);
    QMutexLocker lock(&m_mutex);
    m_refused.remove(socket.id);
}

void SignallingRelay::forgetOld()
{
    const qint64 now = m_uptime.elapsed();
    m_admitted.removeIf([now](QHash<QString, qint64>::iterator it) { return now - it.value() > kRememberMs; });
    m_ended.removeIf([now](QHash<QString, Ended>::iterator it) { return now - it.value().at > kRememberMs; });
}

void SignallingRelay::visitAdmitted(const QString &visitId)
{
    QMutexLocker lock(&m_mutex);
    forgetOld();
    m_admitted.insert(visitId, m_uptime.elapsed());
    auto call = m_calls.find(visitId);
    if (call == m_calls.end())
        return;
    QList<Member> &members = *call;
    for (Member &patient : members) {
        if (patient.inCall || patient.kind != u"patient")
            continue;
        patient.inCall = true;
        QJsonArray peers;
        for (const Member &other : std::as_const(members))
            if (other.inCall && !(other.socket == patient.socket))
                peers.append(other.toJson());
        send(patient.socket,
             {{QStringLiteral("type"), QStringLiteral("admitted")},
              {QStringLiteral("visit"), visitId},
              {QStringLiteral("peers"), peers}});
        for (const Member &other : std::as_const(members))
            if (other.inCall && !(other.socket == patient.socket))
                send(other.socket,
                     {{QStringLiteral("type"), QStringLiteral("peer-joined")},
                      {QStringLiteral("visit"), visitId},
                      {QStringLiteral("peer"), patient.toJson()}});
    }
}

void SignallingRelay::visitEnded(const QString &visitId, const QString &outcome)
{
    QMutexLocker lock(&m_mutex);
    forgetOld();
    m_admitted.remove(visitId);
    m_ended.insert(visitId, {outcome, m_uptime.elapsed()});
    const QList<Member> members = m_calls.take(visitId);
    for (const Member &member : members)
        send(member.socket,
             {{QStringLiteral("type"), QStringLiteral("ended")},
              {QStringLiteral("visit"), visitId},
              {QStringLiteral("outcome"), outcome}});
}

} // namespace nara::video
