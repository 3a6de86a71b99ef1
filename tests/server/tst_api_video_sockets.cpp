// Scenario tests against a real nara-server: what keeps an /api/v1/events socket in check — its
// session is checked again for every frame (a logout ends its access), floods close it, refusals
// are audited once per socket and visit, a receiver that does not read is dropped, and a join for
// an ended visit is refused. The fixture is videoapifixture.h.

#include "videoapifixture.h"

#include <QTcpSocket>

using namespace nara::test;

namespace {

// A masked client text frame (RFC 6455 §5.2), for a socket the test drives by hand.
QByteArray clientTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

QJsonObject leaveFrame(const QString &visit)
{
    return {{QStringLiteral("type"), QStringLiteral("leave")}, {QStringLiteral("visit"), visit}};
}

} // namespace

class TestApiVideoSockets : public QObject, public VideoApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loggedOutStaffSocketIsClosed();
    void loggedOutPatientSocketIsClosed();
    void floodClosesTheSocket();
    void refusalsAreAuditedOncePerSocketAndVisit();
    void receiverThatDoesNotReadIsDropped();
    void joinForAnEndedVisitIsRefused();
    void cleanupTestCase() { m_server.terminate(); }
};

void TestApiVideoSockets::initTestCase()
{
    startServerKnowingStaff();
}

void TestApiVideoSockets::loggedOutStaffSocketIsClosed()
{
    const Booked booked = book(m_patients.at(1), {m_lenaId});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    // Anna on a session of her own, which she then ends; lena stays.
    const QByteArray session = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    QVERIFY(!session.isEmpty());
    CallClient anna;
    CallClient lena;
    QVERIFY(anna.open(m_server.url(), session));
    QVERIFY(lena.open(m_server.url(), m_lena));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    lena.join(visitId);
    QVERIFY(!lena.next(QStringLiteral("joined")).isEmpty());
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());

    TestHttp http(m_server.url());
    http.setToken(session);
    QCOMPARE(http.post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
    // Her next frame: the socket is closed as a policy violation, and she is out of the call.
    anna.join(visitId);
    QVERIFY(anna.waitClosed());
    QCOMPARE(anna.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(anna.count(QStringLiteral("joined")), 0);
    QCOMPARE(lena.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(), u"staff:" + m_annaId);
    lena.send(signalTo(visitId, u"staff:" + m_annaId, {{QStringLiteral("candidate"), QJsonObject{}}}));
    QTest::qWait(300);
    QCOMPARE(anna.count(QStringLiteral("signal")), 0);
    // The same token cannot open another socket.
    CallClient again;
    QVERIFY(again.open(m_server.url(), session));
    QVERIFY(again.waitClosed());
    QCOMPARE(again.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestApiVideoSockets::loggedOutPatientSocketIsClosed()
{
    // A portal session ends the same way (POST /api/v1/auth/logout takes any session).
    const Booked booked = book(m_patients.at(2));
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    const QByteArray patientToken = patientSession(booked.invitation.value(QStringLiteral("token")).toString());
    QVERIFY(!patientToken.isEmpty());
    CallClient anna;
    CallClient patient;
    QVERIFY(anna.open(m_server.url(), m_anna));
    QVERIFY(patient.open(m_server.url(), patientToken));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    patient.join(visitId);
    QVERIFY(!patient.next(QStringLiteral("joined")).isEmpty());
    const QString patientPeer = anna.next(QStringLiteral("waiting"))
                                    .value(QStringLiteral("patient"))
                                    .toObject()
                                    .value(QStringLiteral("id"))
                                    .toString();
    QVERIFY(!patientPeer.isEmpty());

    TestHttp http(m_server.url());
    http.setToken(patientToken);
    QCOMPARE(http.post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
    patient.send(leaveFrame(QStringLiteral("00000000-0000-4000-8000-000000000001")));
    QVERIFY(patient.waitClosed());
    QCOMPARE(patient.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    // Out of the waiting room: staff hear of it, and an admit finds nobody to let in.
    QCOMPARE(anna.next(QStringLiteral("peer-left")).value(QStringLiteral("peer")).toString(), patientPeer);
    QCOMPARE(patient.count(QStringLiteral("admitted")), 0);
}

void TestApiVideoSockets::floodClosesTheSocket()
{
    const Booked booked = book(m_patients.at(3), {m_lenaId});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    // A burst of ICE candidates (80 frames at once) passes, every one relayed.
    CallClient anna;
    CallClient lena;
    QVERIFY(anna.open(m_server.url(), m_anna));
    QVERIFY(lena.open(m_server.url(), m_lena));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    lena.join(visitId);
    QVERIFY(!lena.next(QStringLiteral("joined")).isEmpty());
    for (int i = 0; i < 80; ++i)
        anna.send(signalTo(visitId, u"staff:" + m_lenaId,
                           {{QStringLiteral("candidate"), QJsonObject{{QStringLiteral("n"), i}}}}));
    for (int i = 0; i < 80; ++i)
        QCOMPARE(lena.next(QStringLiteral("signal"))
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("candidate"))
                     .toObject()
                     .value(QStringLiteral("n")),
                 QJsonValue(i));
    QVERIFY(anna.isOpen());

    // A flood does not: 400 frames at once close the socket.
    CallClient flooder;
    QVERIFY(flooder.open(m_server.url(), m_karin));
    for (int i = 0; i < 400; ++i)
        flooder.send(leaveFrame(visitId));
    QVERIFY(flooder.waitClosed());
    QCOMPARE(flooder.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestApiVideoSockets::refusalsAreAuditedOncePerSocketAndVisit()
{
    const Booked booked = book(m_patients.at(4));
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    // Karin (Teleborg) is no participant: fifty refused joins, fifty answers, one audit row.
    CallClient karin;
    QVERIFY(karin.open(m_server.url(), m_karin));
    for (int i = 0; i < 50; ++i)
        karin.join(visitId);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(karin.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(auditRows(QStringLiteral("denied"), QStringLiteral("join visit:") + visitId, QStringLiteral("denied")), 1);
    // Another socket is another row, again only one.
    CallClient second;
    QVERIFY(second.open(m_server.url(), m_karin));
    for (int i = 0; i < 30; ++i)
        second.send(signalTo(visitId, u"staff:" + m_annaId, {{QStringLiteral("candidate"), QJsonObject{}}}));
    for (int i = 0; i < 30; ++i)
        QCOMPARE(second.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(auditRows(QStringLiteral("denied"), QStringLiteral("signal visit:") + visitId, QStringLiteral("denied")),
             1);
}

void TestApiVideoSockets::receiverThatDoesNotReadIsDropped()
{
    const Booked booked = book(m_patients.at(6), {m_lenaId});
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    // Lena's socket by hand: the upgrade, a join, and then nothing more is read.
    QTcpSocket lena;
    lena.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    lena.setReadBufferSize(4096);
    lena.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_server.url().port()));
    QVERIFY(lena.waitForConnected(5000));
    lena.write("GET /api/v1/events?token=" + m_lena
               + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
        lena.waitForReadyRead(100);
        answer += lena.readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
    CallClient anna;
    QVERIFY(anna.open(m_server.url(), m_anna));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    lena.write(clientTextFrame(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("visit"), visitId}})
            .toJson(QJsonDocument::Compact)));
    QVERIFY(lena.waitForBytesWritten(2000));
    QVERIFY(!anna.next(QStringLiteral("peer-joined")).isEmpty());

    // Anna sends large signals (within the flood limit); lena reads none: the server drops her
    // socket instead of queueing without end, and anna hears she left.
    const QString blob(60 * 1024, u'x');
    timer.restart();
    bool dropped = false;
    int sent = 0;
    while (!dropped && timer.elapsed() < 20000) {
        for (int i = 0; i < (sent == 0 ? 60 : 2); ++i, ++sent)
            anna.send(signalTo(visitId, u"staff:" + m_lenaId,
                               {{QStringLiteral("sdp"), QJsonObject{{QStringLiteral("sdp"), blob}}}}));
        dropped = !anna.next(QStringLiteral("peer-left"), 150).isEmpty();
    }
    QVERIFY2(dropped, qPrintable(QStringLiteral("still there after %1 signals").arg(sent)));
    QVERIFY(anna.isOpen());
}

void TestApiVideoSockets::joinForAnEndedVisitIsRefused()
{
    const Booked booked = book(m_patients.at(7));
    const QString visitId = booked.visit.value(QStringLiteral("id")).toString();
    QVERIFY(!visitId.isEmpty());
    CallClient anna;
    QVERIFY(anna.open(m_server.url(), m_anna));
    anna.join(visitId);
    QVERIFY(!anna.next(QStringLiteral("joined")).isEmpty());
    TestHttp http(m_server.url());
    http.setToken(m_anna);
    QCOMPARE(http.postJson(QStringLiteral("/api/v1/visits/%1/end").arg(visitId),
                           {{QStringLiteral("outcome"), QStringLiteral("phone_instead")}})
                 .status,
             200);
    QCOMPARE(anna.next(QStringLiteral("ended")).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("phone_instead"));
    // Joining again, on this socket or a new one, is refused; nobody is in a call.
    anna.join(visitId);
    QCOMPARE(anna.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    CallClient again;
    QVERIFY(again.open(m_server.url(), m_anna));
    again.join(visitId);
    QCOMPARE(again.next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(!again.sawAny(QStringLiteral("joined")));
    QVERIFY(anna.none(QStringLiteral("joined")));
}

QTEST_GUILESS_MAIN(TestApiVideoSockets)
#include "tst_api_video_sockets.moc"
