// Scenario tests against a real nara-server: health, login, sessions, rate limits, audit.

#include "apifixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace nara::test;

class TestApiAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthAnswers();
    void loginRightAndWrong_data();
    void loginRightAndWrong();
    void loginValidatesBody_data();
    void loginValidatesBody();
    void rateLimitsRepeatedFailures();
    void meNeedsAValidToken();
    void unitsOfAKind();
    void logoutRevokesTheToken();
    void expiredSessionIsRefused();
    void patientTokenCannotUseStaffRoutes();
    void auditExtractAndChain();
    void cleanupTestCase() { m_server.terminate(); }

private:
    ServerProcess m_server;
};

void TestApiAuth::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
}

void TestApiAuth::healthAnswers()
{
    TestHttp http(m_server.url());
    const HttpReply reply = http.get(QStringLiteral("/api/v1/health"), {{"X-Request-Id", "test-request-1"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(reply.json().value(QStringLiteral("database")).toString(), QStringLiteral("sqlite"));
    QVERIFY(reply.json().value(QStringLiteral("schemaVersion")).toInt() >= 1);
    QCOMPARE(reply.header("X-Request-Id"), QByteArray("test-request-1"));
    // An unknown route is a problem+json 404 with a fresh request id.
    const HttpReply missing = http.get(QStringLiteral("/api/v1/nothing-here"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(problemType(missing), QStringLiteral("https://nara.example/problems/not-found"));
    QVERIFY(!missing.header("X-Request-Id").isEmpty());
}

void TestApiAuth::loginRightAndWrong_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::newRow("nurse") << "anna"
                           << "demo" << 200;
    QTest::newRow("gp") << "erik"
                        << "demo" << 200;
    QTest::newRow("dermatologist") << "omar"
                                   << "demo" << 200;
    QTest::newRow("wrong password") << "erik"
                                    << "Demo" << 401;
    QTest::newRow("unknown user") << "nobody"
                                  << "demo" << 401;
    QTest::newRow("empty password") << "lena"
                                    << "" << 400;
}

void TestApiAuth::loginRightAndWrong()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(int, status);
    TestHttp http(m_server.url());
    const HttpReply reply
        = http.postJson(QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    QCOMPARE(reply.status, status);
    if (status == 200) {
        const QJsonObject body = reply.json();
        QVERIFY(body.value(QStringLiteral("token")).toString().size() >= 43); // 256 random bits
        QCOMPARE(body.value(QStringLiteral("staff")).toObject().value(QStringLiteral("username")).toString(), username);
        QVERIFY(body.value(QStringLiteral("expiresAt")).toInteger() > 0);
    } else {
        QVERIFY(reply.header("Content-Type").startsWith("application/problem+json"));
        // The same words whether the user exists or not.
        if (status == 401)
            QVERIFY(!reply.body.contains(username.toUtf8()));
    }
}

void TestApiAuth::loginValidatesBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("malformed JSON") << QByteArray("{\"username\": \"anna\", ");
    QTest::newRow("not an object") << QByteArray("[\"anna\", \"demo\"]");
    QTest::newRow("number as username") << QByteArray("{\"username\": 42, \"password\": \"demo\"}");
    QTest::newRow("missing password") << QByteArray("{\"username\": \"anna\"}");
    QTest::newRow("huge username") << (QByteArray("{\"username\": \"") + QByteArray(5000, 'a')
                                       + "\", \"password\": \"x\"}");
}

void TestApiAuth::loginValidatesBody()
{
    QFETCH(QByteArray, body);
    TestHttp http(m_server.url());
    const HttpReply reply = http.post(QStringLiteral("/api/v1/auth/login"), body, {{"Idempotency-Key", "k"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
    QVERIFY(!reply.json().value(QStringLiteral("detail")).toString().isEmpty());
}

void TestApiAuth::rateLimitsRepeatedFailures()
{
    TestHttp http(m_server.url());
    int refused = 0;
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply = http.postJson(QStringLiteral("/api/v1/auth/login"),
                                              {{QStringLiteral("username"), QStringLiteral("sara")},
                                               {QStringLiteral("password"), QStringLiteral("wrong")}});
        refused += reply.status == 401;
    }
    QCOMPARE(refused, 5);
    // Now even the right password is refused for a while, with a hint when to come back.
    const HttpReply locked = http.postJson(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("sara")}, {QStringLiteral("password"), QStringLiteral("demo")}});
    QCOMPARE(locked.status, 429);
    QCOMPARE(problemType(locked), QStringLiteral("https://nara.example/problems/rate-limited"));
    QVERIFY(locked.header("Retry-After").toInt() > 0);
    // Other accounts are not affected.
    QVERIFY(!TestHttp(m_server.url()).login(QStringLiteral("maria")).isEmpty());
}

void TestApiAuth::meNeedsAValidToken()
{
    TestHttp http(m_server.url());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    http.setToken("not-a-real-token");
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(http.get(QStringLiteral("/api/v1/sync?since=0")).status, 401);
    QVERIFY(!http.login(QStringLiteral("anna")).isEmpty());
    const HttpReply me = http.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QStringLiteral("staff")).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("nurse"));
    const QJsonArray units = me.json().value(QStringLiteral("units")).toArray();
    QCOMPARE(units.size(), 1);
    QCOMPARE(units.at(0).toObject().value(QStringLiteral("id")).toString(), kFalkenberg);
}

void TestApiAuth::unitsOfAKind()
{
    TestHttp http(m_server.url());
    QCOMPARE(http.get(QStringLiteral("/api/v1/units?kind=dermatology")).status, 401);
    QVERIFY(!http.login(QStringLiteral("anna")).isEmpty());
    const HttpReply derm = http.get(QStringLiteral("/api/v1/units?kind=dermatology"));
    QCOMPARE(derm.status, 200);
    const QJsonArray units = derm.json().value(QStringLiteral("units")).toArray();
    QCOMPARE(units.size(), 1); // the demo region has one dermatology clinic
    QCOMPARE(units.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("unit-derm"));
    QCOMPARE(units.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Hudmottagningen Växjö"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/units?kind=care_centre"))
                 .json()
                 .value(QStringLiteral("units"))
                 .toArray()
                 .size(),
             2);
    for (const QString &bad : {QStringLiteral(""), QStringLiteral("?kind="), QStringLiteral("?kind=hospital")}) {
        const HttpReply refused = http.get(QStringLiteral("/api/v1/units") + bad);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QStringLiteral("field")).toString(), QStringLiteral("kind"));
    }
}

void TestApiAuth::logoutRevokesTheToken()
{
    TestHttp http(m_server.url());
    QVERIFY(!http.login(QStringLiteral("erik")).isEmpty());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
    QCOMPARE(http.postJson(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
    const HttpReply after = http.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(after.status, 401);
    QCOMPARE(problemType(after), QStringLiteral("https://nara.example/problems/unauthenticated"));
}

void TestApiAuth::expiredSessionIsRefused()
{
    TestHttp http(m_server.url());
    QVERIFY(!http.login(QStringLiteral("omar")).isEmpty());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
    {
        // Move the session's absolute expiry into the past, as twelve hours would.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("expire"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/nara.db"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "UPDATE sessions SET expires_at = 1 WHERE subject_id = (SELECT id FROM staff WHERE username = 'omar')")));
        QVERIFY(query.numRowsAffected() >= 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("expire"));
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
}

void TestApiAuth::patientTokenCannotUseStaffRoutes()
{
    TestHttp staff(m_server.url());
    QVERIFY(!staff.login(QStringLiteral("anna")).isEmpty());
    const QJsonObject item = findItem(itemsIn(syncAll(staff)), QStringLiteral("new"));
    QVERIFY(!item.isEmpty());
    const HttpReply invitation = staff.postJson(
        QStringLiteral("/api/v1/patients/%1/invitations").arg(item.value(QStringLiteral("patientId")).toString()),
        {{QStringLiteral("itemId"), item.value(QStringLiteral("id")).toString()}});
    QCOMPARE(invitation.status, 201);
    TestHttp patient(m_server.url());
    const HttpReply session = patient.postJson(
        QStringLiteral("/api/v1/portal/session"),
        {{QStringLiteral("invitation"), invitation.json().value(QStringLiteral("token")).toString()}});
    QCOMPARE(session.status, 200);
    patient.setToken(session.json().value(QStringLiteral("token")).toString().toUtf8());
    QCOMPARE(patient.get(QStringLiteral("/api/v1/portal/thread")).status, 200);
    const QStringList staffPaths{QStringLiteral("/api/v1/me"), QStringLiteral("/api/v1/sync?since=0"),
                                 QStringLiteral("/api/v1/items/") + item.value(QStringLiteral("id")).toString()};
    for (const QString &path : staffPaths) {
        const int status = patient.get(path).status;
        QVERIFY2(status == 401 || status == 403, qPrintable(path));
    }
}

void TestApiAuth::auditExtractAndChain()
{
    TestHttp anna(m_server.url());
    QVERIFY(!anna.login(QStringLiteral("anna")).isEmpty());
    const QJsonObject item = findItem(itemsIn(syncAll(anna)), QStringLiteral("new"));
    const QString itemId = item.value(QStringLiteral("id")).toString();
    const QString patientId = item.value(QStringLiteral("patientId")).toString();
    QCOMPARE(anna.get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId)).status, 200);

    // Only an administrator may take out a patient's log extract.
    QCOMPARE(anna.get(QStringLiteral("/api/v1/audit/patients/%1").arg(patientId)).status, 403);
    TestHttp admin(m_server.url());
    QVERIFY(!admin.login(QStringLiteral("admin")).isEmpty());
    const HttpReply extract = admin.get(QStringLiteral("/api/v1/audit/patients/%1").arg(patientId));
    QCOMPARE(extract.status, 200);
    bool annaRead = false;
    for (const QJsonValue &entry : extract.json().value(QStringLiteral("entries")).toArray()) {
        const QJsonObject row = entry.toObject();
        annaRead = annaRead
            || (row.value(QStringLiteral("action")).toString() == u"read"
                && row.value(QStringLiteral("unitId")).toString() == kFalkenberg);
    }
    QVERIFY(annaRead);
    QCOMPARE(admin.get(QStringLiteral("/api/v1/audit/patients/no-such-patient")).status, 404);

    QByteArray output;
    QCOMPARE(m_server.runCommand({QStringLiteral("--verify-audit")}, &output), 0);
    QVERIFY2(output.contains("intact"), output.constData());
}

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
