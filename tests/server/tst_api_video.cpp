// Scenario tests against a real nara-server: video visits over REST and their signalling over the
// /api/v1/events WebSocket, with staff of two units and a patient from the portal — booking, the
// waiting room, admission, relayed signals and chat, drops and rejoins, the end, and every refusal.

#include "apifixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QWebSocket>

using namespace nara::test;

namespace {

constexpr qint64 kHour = 60 * 60 * 1000;

// One end of /api/v1/events: keeps every frame it receives, and finds them by type.
class CallClient
{
public:
    CallClient()
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    }

    bool open(const QUrl &server, const QByteArray &token)
    {
        QUrl url = server;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/events"));
        url.setQuery(QStringLiteral("token=") + QString::fromUtf8(token));
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(url);
        return connected.wait(5000);
    }
    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    void join(const QString &visit, const QJsonObject &readiness = {})
    {
        QJsonObject frame{{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("visit"), visit}};
        if (!readiness.isEmpty())
            frame.insert(QStringLiteral("readiness"), readiness);
        send(frame);
    }
    // The next unseen frame of `type` (waits up to `ms`); empty if none came.
    QJsonObject next(const QString &type, int ms = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            for (qsizetype i = 0; i < m_frames.size(); ++i)
                if (m_frames.at(i).value(QStringLiteral("type")).toString() == type)
                    return m_frames.takeAt(i);
            if (timer.elapsed() > ms)
                return {};
            QTest::qWait(20);
        }
    }
    // True when no frame of `type` arrives within `ms`.
    bool none(const QString &type, int ms = 400) { return next(type, ms).isEmpty(); }
    bool sawAny(const QString &type) const
    {
        return std::any_of(m_frames.begin(), m_frames.end(),
                           [&](const QJsonObject &f) { return f.value(QStringLiteral("type")).toString() == type; });
    }
    void close()
    {
        QSignalSpy closed(&m_socket, &QWebSocket::disconnected);
        m_socket.close();
        closed.wait(3000);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
};

QJsonObject signalTo(const QString &visit, const QString &peer, const QJsonObject &data)
{
    return {{QStringLiteral("type"), QStringLiteral("signal")},
            {QStringLiteral("visit"), visit},
            {QStringLiteral("to"), peer},
            {QStringLiteral("data"), data}};
}

QStringList peerIds(const QJsonArray &peers)
{
    QStringList ids;
    for (const QJsonValue &peer : peers)
        ids.append(peer.toObject().value(QStringLiteral("id")).toString());
    ids.sort();
    return ids;
}

} // namespace

class TestApiVideo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directoryListsStaffOfEveryUnit();
    void bookingValidates();
    void visitFromBookingToEnd();
    void strangersAreRefused();
    void anotherVisitsPatientIsRefused();
    void malformedFramesAndUnknownPeers();
    void rejoinReplacesTheOldSocket();
    void restartEmptiesTheWaitingRoom(); // last: restarts the server
    void cleanupTestCase() { m_server.terminate(); }

private:
    struct Booked
    {
        QJsonObject visit;
        QJsonObject item;
        QJsonObject invitation;
    };
    Booked book(const QString &patientId, const QStringList &participants = {});
    QByteArray patientSession(const QString &invitationToken);
    int auditRows(const QString &action, const QString &object, const QString &outcome = QStringLiteral("ok"));

    // Four workers: the sockets of one call land on different worker threads, so frames cross them.
    ServerProcess m_server{{QStringLiteral("--demo"), QStringLiteral("--workers"), QStringLiteral("4"),
                            QStringLiteral("--ice-server"),
                            QStringLiteral("stun:stun.example.se:3478,turn:turn.example.se:3478"),
                            QStringLiteral("--turn-secret"), QStringLiteral("north-secret")}};
    QByteArray m_anna;
    QByteArray m_lena;
    QByteArray m_karin;
    QString m_annaId;
    QString m_lenaId;
    QStringList m_patients; // Falkenberg patients anna may see
};

void TestApiVideo::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    TestHttp http(m_server.url());
    m_anna = http.login(QStringLiteral("anna"));
    m_lena = TestHttp(m_server.url()).login(QStringLiteral("lena"));
    m_karin = TestHttp(m_server.url()).login(QStringLiteral("karin"));
    QVERIFY(!m_anna.isEmpty() && !m_lena.isEmpty() && !m_karin.isEmpty());
    for (const QJsonObject &change : syncAll(http))
        if (change.value(QStringLiteral("entity")).toString() == u"patient")
            m_patients.append(change.value(QStringLiteral("id")).toString());
    m_patients.removeDuplicates();
    QVERIFY(m_patients.size() > 10);
}

TestApiVideo::Booked TestApiVideo::book(const QString &patientId, const QStringList &participants)
{
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    QJsonObject body{{QStringLiteral("startsAt"), QDateTime::currentMSecsSinceEpoch() + kHour},
                     {QStringLiteral("reason"), QStringLiteral("Videobesök: uppföljning")},
                     {QStringLiteral("participantIds"), QJsonArray::fromStringList(participants)}};
    if (!patientId.isEmpty())
        body.insert(QStringLiteral("patientId"), patientId);
    const HttpReply reply = anna.postJson(QStringLiteral("/api/v1/visits"), body);
    if (reply.status != 201) {
        qWarning() << "booking:" << reply.status << reply.body;
        return {};
    }
    const QJsonObject json = reply.json();
    return {json.value(QStringLiteral("visit")).toObject(), json.value(QStringLiteral("item")).toObject(),
            json.value(QStringLiteral("invitation")).toObject()};
}

QByteArray TestApiVideo::patientSession(const QString &invitationToken)
{
    const HttpReply reply = TestHttp(m_server.url())
                                .postJson(QStringLiteral("/api/v1/portal/session"),
                                          QJsonObject{{QStringLiteral("invitation"), invitationToken}});
    return reply.status == 200 ? reply.json().value(QStringLiteral("token")).toString().toUtf8() : QByteArray();
}

int TestApiVideo::auditRows(const QString &action, const QString &object, const QString &outcome)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit-video"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/nara.db"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object = ? AND outcome = ?"));
            query.addBindValue(action);
            query.addBindValue(object);
            query.addBindValue(outcome);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit-video"));
    return count;
}

void TestApiVideo::directoryListsStaffOfEveryUnit()
{
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const HttpReply reply = anna.get(QStringLiteral("/api/v1/staff/directory"));
    QCOMPARE(reply.status, 200);
    const QJsonArray staff = reply.json().value(QStringLiteral("staff")).toArray();
    QCOMPARE(staff.size(), 8);
    for (const QJsonValue &value : staff) {
        const QJsonObject s = value.toObject();
        if (s.value(QStringLiteral("displayName")).toString() == u"Lena Berg") {
            m_lenaId = s.value(QStringLiteral("id")).toString();
            QCOMPARE(s.value(QStringLiteral("role")).toString(), QStringLiteral("municipal_nurse"));
            QCOMPARE(s.value(QStringLiteral("units")).toArray(),
                     QJsonArray{QStringLiteral("Hemsjukvården Falkenbergs kommun")});
            QCOMPARE(s.value(QStringLiteral("unitIds")).toArray(), QJsonArray{QStringLiteral("unit-hemsjukvard")});
        }
        if (s.value(QStringLiteral("displayName")).toString() == u"Anna Lindqvist")
            m_annaId = s.value(QStringLiteral("id")).toString();
        QVERIFY(!s.contains(QStringLiteral("username"))); // names and roles, nothing to log in with
    }
    QVERIFY(!m_lenaId.isEmpty() && !m_annaId.isEmpty());
    QCOMPARE(TestHttp(m_server.url()).get(QStringLiteral("/api/v1/staff/directory")).status, 401);
}

void TestApiVideo::bookingValidates()
{
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const qint64 startsAt = QDateTime::currentMSecsSinceEpoch() + kHour;
    const QString patient = m_patients.constFirst();
    const auto status = [&](const QJsonObject &body) {
        return anna.postJson(QStringLiteral("/api/v1/visits"), body).status;
    };
    QCOMPARE(status({{QStringLiteral("reason"), QStringLiteral("r")}}), 400); // no startsAt
    QCOMPARE(status({{QStringLiteral("startsAt"), startsAt}}), 400); // no reason
    QCOMPARE(
        status({{QStringLiteral("startsAt"), QStringLiteral("soon")}, {QStringLiteral("reason"), QStringLiteral("r")}}),
        400);
    QCOMPARE(status({{QStringLiteral("startsAt"), startsAt},
                     {QStringLiteral("reason"), QStringLiteral("r")},
                     {QStringLiteral("participantIds"), QJsonArray{42}}}),
             400);
    // The booker, three colleagues and the patient: five.
    QCOMPARE(status({{QStringLiteral("startsAt"), startsAt},
                     {QStringLiteral("reason"), QStringLiteral("r")},
                     {QStringLiteral("patientId"), patient},
                     {QStringLiteral("participantIds"),
                      QJsonArray{QStringLiteral("staff-erik"), QStringLiteral("staff-sara"),
                                 QStringLiteral("staff-lena")}}}),
             400);
    // A patient anna's unit does not know: 404, and the refusal is logged.
    TestHttp karin(m_server.url());
    karin.setToken(m_karin);
    QCOMPARE(karin
                 .postJson(QStringLiteral("/api/v1/visits"),
                           {{QStringLiteral("startsAt"), startsAt},
                            {QStringLiteral("reason"), QStringLiteral("r")},
                            {QStringLiteral("patientId"), patient}})
                 .status,
             404);
    // The patient's portal token cannot book.
    TestHttp nobody(m_server.url());
    QCOMPARE(nobody.postJson(QStringLiteral("/api/v1/visits"), {}).status, 401);
}

void TestApiVideo::visitFromBookingToEnd()
{
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    TestHttp lena(m_server.url());
    lena.setToken(m_lena);
    const QString patientId = m_patients.at(3);

    // An open thread with the patient: the booking posts the link there.
    const HttpReply chat = anna.postJson(QStringLiteral("/api/v1/chats"),
                                         {{QStringLiteral("patientId"), patientId},
                                          {QStringLiteral("title"), QStringLiteral("Blodtryck")},
                                          {QStringLiteral("body"), QStringLiteral("Vi bokar ett videobesök.")}});
    QCOMPARE(chat.status, 201);
    const QString threadId
        = chat.json().value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString();

    const Booked booked = book(patientId, {m_lenaId});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    const qint64 startsAt = booked.visit.value(QStringLiteral("startsAt")).toInteger();
    QCOMPARE(booked.visit.value(QStringLiteral("state")).toString(), QStringLiteral("booked"));
    QCOMPARE(booked.visit.value(QStringLiteral("participants")).toArray().size(), 3);
    QCOMPARE(booked.visit.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    QCOMPARE(booked.item.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
    QCOMPARE(booked.item.value(QStringLiteral("dueAt")).toInteger(), startsAt);
    QCOMPARE(booked.item.value(QStringLiteral("ownerId")).toString(), m_annaId);
    QCOMPARE(booked.invitation.value(QStringLiteral("expiresAt")).toInteger(), startsAt + 24 * kHour);
    const QString invitation = booked.invitation.value(QStringLiteral("token")).toString();
    QVERIFY(
        booked.invitation.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/portal/#") + invitation));
    // The link went to the patient's thread as anna's message.
    const QJsonArray messages = anna.get(QStringLiteral("/api/v1/items/%1/messages").arg(threadId))
                                    .json()
                                    .value(QStringLiteral("messages"))
                                    .toArray();
    QVERIFY(std::any_of(messages.begin(), messages.end(), [&](const QJsonValue &m) {
        return m.toObject().value(QStringLiteral("body")).toString().contains(invitation);
    }));

    // Lena, of municipal home care, sees the visit and its item through sync.
    const QList<QJsonObject> lenaChanges = syncAll(lena);
    QVERIFY(std::any_of(lenaChanges.begin(), lenaChanges.end(), [&](const QJsonObject &c) {
        return c.value(QStringLiteral("entity")).toString() == u"visit"
            && c.value(QStringLiteral("id")).toString() == visitId;
    }));
    QVERIFY(itemsIn(lenaChanges).contains(booked.item.value(QStringLiteral("id")).toString()));
    QCOMPARE(lena.get(QStringLiteral("/api/v1/visits/") + visitId).status, 200);
    const HttpReply ice = lena.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId));
    QCOMPARE(ice.status, 200);
    const QJsonArray iceServers = ice.json().value(QStringLiteral("iceServers")).toArray();
    QCOMPARE(iceServers.size(), 2);
    QVERIFY(iceServers.at(1).toObject().value(QStringLiteral("username")).toString().endsWith(u":staff:" + m_lenaId));

    // The patient opens the link: a portal session bound to the visit.
    const QByteArray patientToken = patientSession(invitation);
    QVERIFY(!patientToken.isEmpty());
    QVERIFY(patientSession(invitation).isEmpty()); // used once
    TestHttp portal(m_server.url());
    portal.setToken(patientToken);
    const HttpReply portalVisit = portal.get(QStringLiteral("/api/v1/portal/visit"));
    QCOMPARE(portalVisit.status, 200);
    QCOMPARE(portalVisit.json().value(QStringLiteral("id")).toString(), visitId);
    QCOMPARE(portalVisit.json().value(QStringLiteral("staff")).toArray(),
             (QJsonArray{QStringLiteral("Anna Lindqvist"), QStringLiteral("Lena Berg")}));
    QCOMPARE(portal.get(QStringLiteral("/api/v1/visits/") + visitId).status, 403); // staff route
    // The portal's thread is the patient's chat (with the link), not the visit's item.
    const HttpReply thread = portal.get(QStringLiteral("/api/v1/portal/thread"));
    QCOMPARE(thread.status, 200);
    QCOMPARE(thread.json().value(QStringLiteral("itemId")).toString(), threadId);

    // Anna and lena join the call.
    CallClient annaCall;
    CallClient lenaCall;
    CallClient patientCall;
    QVERIFY(annaCall.open(m_server.url(), m_anna));
    QVERIFY(lenaCall.open(m_server.url(), m_lena));
    QVERIFY(patientCall.open(m_server.url(), patientToken));
    annaCall.join(visitId);
    const QJsonObject annaJoined = annaCall.next(QStringLiteral("joined"));
    QCOMPARE(annaJoined.value(QStringLiteral("self")).toString(), u"staff:" + m_annaId);
    QCOMPARE(annaJoined.value(QStringLiteral("admitted")).toBool(), true);
    QCOMPARE(annaJoined.value(QStringLiteral("peers")).toArray().size(), 0);
    QCOMPARE(annaJoined.value(QStringLiteral("iceServers")).toArray().size(), 2);
    lenaCall.join(visitId);
    const QJsonObject lenaJoined = lenaCall.next(QStringLiteral("joined"));
    QCOMPARE(peerIds(lenaJoined.value(QStringLiteral("peers")).toArray()), QStringList{u"staff:" + m_annaId});
    const QJsonObject lenaArrives = annaCall.next(QStringLiteral("peer-joined"));
    QCOMPARE(lenaArrives.value(QStringLiteral("peer")).toObject().value(QStringLiteral("id")).toString(),
             u"staff:" + m_lenaId);
    QCOMPARE(lenaArrives.value(QStringLiteral("peer")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Lena Berg"));

    // The patient enters the waiting room, camera and microphone ready.
    const QString patientPeer = u"patient:" + patientId;
    patientCall.join(visitId, {{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), true}});
    const QJsonObject patientJoined = patientCall.next(QStringLiteral("joined"));
    QCOMPARE(patientJoined.value(QStringLiteral("self")).toString(), patientPeer);
    QCOMPARE(patientJoined.value(QStringLiteral("admitted")).toBool(), false);
    QCOMPARE(patientJoined.value(QStringLiteral("peers")).toArray().size(), 0);
    for (CallClient *staff : {&annaCall, &lenaCall}) {
        const QJsonObject waiting = staff->next(QStringLiteral("waiting"));
        QCOMPARE(waiting.value(QStringLiteral("patient")).toObject().value(QStringLiteral("id")).toString(),
                 patientPeer);
        QVERIFY(waiting.value(QStringLiteral("since")).toInteger() > 0);
        QCOMPARE(waiting.value(QStringLiteral("readiness")).toObject().value(QStringLiteral("camera")).toBool(), true);
    }
    const QJsonObject waitingVisit = anna.get(QStringLiteral("/api/v1/visits/") + visitId).json();
    QCOMPARE(waitingVisit.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
    QVERIFY(waitingVisit.value(QStringLiteral("patientWaitingSince")).toInteger() > 0);
    QVERIFY(waitingVisit.value(QStringLiteral("patientArrivedAt")).toInteger() > 0);
    QCOMPARE(waitingVisit.value(QStringLiteral("readiness")).toObject().value(QStringLiteral("microphone")).toBool(),
             true);
    // Workstations hear of the arrival by push; the patient's socket carries no sequence hints.
    QVERIFY(!annaCall.next(QStringLiteral("seq")).isEmpty());
    QVERIFY(patientCall.none(QStringLiteral("seq")));
    // A waiting patient can neither send nor receive signals.
    patientCall.send(signalTo(visitId, u"staff:" + m_annaId, {{QStringLiteral("sdp"), QJsonObject{}}}));
    QCOMPARE(patientCall.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(annaCall.none(QStringLiteral("signal")));
    annaCall.send(signalTo(visitId, patientPeer,
                           {{QStringLiteral("sdp"), QJsonObject{{QStringLiteral("type"), QStringLiteral("offer")}}}}));
    QVERIFY(patientCall.none(QStringLiteral("signal")));

    // Admission: the patient hears it, the others get the patient as a new peer (and offer).
    const HttpReply admitted = anna.postJson(QStringLiteral("/api/v1/visits/%1/admit").arg(visitId), {});
    QCOMPARE(admitted.status, 200);
    QCOMPARE(admitted.json().value(QStringLiteral("state")).toString(), QStringLiteral("in_call"));
    QVERIFY(admitted.json().value(QStringLiteral("admittedAt")).toInteger() > 0);
    QCOMPARE(admitted.json().value(QStringLiteral("patientWaitingSince")).toInteger(), 0);
    QCOMPARE(patientCall.next(QStringLiteral("admitted")).value(QStringLiteral("visit")).toString(), visitId);
    for (CallClient *staff : {&annaCall, &lenaCall})
        QCOMPARE(staff->next(QStringLiteral("peer-joined"))
                     .value(QStringLiteral("peer"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 patientPeer);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/visits/%1/admit").arg(visitId), {}).status, 409); // nobody waits

    // Signals go to the named peer only, unchanged, both ways.
    const QJsonObject offer{{QStringLiteral("sdp"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("offer")},
                                         {QStringLiteral("sdp"), QStringLiteral("v=0\r\n")}}}};
    annaCall.send(signalTo(visitId, patientPeer, offer));
    const QJsonObject atPatient = patientCall.next(QStringLiteral("signal"));
    QCOMPARE(atPatient.value(QStringLiteral("from")).toString(), u"staff:" + m_annaId);
    QCOMPARE(atPatient.value(QStringLiteral("data")).toObject(), offer);
    const QJsonObject answer{{QStringLiteral("sdp"),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("answer")},
                                          {QStringLiteral("sdp"), QStringLiteral("v=0\r\n")}}}};
    patientCall.send(signalTo(visitId, u"staff:" + m_annaId, answer));
    const QJsonObject atAnna = annaCall.next(QStringLiteral("signal"));
    QCOMPARE(atAnna.value(QStringLiteral("from")).toString(), patientPeer);
    QCOMPARE(atAnna.value(QStringLiteral("data")).toObject(), answer);
    QVERIFY(lenaCall.none(QStringLiteral("signal")));

    // Chat goes to every other peer of the call, not back to the sender.
    patientCall.send({{QStringLiteral("type"), QStringLiteral("chat")},
                      {QStringLiteral("visit"), visitId},
                      {QStringLiteral("text"), QStringLiteral("Jag hör er bra")}});
    for (CallClient *staff : {&annaCall, &lenaCall}) {
        const QJsonObject said = staff->next(QStringLiteral("chat"));
        QCOMPARE(said.value(QStringLiteral("text")).toString(), QStringLiteral("Jag hör er bra"));
        QCOMPARE(said.value(QStringLiteral("from")).toString(), patientPeer);
        QVERIFY(said.value(QStringLiteral("at")).toInteger() > 0);
    }
    QVERIFY(patientCall.none(QStringLiteral("chat")));

    // The patient's connection drops: the others hear it; the patient comes back into the call.
    patientCall.close();
    for (CallClient *staff : {&annaCall, &lenaCall})
        QCOMPARE(staff->next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(), patientPeer);
    CallClient rejoined;
    QVERIFY(rejoined.open(m_server.url(), patientToken));
    rejoined.join(visitId);
    const QJsonObject back = rejoined.next(QStringLiteral("joined"));
    QCOMPARE(back.value(QStringLiteral("admitted")).toBool(), true);
    QCOMPARE(peerIds(back.value(QStringLiteral("peers")).toArray()),
             (QStringList{u"staff:" + m_annaId, u"staff:" + m_lenaId}));
    for (CallClient *staff : {&annaCall, &lenaCall})
        QCOMPARE(staff->next(QStringLiteral("peer-joined"))
                     .value(QStringLiteral("peer"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 patientPeer);

    // Only staff of the unit end a visit; lena (another unit) may not.
    QCOMPARE(lena.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                           {{QStringLiteral("outcome"), QStringLiteral("done")}})
                 .status,
             403);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                           {{QStringLiteral("outcome"), QStringLiteral("later")}})
                 .status,
             400);
    const HttpReply ended = anna.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                                          {{QStringLiteral("outcome"), QStringLiteral("follow_up")},
                                           {QStringLiteral("note"), QStringLiteral("Ny kontroll om tre veckor")}});
    QCOMPARE(ended.status, 200);
    for (CallClient *peer : {&annaCall, &lenaCall, &rejoined})
        QCOMPARE(peer->next(QStringLiteral("ended")).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("follow_up"));
    const QJsonObject final = anna.get(QStringLiteral("/api/v1/visits/") + visitId).json();
    QCOMPARE(final.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
    QCOMPARE(final.value(QStringLiteral("outcome")).toString(), QStringLiteral("follow_up"));
    QCOMPARE(final.value(QStringLiteral("note")).toString(), QStringLiteral("Ny kontroll om tre veckor"));
    for (const char *time : {"bookedAt", "patientArrivedAt", "admittedAt", "endedAt"})
        QVERIFY2(final.value(QString::fromLatin1(time)).toInteger() > 0, time);
    QCOMPARE(final.value(QStringLiteral("patientWaitingSince")).toInteger(), 0);
    QVERIFY(final.value(QStringLiteral("admittedAt")).toInteger()
            >= final.value(QStringLiteral("patientArrivedAt")).toInteger());
    QVERIFY(final.value(QStringLiteral("endedAt")).toInteger()
            >= final.value(QStringLiteral("admittedAt")).toInteger());
    const QJsonObject item
        = anna.get(QStringLiteral("/api/v1/items/") + booked.item.value(QStringLiteral("id")).toString()).json();
    QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    // Lena's workstation learns that too.
    QCOMPARE(itemsIn(syncAll(lena))
                 .value(booked.item.value(QStringLiteral("id")).toString())
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("done"));

    // An ended visit refuses everything.
    rejoined.join(visitId);
    QCOMPARE(rejoined.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId), {}).status, 409);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                           {{QStringLiteral("outcome"), QStringLiteral("done")}})
                 .status,
             409);

    // Every join is in the audit log: anna, lena, the patient twice.
    QCOMPARE(auditRows(QStringLiteral("join-call"), QStringLiteral("visit:") + visitId), 4);
    QVERIFY(auditRows(QStringLiteral("denied"), QStringLiteral("join visit:") + visitId, QStringLiteral("denied"))
            >= 1);
    QCOMPARE(auditRows(QStringLiteral("denied"), QStringLiteral("signal visit:") + visitId, QStringLiteral("denied")),
             1);
}

void TestApiVideo::strangersAreRefused()
{
    const Booked booked = book(m_patients.at(5), {m_lenaId});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    // Karin works at Teleborg and takes no part: the visit does not exist for her.
    TestHttp karin(m_server.url());
    karin.setToken(m_karin);
    QCOMPARE(karin.get(QStringLiteral("/api/v1/visits/") + visitId).status, 404);
    QCOMPARE(karin.postJson(QStringLiteral("/api/v1/visits/%1/admit").arg(visitId), {}).status, 404);
    QCOMPARE(karin.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 404);
    QCOMPARE(karin.postJson(QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId), {}).status, 404);
    CallClient stranger;
    QVERIFY(stranger.open(m_server.url(), m_karin));
    stranger.join(visitId);
    const QJsonObject refused = stranger.next(QStringLiteral("error"));
    QCOMPARE(refused.value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(refused.value(QStringLiteral("visit")).toString(), visitId);
    QVERIFY(!stranger.sawAny(QStringLiteral("joined")));
    stranger.join(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QCOMPARE(stranger.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(auditRows(QStringLiteral("denied"), QStringLiteral("join visit:") + visitId, QStringLiteral("denied")), 1);
    QCOMPARE(
        auditRows(QStringLiteral("denied"), QStringLiteral("GET /api/v1/visits/") + visitId, QStringLiteral("denied")),
        1);
    // Karin in the call is not a peer: a signal from a legitimate participant to her goes nowhere.
    CallClient anna;
    QVERIFY(anna.open(m_server.url(), m_anna));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    anna.send(signalTo(visitId, QStringLiteral("staff:staff-karin"), {{QStringLiteral("candidate"), QJsonObject{}}}));
    QVERIFY(stranger.none(QStringLiteral("signal")));
    // No patient waits: nothing to admit.
    TestHttp annaHttp(m_server.url());
    annaHttp.setToken(m_anna);
    QCOMPARE(annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/admit").arg(visitId), {}).status, 409);
    // A new link for the patient; the old one is still good once.
    const HttpReply link = annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId), {});
    QCOMPARE(link.status, 201);
    QVERIFY(!patientSession(link.json().value(QStringLiteral("token")).toString()).isEmpty());
    // Before any call, the visit can become a phone call; the item is done.
    const HttpReply phoned = annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                                               {{QStringLiteral("outcome"), QStringLiteral("phone_instead")}});
    QCOMPARE(phoned.status, 200);
    QCOMPARE(phoned.json().value(QStringLiteral("admittedAt")).toInteger(), 0);
    QCOMPARE(anna.next(QStringLiteral("ended")).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("phone_instead"));
}

void TestApiVideo::anotherVisitsPatientIsRefused()
{
    const Booked first = book(m_patients.at(6));
    const Booked second = book(m_patients.at(7));
    const QString firstId = first.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!firstId.isEmpty());
    const QByteArray otherPatient = patientSession(second.invitation.value(QStringLiteral("token")).toString());
    QVERIFY(!otherPatient.isEmpty());
    CallClient intruder;
    QVERIFY(intruder.open(m_server.url(), otherPatient));
    intruder.join(firstId);
    QCOMPARE(intruder.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    // The first visit's patient, with a session from a plain portal invitation (not the visit's), is refused too.
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    const HttpReply plain = anna.postJson(QStringLiteral("/api/v1/patients/%1/invitations").arg(m_patients.at(6)), {});
    QCOMPARE(plain.status, 201);
    const QByteArray unbound = patientSession(plain.json().value(QStringLiteral("token")).toString());
    QVERIFY(!unbound.isEmpty());
    CallClient patient;
    QVERIFY(patient.open(m_server.url(), unbound));
    patient.join(firstId);
    QCOMPARE(patient.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    TestHttp portal(m_server.url());
    portal.setToken(unbound);
    QCOMPARE(portal.get(QStringLiteral("/api/v1/portal/visit")).status, 404);
    // Nothing was recorded for the refused patient.
    QCOMPARE(anna.get(QStringLiteral("/api/v1/visits/") + firstId)
                 .json()
                 .value(QStringLiteral("patientArrivedAt"))
                 .toInteger(),
             0);
    // A used invitation is gone.
    QVERIFY(patientSession(second.invitation.value(QStringLiteral("token")).toString()).isEmpty());
    QCOMPARE(
        TestHttp(m_server.url())
            .postJson(QStringLiteral("/api/v1/portal/session"),
                      {{QStringLiteral("invitation"), second.invitation.value(QStringLiteral("token")).toString()}})
            .status,
        404);
}

void TestApiVideo::malformedFramesAndUnknownPeers()
{
    const Booked booked = book({}, {QStringLiteral("staff-erik")}); // a consult call between staff
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    QVERIFY(booked.invitation.isEmpty());
    TestHttp erikHttp(m_server.url());
    const QByteArray erikToken = erikHttp.login(QStringLiteral("erik"));
    CallClient anna;
    CallClient erik;
    QVERIFY(anna.open(m_server.url(), m_anna));
    QVERIFY(erik.open(m_server.url(), erikToken));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    erik.join(visitId);
    QVERIFY(!erik.next(QStringLiteral("joined")).isEmpty());
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());

    const QStringList garbage{QStringLiteral("garbage"),
                              QStringLiteral("[]"),
                              QStringLiteral("{\"type\":\"join\"}"),
                              QStringLiteral("{\"type\":\"dance\",\"visit\":\"") + visitId + u"\"}",
                              QStringLiteral("{\"type\":\"chat\",\"visit\":\"") + visitId + u"\",\"text\":\""
                                  + QString(2001, u'x') + u"\"}",
                              QStringLiteral("{\"type\":\"signal\",\"visit\":\"") + visitId
                                  + u"\",\"to\":\"staff:staff-erik\",\"data\":\"x\"}"};
    for (const QString &frame : garbage) {
        anna.sendRaw(frame);
        const QJsonObject error = anna.next(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("status")).toInt(), 400);
        QVERIFY(!error.value(QStringLiteral("title")).toString().isEmpty());
    }
    // Over the frame limit (64 KiB) but not the socket's: refused, the socket stays.
    anna.send(signalTo(visitId, QStringLiteral("staff:staff-erik"),
                       {{QStringLiteral("sdp"), QJsonObject{{QStringLiteral("sdp"), QString(70 * 1024, u'a')}}}}));
    QCOMPARE(anna.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 400);
    QVERIFY(anna.isOpen());
    // Nothing of the garbage reached erik, and the socket still works.
    QVERIFY(erik.none(QStringLiteral("chat")));
    anna.send({{QStringLiteral("type"), QStringLiteral("chat")},
               {QStringLiteral("visit"), visitId},
               {QStringLiteral("text"), QStringLiteral("Ser du såret?")}});
    QCOMPARE(erik.next(QStringLiteral("chat")).value(QStringLiteral("name")).toString(),
             QStringLiteral("Anna Lindqvist"));
    // A signal to a peer who has not joined is not delivered anywhere.
    anna.send(signalTo(visitId, QStringLiteral("staff:staff-sara"), {{QStringLiteral("candidate"), QJsonObject{}}}));
    QVERIFY(erik.none(QStringLiteral("signal")));
    // Erik leaves: anna hears it; his signals are then refused.
    erik.send({{QStringLiteral("type"), QStringLiteral("leave")}, {QStringLiteral("visit"), visitId}});
    QCOMPARE(anna.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(),
             QStringLiteral("staff:staff-erik"));
    erik.send(signalTo(visitId, u"staff:" + m_annaId, {{QStringLiteral("candidate"), QJsonObject{}}}));
    QCOMPARE(erik.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(anna.none(QStringLiteral("signal")));
}

void TestApiVideo::rejoinReplacesTheOldSocket()
{
    const Booked booked = book({}, {QStringLiteral("staff-erik")});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    const QByteArray erikToken = TestHttp(m_server.url()).login(QStringLiteral("erik"));
    CallClient anna;
    CallClient erikOld;
    CallClient erikNew;
    QVERIFY(anna.open(m_server.url(), m_anna));
    QVERIFY(erikOld.open(m_server.url(), erikToken));
    QVERIFY(erikNew.open(m_server.url(), erikToken));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    erikOld.join(visitId);
    QVERIFY(!erikOld.next(QStringLiteral("joined")).isEmpty());
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());
    // Erik's workstation reconnects while the old socket is still open: the new one takes over,
    // and anna hears him leave and come back (so she offers again).
    erikNew.join(visitId);
    const QJsonObject again = erikNew.next(QStringLiteral("joined"));
    QCOMPARE(peerIds(again.value(QStringLiteral("peers")).toArray()), QStringList{u"staff:" + m_annaId});
    QCOMPARE(anna.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(),
             QStringLiteral("staff:staff-erik"));
    QCOMPARE(anna.next(QStringLiteral("peer-joined"))
                 .value(QStringLiteral("peer"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             QStringLiteral("staff:staff-erik"));
    anna.send(signalTo(visitId, QStringLiteral("staff:staff-erik"), {{QStringLiteral("candidate"), QJsonObject{}}}));
    QCOMPARE(erikNew.next(QStringLiteral("signal")).value(QStringLiteral("from")).toString(), u"staff:" + m_annaId);
    QVERIFY(erikOld.none(QStringLiteral("signal")));
    // The old socket closing later does not take the new one out of the call.
    erikOld.close();
    QVERIFY(anna.none(QStringLiteral("peer-left")));
    anna.send({{QStringLiteral("type"), QStringLiteral("chat")},
               {QStringLiteral("visit"), visitId},
               {QStringLiteral("text"), QStringLiteral("Hör du mig nu?")}});
    QVERIFY(!erikNew.next(QStringLiteral("chat")).isEmpty());
}

void TestApiVideo::restartEmptiesTheWaitingRoom()
{
    const Booked booked = book(m_patients.at(8));
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    const QByteArray patientToken = patientSession(booked.invitation.value(QStringLiteral("token")).toString());
    QVERIFY(!patientToken.isEmpty());
    {
        CallClient patient;
        QVERIFY(patient.open(m_server.url(), patientToken));
        patient.join(visitId);
        QCOMPARE(patient.next(QStringLiteral("joined")).value(QStringLiteral("admitted")).toBool(), false);
        QVERIFY2(m_server.restart(), m_server.output().constData()); // a crash: nobody cleaned up
    }
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    // (ServerProcess::start() may return on the first run's "listening" line: wait for the new one.)
    QTRY_COMPARE_WITH_TIMEOUT(anna.get(QStringLiteral("/api/v1/health")).status, 200, 30000);
    const HttpReply reply = anna.get(QStringLiteral("/api/v1/visits/") + visitId);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject visit = reply.json();
    QCOMPARE(visit.value(QStringLiteral("state")).toString(), QStringLiteral("booked"));
    QCOMPARE(visit.value(QStringLiteral("patientWaitingSince")).toInteger(), 0);
    QVERIFY(visit.value(QStringLiteral("patientArrivedAt")).toInteger() > 0);
}

QTEST_GUILESS_MAIN(TestApiVideo)
#include "tst_api_video.moc"
