// Scenario tests against a real nara-server: what video visits refuse — strangers to a visit,
// another visit's patient, a patient without the visit's invitation, a participant of another unit
// inviting, old links, ICE for an ended visit, malformed frames, signals to peers who are not in the call. The life
// cycle is in tst_api_video.cpp; the fixture is videoapifixture.h.

#include "videoapifixture.h"

using namespace nara::test;

class TestApiVideoRefusals : public QObject, public VideoApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void strangersAreRefused();
    void anotherVisitsPatientIsRefused();
    void malformedFramesAndUnknownPeers();
    void cleanupTestCase() { m_server.terminate(); }
};

void TestApiVideoRefusals::initTestCase()
{
    startServerKnowingStaff();
}

void TestApiVideoRefusals::strangersAreRefused()
{
    const Booked booked = book(m_patients.at(5), {m_lenaId, QStringLiteral("staff-erik")});
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
    // Signals from a participant reach only peers in the call: not lena, who has left (her socket
    // is still open), nor karin, who was refused; erik, in the call, gets the control signal sent
    // after them. Frames of one socket are handled in order, so once erik has the control signal the
    // others were handled: they went nowhere.
    const QByteArray erikToken = TestHttp(m_server.url()).login(QStringLiteral("erik"));
    CallClient anna;
    CallClient lenaCall;
    CallClient erikCall;
    QVERIFY(anna.open(m_server.url(), m_anna));
    QVERIFY(lenaCall.open(m_server.url(), m_lena));
    QVERIFY(erikCall.open(m_server.url(), erikToken));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    lenaCall.join(visitId);
    QVERIFY(!lenaCall.next(QStringLiteral("joined")).isEmpty());
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());
    erikCall.join(visitId);
    QVERIFY(!erikCall.next(QStringLiteral("joined")).isEmpty());
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());
    QVERIFY(!lenaCall.next(QStringLiteral("peer-joined")).isEmpty());
    // A signal while lena is in the call does reach her (so her socket would show one).
    anna.send(signalTo(visitId, u"staff:" + m_lenaId, {{QStringLiteral("candidate"), QJsonObject{}}}));
    QCOMPARE(lenaCall.next(QStringLiteral("signal")).value(QStringLiteral("from")).toString(), u"staff:" + m_annaId);
    lenaCall.send({{QStringLiteral("type"), QStringLiteral("leave")}, {QStringLiteral("visit"), visitId}});
    QCOMPARE(anna.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(), u"staff:" + m_lenaId);
    QCOMPARE(erikCall.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(), u"staff:" + m_lenaId);
    QVERIFY(lenaCall.isOpen());
    anna.send(
        signalTo(visitId, u"staff:" + m_lenaId,
                 {{QStringLiteral("candidate"), QJsonObject{{QStringLiteral("candidate"), QStringLiteral("left")}}}}));
    anna.send(signalTo(
        visitId, QStringLiteral("staff:staff-karin"),
        {{QStringLiteral("candidate"), QJsonObject{{QStringLiteral("candidate"), QStringLiteral("stranger")}}}}));
    anna.send(signalTo(
        visitId, QStringLiteral("staff:staff-erik"),
        {{QStringLiteral("candidate"), QJsonObject{{QStringLiteral("candidate"), QStringLiteral("control")}}}}));
    const QJsonObject control = erikCall.next(QStringLiteral("signal"));
    QCOMPARE(control.value(QStringLiteral("from")).toString(), u"staff:" + m_annaId);
    QCOMPARE(control.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("candidate"))
                 .toObject()
                 .value(QStringLiteral("candidate"))
                 .toString(),
             QStringLiteral("control"));
    QVERIFY(lenaCall.none(QStringLiteral("signal")));
    QVERIFY(stranger.none(QStringLiteral("signal")));
    QVERIFY(erikCall.none(QStringLiteral("signal"))); // the control signal came once, nothing else
    QVERIFY(!anna.sawAny(QStringLiteral("error"))); // dropped silently (docs/api/contract.md)
    // No patient waits: nothing to admit.
    TestHttp annaHttp(m_server.url());
    annaHttp.setToken(m_anna);
    QCOMPARE(annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/admit").arg(visitId), {}).status, 409);
    // Lena takes part but works in another unit: she may not invite the patient (404, audited as
    // denied like every refused write).
    TestHttp lenaHttp(m_server.url());
    lenaHttp.setToken(m_lena);
    const QString invitationPath = QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId);
    QCOMPARE(auditRows(QStringLiteral("denied"), u"POST " + invitationPath, QStringLiteral("denied")), 1); // karin's
    QCOMPARE(lenaHttp.get(QStringLiteral("/api/v1/visits/") + visitId).status, 200);
    QCOMPARE(lenaHttp.postJson(invitationPath, {}).status, 404);
    QCOMPARE(auditRows(QStringLiteral("denied"), u"POST " + invitationPath, QStringLiteral("denied")), 2);
    // A new link for the patient replaces the old one: the booking's link (unused) no longer works,
    // so a link that leaked is worth nothing; the new one works once.
    const HttpReply link = annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId), {});
    QCOMPARE(link.status, 201);
    QVERIFY(patientSession(booked.invitation.value(QStringLiteral("token")).toString()).isEmpty());
    const HttpReply another = annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/invitation").arg(visitId), {});
    QCOMPARE(another.status, 201);
    QVERIFY(patientSession(link.json().value(QStringLiteral("token")).toString()).isEmpty());
    QVERIFY(!patientSession(another.json().value(QStringLiteral("token")).toString()).isEmpty());
    QVERIFY(patientSession(another.json().value(QStringLiteral("token")).toString()).isEmpty()); // used once
    // Before any call, the visit can become a phone call; the item is done.
    const HttpReply phoned = annaHttp.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                                               {{QStringLiteral("outcome"), QStringLiteral("phone_instead")}});
    QCOMPARE(phoned.status, 200);
    QCOMPARE(phoned.json().value(QStringLiteral("admittedAt")).toInteger(), 0);
    QCOMPARE(anna.next(QStringLiteral("ended")).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("phone_instead"));
    // An ended visit hands out no ICE servers (no TURN credentials), to anyone.
    QCOMPARE(annaHttp.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 409);
    QCOMPARE(lenaHttp.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 409);
    QCOMPARE(karin.get(QStringLiteral("/api/v1/visits/%1/ice").arg(visitId)).status, 404);
}

void TestApiVideoRefusals::anotherVisitsPatientIsRefused()
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

void TestApiVideoRefusals::malformedFramesAndUnknownPeers()
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

QTEST_GUILESS_MAIN(TestApiVideoRefusals)
#include "tst_api_video_refusals.moc"
