// The signalling relay's registry on its own, with real sockets on a loopback QWebSocketServer and
// a SQLite database: the orders of events that a real server reaches only by chance. A join reads
// the visit in its transaction and registers the member afterwards; an admit or an end whose
// relay notice comes in between must still count (the relay remembers them).

#include "../storage/authfixture.h"

#include "auth/core/sessionstore.h"
#include "portal/server/invitations.h"
#include "storage/core/transactionguard.h"
#include "sync/server/eventhub.h"
#include "video/core/visitworkflow.h"
#include "video/server/signallingrelay.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace nara;
using namespace nara::video;

namespace {

// One client socket and the frames it received.
struct Peer
{
    QWebSocket client;
    quint64 id = 0;
    QList<QJsonObject> frames;

    // The first frame of `type`, waiting up to `ms`; empty if none came.
    QJsonObject next(const QString &type, int ms = 3000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor( // on timeout `found` stays empty
            [&] {
                for (qsizetype i = 0; i < frames.size(); ++i)
                    if (frames.at(i).value(QStringLiteral("type")).toString() == type) {
                        found = frames.takeAt(i);
                        return true;
                    }
                return false;
            },
            ms);
        return found;
    }
};

QByteArray joinFrame(const QString &visitId)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("visit"), visitId}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSignallingRelay : public QObject, public test::AuthRepositoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();
    void admitNoticedBeforeTheJoinRegistersLetsThePatientIn();
    void endNoticedBeforeTheJoinRegistersRefusesIt();

private:
    std::unique_ptr<Peer> connectPeer(const auth::Caller &caller);
    void frame(const Peer &peer, const auth::Caller &caller, const QByteArray &bytes)
    {
        m_relay->frameReceived(*m_context, {&m_hub, m_channel.get(), peer.id}, caller, bytes);
    }
    QString book(const QString &patientId);

    sync::EventHub m_hub;
    std::optional<WorkerContext> m_context;
    std::unique_ptr<SignallingRelay> m_relay;
    std::unique_ptr<sync::EventChannel> m_channel;
    std::unique_ptr<QWebSocketServer> m_server;
    QString m_itemId;
};

void TestSignallingRelay::initTestCase_data()
{
    // The registry does not depend on the database: SQLite only.
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
}

void TestSignallingRelay::init()
{
    openDatabase(QStringLiteral("relay"));
    seed();
    m_context.emplace(WorkerContext{*m_db, m_clock, 0, {}});
    m_relay = std::make_unique<SignallingRelay>(IceSettings{});
    m_hub.setFrameHandler(m_relay.get());
    m_channel = std::make_unique<sync::EventChannel>(m_hub, *m_context);
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("relay"), QWebSocketServer::NonSecureMode);
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
}

void TestSignallingRelay::cleanup()
{
    m_channel.reset(); // its sockets leave their calls
    m_server.reset();
    m_relay.reset();
    m_context.reset();
    closeDatabase();
}

std::unique_ptr<Peer> TestSignallingRelay::connectPeer(const auth::Caller &caller)
{
    auto peer = std::make_unique<Peer>();
    Peer *raw = peer.get();
    QObject::connect(&peer->client, &QWebSocket::textMessageReceived, [raw](const QString &text) {
        raw->frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    QSignalSpy accepted(m_server.get(), &QWebSocketServer::newConnection);
    peer->client.open(m_server->serverUrl());
    if (!accepted.wait(3000))
        return {};
    if (!QTest::qWaitFor([&] { return peer->client.state() == QAbstractSocket::ConnectedState; }, 3000))
        return {};
    // The test hands frames to the relay itself: the channel's session check is not involved.
    peer->id = m_channel->adopt(std::unique_ptr<QWebSocket>(m_server->nextPendingConnection()), caller, {});
    return peer;
}

QString TestSignallingRelay::book(const QString &patientId)
{
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto booked = VisitWorkflow(*m_db).book(staffCaller(u"åsa.öberg"_qs),
                                            {patientId, {}, m_clock.nowMs() + 60 * 60 * 1000, u"Uppföljning"_qs, {}},
                                            m_clock.nowMs());
    if (!booked || !transaction->commit())
        return {};
    m_itemId = booked->visit.itemId;
    return booked->visit.id;
}

// The join read "waiting" (not admitted) in its transaction; the admit committed and its notice
// reached the relay before the join registered. Before the fix the patient stayed in the waiting
// room while the database said in call.
void TestSignallingRelay::admitNoticedBeforeTheJoinRegistersLetsThePatientIn()
{
    const QString visitId = book(u"p-asa"_qs);
    QVERIFY(!visitId.isEmpty());
    portal::Invitations invitations(*m_db, m_clock);
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    auto invited = invitations.create(asa, u"p-asa"_qs, m_itemId, m_clock.nowMs() + 24 * 60 * 60 * 1000);
    QVERIFY(invited);
    QVERIFY(transaction->commit());
    auto session = invitations.exchange(invited->token);
    QVERIFY(session);
    auth::Caller patient;
    patient.kind = auth::Caller::Kind::Patient;
    patient.id = u"p-asa"_qs;
    patient.displayName = session->patientName;
    patient.sessionHash = auth::SessionStore::hashToken(session->token.toUtf8());

    auto staffPeer = connectPeer(asa);
    auto patientPeer = connectPeer(patient);
    QVERIFY(staffPeer && patientPeer);
    frame(*staffPeer, asa, joinFrame(visitId));
    QVERIFY(!staffPeer->next(QStringLiteral("joined")).isEmpty());

    m_relay->visitAdmitted(visitId); // nobody waits in the relay yet
    frame(*patientPeer, patient, joinFrame(visitId));
    const QJsonObject joined = patientPeer->next(QStringLiteral("joined"));
    QCOMPARE(joined.value(QStringLiteral("admitted")).toBool(), true);
    QCOMPARE(joined.value(QStringLiteral("peers")).toArray().size(), 1);
    QCOMPARE(staffPeer->next(QStringLiteral("peer-joined"))
                 .value(QStringLiteral("peer"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             u"patient:p-asa"_qs);
    QVERIFY(staffPeer->next(QStringLiteral("waiting"), 200).isEmpty());
}

// A staff join read "not ended"; the end committed and its notice reached the relay first. Before
// the fix the join registered into a call that no longer existed.
void TestSignallingRelay::endNoticedBeforeTheJoinRegistersRefusesIt()
{
    const QString visitId = book(u"p-asa"_qs);
    QVERIFY(!visitId.isEmpty());
    const auth::Caller asa = staffCaller(u"åsa.öberg"_qs);
    auto staffPeer = connectPeer(asa);
    QVERIFY(staffPeer);
    m_relay->visitEnded(visitId, u"phone_instead"_qs);
    frame(*staffPeer, asa, joinFrame(visitId));
    QCOMPARE(staffPeer->next(QStringLiteral("ended")).value(QStringLiteral("outcome")).toString(), u"phone_instead"_qs);
    QCOMPARE(staffPeer->next(QStringLiteral("error")).value(QStringLiteral("status")).toInt(), 404);
    QVERIFY(staffPeer->next(QStringLiteral("joined"), 200).isEmpty());
}

QTEST_GUILESS_MAIN(TestSignallingRelay)
#include "tst_signallingrelay.moc"
