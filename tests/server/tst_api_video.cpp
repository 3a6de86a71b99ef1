// Scenario tests against a real nara-server: video visits over REST and their signalling over the
// /api/v1/events WebSocket, with staff of two units and a patient from the portal — booking, the
// waiting room, admission, relayed signals and chat, drops and rejoins, the end, and a restart.
// The refusals are in tst_api_video_refusals.cpp; the fixture is videoapifixture.h.

#include "videoapifixture.h"

#include <QSet>

using namespace nara::test;

class TestApiVideo : public QObject, public VideoApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startServer(); }
    void directoryListsStaffOfEveryUnit();
    void bookingValidates();
    void visitFromBookingToEnd();
    void rejoinReplacesTheOldSocket();
    void linkGoesToTheThreadOfTheVisitsUnit();
    void restartEmptiesTheWaitingRoom(); // last: restarts the server
    void cleanupTestCase() { m_server.terminate(); }
};

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
    QCOMPARE(anna.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 409); // no TURN credentials
    QCOMPARE(lena.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 409);
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

// The booking posts the link in the patient's open thread of the visit's unit, never in another
// unit's, even when that one is newer.
void TestApiVideo::linkGoesToTheThreadOfTheVisitsUnit()
{
    TestHttp anna(m_server.url());
    anna.setToken(m_anna);
    TestHttp lena(m_server.url());
    lena.setToken(m_lena);
    // Patients of both Falkenberg and municipal home care (lena's unit) without an open thread in either.
    const QList<QJsonObject> lenaChanges = syncAll(lena);
    QHash<QString, QJsonObject> items = itemsIn(syncAll(anna));
    items.insert(itemsIn(lenaChanges));
    QSet<QString> excluded;
    for (const QJsonObject &item : std::as_const(items))
        if (item.value(QStringLiteral("kind")).toString() == u"chat"
            && item.value(QStringLiteral("state")).toString() != u"done")
            excluded.insert(item.value(QStringLiteral("patientId")).toString());
    // (Lena also learns the patients of the visits she takes part in: not home care's.)
    for (const QJsonObject &change : lenaChanges)
        if (change.value(QStringLiteral("entity")).toString() == u"visit")
            excluded.insert(
                change.value(QStringLiteral("data")).toObject().value(QStringLiteral("patientId")).toString());
    QStringList shared;
    for (const QJsonObject &change : lenaChanges) {
        const QString id = change.value(QStringLiteral("id")).toString();
        if (change.value(QStringLiteral("entity")).toString() == u"patient" && m_patients.contains(id)
            && !excluded.contains(id) && !shared.contains(id))
            shared.append(id);
    }
    QVERIFY2(shared.size() >= 2, qPrintable(QString::number(shared.size())));

    const auto startThread = [](TestHttp &staff, const QString &patientId) {
        const HttpReply reply = staff.postJson(QStringLiteral("/api/v1/chats"),
                                               {{QStringLiteral("patientId"), patientId},
                                                {QStringLiteral("title"), QStringLiteral("Såret")},
                                                {QStringLiteral("body"), QStringLiteral("Hur läker såret?")}});
        return reply.status == 201
            ? reply.json().value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString()
            : QString();
    };
    const auto holdsLink = [](TestHttp &staff, const QString &threadId, const QString &token) {
        const QJsonArray messages = staff.get(QStringLiteral("/api/v1/items/%1/messages").arg(threadId))
                                        .json()
                                        .value(QStringLiteral("messages"))
                                        .toArray();
        return std::count_if(messages.begin(), messages.end(), [&](const QJsonValue &m) {
            return m.toObject().value(QStringLiteral("body")).toString().contains(token);
        });
    };

    // A thread in each unit, home care's the newer one: the link goes to Falkenberg's.
    const QString falkenbergThread = startThread(anna, shared.at(0));
    QVERIFY(!falkenbergThread.isEmpty());
    QTest::qWait(5); // a later last activity
    const QString homeCareThread = startThread(lena, shared.at(0));
    QVERIFY(!homeCareThread.isEmpty());
    const Booked both = book(shared.at(0));
    QCOMPARE(both.visit.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    const QString bothToken = both.invitation.value(QStringLiteral("token")).toString();
    QVERIFY(!bothToken.isEmpty());
    QCOMPARE(holdsLink(anna, falkenbergThread, bothToken), 1);
    QCOMPARE(holdsLink(lena, homeCareThread, bothToken), 0);

    // Only a home care thread: no message anywhere, the link is still in the answer.
    const QString onlyHomeCare = startThread(lena, shared.at(1));
    QVERIFY(!onlyHomeCare.isEmpty());
    const Booked other = book(shared.at(1));
    QCOMPARE(other.visit.value(QStringLiteral("unitId")).toString(), kFalkenberg);
    const QString otherToken = other.invitation.value(QStringLiteral("token")).toString();
    QVERIFY(!otherToken.isEmpty());
    QCOMPARE(holdsLink(lena, onlyHomeCare, otherToken), 0);
    const HttpReply thread = lena.get(QStringLiteral("/api/v1/items/") + onlyHomeCare);
    QCOMPARE(thread.status, 200);
    QCOMPARE(thread.json().value(QStringLiteral("unitId")).toString(), QStringLiteral("unit-hemsjukvard"));
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
