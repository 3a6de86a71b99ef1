// Scenario tests against a real nara-server: inbox and chat routes, access by care unit,
// validation, claim arbitration and idempotent writes.

#include "apifixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using namespace nara::test;

class TestApiInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void anotherUnitGets404OnEveryPatientRoute_data();
    void anotherUnitGets404OnEveryPatientRoute();
    void unknownIdsGet404_data();
    void unknownIdsGet404();
    void badBodiesGet400_data();
    void badBodiesGet400();
    void writesNeedAnIdempotencyKey();
    void claimIsArbitrated();
    void lifeCycleThroughTheApi();
    void sameKeySameAnswerOtherBodyConflict();
    void staffNotesNeverReachThePatient();
    void syncShowsOnlyOwnUnits();
    void cleanupTestCase() { m_server.terminate(); }

private:
    int deniedAttempts(const QString &username, const QString &object);
    ServerProcess m_server;
    QHash<QString, QJsonObject> m_items; // Falkenberg's, as anna sees them
    QString m_erikId;
};

int TestApiInbox::deniedAttempts(const QString &username, const QString &object)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit-check"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/nara.db"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'denied' AND outcome = 'denied' "
                               "AND object = ? AND user_id = (SELECT id FROM staff WHERE username = ?)"));
            query.addBindValue(object);
            query.addBindValue(username);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit-check"));
    return count;
}

void TestApiInbox::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    m_items = itemsIn(syncAll(anna));
    QVERIFY(m_items.size() > 50);
    for (const QJsonValue &s :
         anna.get(QStringLiteral("/api/v1/staff")).json().value(QStringLiteral("staff")).toArray())
        if (s.toObject().value(QStringLiteral("username")).toString() == u"erik")
            m_erikId = s.toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!m_erikId.isEmpty());
}

void TestApiInbox::anotherUnitGets404OnEveryPatientRoute_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject item = findItem(m_items, QStringLiteral("new"));
    const QString id = item.value(QStringLiteral("id")).toString();
    const QString patient = item.value(QStringLiteral("patientId")).toString();
    QTest::newRow("get item") << QByteArray("GET") << QStringLiteral("/api/v1/items/%1").arg(id) << QJsonObject{};
    QTest::newRow("claim") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/claim").arg(id) << QJsonObject{};
    QTest::newRow("release") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/release").arg(id)
                             << QJsonObject{};
    QTest::newRow("assign") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/assign").arg(id)
                            << QJsonObject{{QStringLiteral("staffId"), m_erikId}};
    QTest::newRow("close") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/close").arg(id) << QJsonObject{};
    QTest::newRow("reopen") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/reopen").arg(id)
                            << QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}};
    QTest::newRow("read") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/read").arg(id) << QJsonObject{};
    QTest::newRow("messages") << QByteArray("GET") << QStringLiteral("/api/v1/items/%1/messages").arg(id)
                              << QJsonObject{};
    QTest::newRow("reply") << QByteArray("POST") << QStringLiteral("/api/v1/items/%1/messages").arg(id)
                           << QJsonObject{{QStringLiteral("body"), QStringLiteral("Hej")}};
    QTest::newRow("new chat") << QByteArray("POST") << QStringLiteral("/api/v1/chats")
                              << QJsonObject{{QStringLiteral("patientId"), patient},
                                             {QStringLiteral("title"), QStringLiteral("t")},
                                             {QStringLiteral("body"), QStringLiteral("b")}};
    QTest::newRow("invitation") << QByteArray("POST") << QStringLiteral("/api/v1/patients/%1/invitations").arg(patient)
                                << QJsonObject{};
}

void TestApiInbox::anotherUnitGets404OnEveryPatientRoute()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    TestHttp karin(m_server.url()); // a nurse at Teleborg, not Falkenberg
    QVERIFY(!karin.login(QStringLiteral("karin")).isEmpty());
    const HttpReply reply = method == "GET" ? karin.get(path) : karin.postJson(path, body);
    QCOMPARE(reply.status, 404);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/not-found"));
    // Nothing of the patient leaks into the answer.
    for (const QJsonObject &item : std::as_const(m_items))
        QVERIFY(!reply.body.contains(item.value(QStringLiteral("title")).toString().toUtf8()));
    // The refused attempt is in the audit log, with who tried and what (HSLF-FS 2016:40).
    QCOMPARE(deniedAttempts(QStringLiteral("karin"), QString::fromLatin1(method) + u' ' + path.section(u'?', 0, 0)), 1);
}

void TestApiInbox::unknownIdsGet404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("get") << QByteArray("GET") << QStringLiteral("/api/v1/items/00000000-0000-0000-0000-000000000000");
    QTest::newRow("claim") << QByteArray("POST") << QStringLiteral("/api/v1/items/nope/claim");
    QTest::newRow("messages") << QByteArray("GET") << QStringLiteral("/api/v1/items/nope/messages");
    QTest::newRow("invitation") << QByteArray("POST") << QStringLiteral("/api/v1/patients/nope/invitations");
}

void TestApiInbox::unknownIdsGet404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const HttpReply reply = method == "GET" ? anna.get(path) : anna.postJson(path, {});
    QCOMPARE(reply.status, 404);
}

void TestApiInbox::badBodiesGet400_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("malformed JSON") << "messages" << QByteArray("{\"body\": \"Hej");
    QTest::newRow("array body") << "messages" << QByteArray("[1,2]");
    QTest::newRow("body is a number") << "messages" << QByteArray("{\"body\": 42}");
    QTest::newRow("empty body text") << "messages" << QByteArray("{\"body\": \"   \"}");
    QTest::newRow("staffOnly not bool") << "messages" << QByteArray("{\"body\": \"Hej\", \"staffOnly\": \"yes\"}");
    QTest::newRow("text too long") << "messages" << (QByteArray("{\"body\": \"") + QByteArray(10001, 'a') + "\"}");
    QTest::newRow("assign without staff") << "assign" << QByteArray("{}");
    QTest::newRow("assign staff number") << "assign" << QByteArray("{\"staffId\": 7}");
    QTest::newRow("reopen without reason") << "reopen" << QByteArray("{}");
}

void TestApiInbox::badBodiesGet400()
{
    QFETCH(QString, route);
    QFETCH(QByteArray, body);
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const QString id = findItem(m_items, QStringLiteral("done")).value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    const HttpReply reply = anna.post(QStringLiteral("/api/v1/items/%1/%2").arg(id, route), body,
                                      {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
}

void TestApiInbox::writesNeedAnIdempotencyKey()
{
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const QString id = findItem(m_items, QStringLiteral("new")).value(QStringLiteral("id")).toString();
    const HttpReply reply = anna.post(QStringLiteral("/api/v1/items/%1/read").arg(id), "{}");
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json().value(QStringLiteral("detail")).toString().contains(u"Idempotency-Key"));
}

void TestApiInbox::claimIsArbitrated()
{
    TestHttp anna(m_server.url());
    TestHttp erik(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    QVERIFY(!erik.login(QStringLiteral("erik")).isEmpty());
    const QString id = findItem(m_items, QStringLiteral("new")).value(QStringLiteral("id")).toString();
    const HttpReply first = anna.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(id), {});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
    const HttpReply second = erik.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(id), {});
    QCOMPARE(second.status, 409);
    QCOMPARE(problemType(second), QStringLiteral("https://nara.example/problems/conflict"));
    const QJsonObject heldBy = second.json().value(QStringLiteral("heldBy")).toObject();
    QCOMPARE(heldBy.value(QStringLiteral("id")).toString(), first.json().value(QStringLiteral("ownerId")).toString());
    QVERIFY(!heldBy.value(QStringLiteral("displayName")).toString().isEmpty());
    // Claiming one's own item again is harmless.
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(id), {}).status, 200);
    // Released, erik may take it.
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/items/%1/release").arg(id), {}).status, 200);
    QCOMPARE(erik.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(id), {}).status, 200);
}

void TestApiInbox::lifeCycleThroughTheApi()
{
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    QString id;
    for (const QJsonObject &item : std::as_const(m_items))
        if (item.value(QStringLiteral("state")).toString() == u"new"
            && item.value(QStringLiteral("kind")).toString() == u"chat")
            id = item.value(QStringLiteral("id")).toString(); // the last one: not used by other tests
    const auto post = [&](const QString &action, const QJsonObject &body = {}) {
        return anna.postJson(QStringLiteral("/api/v1/items/%1/%2").arg(id, action), body);
    };
    QCOMPARE(post(QStringLiteral("claim")).json().value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
    const HttpReply reply
        = post(QStringLiteral("messages"), {{QStringLiteral("body"), QStringLiteral("Hej! Vi ringer dig i morgon.")}});
    QCOMPARE(reply.status, 201);
    const HttpReply item = anna.get(QStringLiteral("/api/v1/items/%1").arg(id));
    QCOMPARE(item.json().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
    QCOMPARE(item.json().value(QStringLiteral("waitingOn")).toString(), QStringLiteral("patient"));
    QCOMPARE(post(QStringLiteral("close")).json().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    // Done cannot be claimed; reopening needs a reason.
    QCOMPARE(post(QStringLiteral("claim")).status, 409);
    QCOMPARE(post(QStringLiteral("reopen"), {{QStringLiteral("reason"), QStringLiteral("")}}).status, 400);
    const HttpReply reopened
        = post(QStringLiteral("reopen"), {{QStringLiteral("reason"), QStringLiteral("Patienten ringde igen")}});
    QCOMPARE(reopened.status, 200);
    QCOMPARE(reopened.json().value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));
    const HttpReply assigned = post(QStringLiteral("assign"), {{QStringLiteral("staffId"), m_erikId}});
    QCOMPARE(assigned.status, 200);
    QCOMPARE(assigned.json().value(QStringLiteral("ownerId")).toString(), m_erikId);
    // Assigning to someone outside the unit is refused.
    QCOMPARE(
        post(QStringLiteral("assign"), {{QStringLiteral("staffId"), QStringLiteral("no-such-staff")}}).status / 100, 4);
}

void TestApiInbox::sameKeySameAnswerOtherBodyConflict()
{
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const QString id = findItem(m_items, QStringLiteral("in_progress")).value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "reply-key-1"}};
    const QString path = QStringLiteral("/api/v1/items/%1/messages").arg(id);
    const HttpReply first = anna.postJson(
        path, {{QStringLiteral("body"), QStringLiteral("Provsvaret är normalt.")}, {QStringLiteral("staffOnly"), true}},
        key);
    QCOMPARE(first.status, 201);
    const HttpReply again = anna.postJson(
        path, {{QStringLiteral("body"), QStringLiteral("Provsvaret är normalt.")}, {QStringLiteral("staffOnly"), true}},
        key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    const HttpReply other = anna.postJson(path, {{QStringLiteral("body"), QStringLiteral("Något annat")}}, key);
    QCOMPARE(other.status, 409);
    // Exactly one message was stored.
    int copies = 0;
    for (const QJsonValue &m : anna.get(path).json().value(QStringLiteral("messages")).toArray())
        copies += m.toObject().value(QStringLiteral("body")).toString() == u"Provsvaret är normalt.";
    QCOMPARE(copies, 1);
}

void TestApiInbox::staffNotesNeverReachThePatient()
{
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const QJsonObject item = findItem(m_items, QStringLiteral("claimed"));
    QVERIFY(!item.isEmpty());
    const QString id = item.value(QStringLiteral("id")).toString();
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/items/%1/messages").arg(id),
                           {{QStringLiteral("body"), QStringLiteral("INTERN: kolla journalen")},
                            {QStringLiteral("staffOnly"), true}})
                 .status,
             201);
    QCOMPARE(anna.postJson(QStringLiteral("/api/v1/items/%1/messages").arg(id),
                           {{QStringLiteral("body"), QStringLiteral("Hej, vi har sett ditt meddelande.")}})
                 .status,
             201);
    const HttpReply invitation = anna.postJson(
        QStringLiteral("/api/v1/patients/%1/invitations").arg(item.value(QStringLiteral("patientId")).toString()),
        {{QStringLiteral("itemId"), id}});
    QCOMPARE(invitation.status, 201);
    QVERIFY(invitation.json().value(QStringLiteral("url")).toString().contains(u"/portal/"));
    TestHttp patient(m_server.url());
    const QJsonObject exchange{
        {QStringLiteral("invitation"), invitation.json().value(QStringLiteral("token")).toString()}};
    const HttpReply session = patient.postJson(QStringLiteral("/api/v1/portal/session"), exchange);
    QCOMPARE(session.status, 200);
    // A retried invitation request does not get the token again: it is stored only hashed.
    const HttpReply retried = anna.postJson(
        QStringLiteral("/api/v1/patients/%1/invitations").arg(item.value(QStringLiteral("patientId")).toString()),
        {{QStringLiteral("itemId"), id}}, {{"Idempotency-Key", "invite-once"}});
    QCOMPARE(retried.status, 201);
    const HttpReply replayed = anna.postJson(
        QStringLiteral("/api/v1/patients/%1/invitations").arg(item.value(QStringLiteral("patientId")).toString()),
        {{QStringLiteral("itemId"), id}}, {{"Idempotency-Key", "invite-once"}});
    QCOMPARE(replayed.status, 409);
    QVERIFY(!replayed.body.contains(retried.json().value(QStringLiteral("token")).toString().toUtf8()));
    // The invitation is used up.
    QCOMPARE(TestHttp(m_server.url()).postJson(QStringLiteral("/api/v1/portal/session"), exchange).status, 404);
    patient.setToken(session.json().value(QStringLiteral("token")).toString().toUtf8());
    const HttpReply thread = patient.get(QStringLiteral("/api/v1/portal/thread"));
    QCOMPARE(thread.status, 200);
    QVERIFY(thread.body.contains("Hej, vi har sett ditt meddelande."));
    QVERIFY(!thread.body.contains("INTERN"));
    // The patient answers; anna sees it in her sync.
    QCOMPARE(patient
                 .postJson(QStringLiteral("/api/v1/portal/messages"),
                           {{QStringLiteral("body"), QStringLiteral("Tack så mycket!")}})
                 .status,
             201);
    bool seen = false;
    for (const QJsonObject &change : syncAll(anna))
        seen = seen
            || change.value(QStringLiteral("data")).toObject().value(QStringLiteral("body")).toString()
                == u"Tack så mycket!";
    QVERIFY(seen);
}

void TestApiInbox::syncShowsOnlyOwnUnits()
{
    TestHttp karin(m_server.url());
    QVERIFY(!karin.login(QStringLiteral("karin")).isEmpty());
    const QList<QJsonObject> changes = syncAll(karin);
    QVERIFY(!changes.isEmpty());
    for (const QJsonObject &change : changes) {
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (change.value(QStringLiteral("entity")).toString() == u"inbox_item")
            QCOMPARE(data.value(QStringLiteral("unitId")).toString(), kTeleborg);
        QVERIFY(!m_items.contains(change.value(QStringLiteral("id")).toString()));
    }
}

QTEST_GUILESS_MAIN(TestApiInbox)
#include "tst_api_inbox.moc"
