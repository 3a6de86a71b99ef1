// The auth routes on an in-process QHttpServer (no nara-server needed): requests in, responses and
// stored rows out. Scenario tests against the real server live in tests/server.
#include "auth/core/passwordhasher.h"
#include "auth/server/authroutes.h"
#include "authdatabase.h"
#include "fakeclock.h"
#include "sync/server/cacheauditroute.h"
#include "testhttp.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace nara;

class TestAuthRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loginAnswersTokenAndStaff();
    void wrongPasswordAndUnknownUserLookAlike();
    void invalidBodies_data();
    void invalidBodies();
    void repeatedFailuresAreRateLimited();
    void forwardedAddressCountsOnlyBehindTheTrustedProxy();
    void parallelLoginsCannotOutrunTheLimit();
    void loginsOverTheCapAreTurnedAway();
    void loginsOverTheCapPerNameAreTurnedAway();
    void answerToAGoneClientIsDroppedButCounted();
    void meAndStaff();
    void routesNeedASession();
    void idleSessionEnds();
    void logoutEndsSession();
    void auditExtractIsForAdmins();
    void auditEventsFromOfflineCache();
    void auditEventsForForeignPatientAreLoggedAsDenied();

private:
    qint64 count(const QString &sql, const QVariantList &values = {});
    // The auth routes alone on a fresh server, with the given limits (for the login-load tests).
    void restartAuthServer(auth::LoginLimits limits, auth::LoginsInFlight::Limits inFlight,
                           QHostAddress trustedProxy = {});
    QNetworkReply *startLogin(QNetworkAccessManager &network, const QString &username, const QString &password);
    test::TestHttp http() const { return test::TestHttp(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port))); }

    QString m_hash;
    test::FakeClock m_clock;
    std::optional<test::AuthDatabase> m_database;
    std::unique_ptr<auth::LoginRateLimiter> m_limiter;
    QThreadPool m_pool;
    std::unique_ptr<auth::AuthServices> m_services;
    std::unique_ptr<WorkerContext> m_context;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
};

void TestAuthRoutes::initTestCase()
{
    auto hash = auth::PasswordHasher::hash(QStringLiteral("demo"));
    QVERIFY(hash);
    m_hash = *hash;
    m_pool.setMaxThreadCount(2);
}

void TestAuthRoutes::init()
{
    m_database.emplace();
    QVERIFY(m_database->open());
    QVERIFY(m_database->seed());
    QVERIFY(m_database->db().execute(QStringLiteral("UPDATE staff SET password_hash = ?"), {m_hash}));
    m_limiter = std::make_unique<auth::LoginRateLimiter>(m_clock);
    m_services.reset(new auth::AuthServices{*m_limiter, m_pool, {}});
    m_context.reset(new WorkerContext{m_database->db(), m_clock, 0, {}});
    m_server = std::make_unique<QHttpServer>();
    auth::installAuthRoutes(*m_server, *m_context, *m_services);
    sync::installCacheAuditRoute(*m_server, *m_context); // the offline-read log, served beside them
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestAuthRoutes::cleanup()
{
    m_server.reset();
    m_pool.waitForDone();
    m_context.reset();
    m_services.reset();
    m_limiter.reset();
    m_database.reset();
}

qint64 TestAuthRoutes::count(const QString &sql, const QVariantList &values)
{
    return m_database->db().scalar(sql, values)->toLongLong();
}

namespace {

// Holds every thread of a pool until released (or destroyed), so no password hash can finish
// meanwhile: logins stay in flight for as long as a test needs them there.
class PoolBlocker
{
public:
    explicit PoolBlocker(QThreadPool &pool)
        : m_threads(pool.maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i)
            pool.start([started = m_started, gate = m_gate] {
                started->release();
                gate->acquire();
            });
        m_started->acquire(m_threads);
    }
    ~PoolBlocker() { release(); }
    void release()
    {
        if (!m_released)
            m_gate->release(m_threads);
        m_released = true;
    }

private:
    const int m_threads;
    std::shared_ptr<QSemaphore> m_started = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>();
    bool m_released = false;
};

int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

void TestAuthRoutes::restartAuthServer(auth::LoginLimits limits, auth::LoginsInFlight::Limits inFlight,
                                       QHostAddress trustedProxy)
{
    m_server.reset();
    m_pool.waitForDone();
    m_services.reset();
    m_limiter = std::make_unique<auth::LoginRateLimiter>(m_clock, limits);
    m_services.reset(new auth::AuthServices{*m_limiter, m_pool, {}, auth::LoginsInFlight(inFlight), trustedProxy});
    m_server = std::make_unique<QHttpServer>();
    auth::installAuthRoutes(*m_server, *m_context, *m_services);
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

QNetworkReply *TestAuthRoutes::startLogin(QNetworkAccessManager &network, const QString &username,
                                          const QString &password)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/auth/login").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// Guesses sent in parallel: every one reserves its attempt before the first hash is done, so no
// more than the budget get their password checked.
void TestAuthRoutes::parallelLoginsCannotOutrunTheLimit()
{
    restartAuthServer({}, {32, 32});
    PoolBlocker blocker(m_pool);
    QNetworkAccessManager network;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 8; ++i)
        replies.emplace_back(startLogin(network, QStringLiteral("anna"), QStringLiteral("guess%1").arg(i)));
    const auto finished = [&replies] {
        return std::count_if(replies.begin(), replies.end(), [](const auto &reply) { return reply->isFinished(); });
    };
    // Three are refused at once; five wait for their hash.
    QTRY_COMPARE_WITH_TIMEOUT(finished(), 3, 10000);
    QCOMPARE(m_services->loginsInFlight.inFlight(), 5);
    for (const auto &reply : replies) {
        if (reply->isFinished()) {
            QCOMPARE(statusOf(reply.get()), 429);
            QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("900"));
        }
    }
    blocker.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished(), 8, 30000);
    int unauthorized = 0;
    for (const auto &reply : replies)
        unauthorized += statusOf(reply.get()) == 401;
    QCOMPARE(unauthorized, 5);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'failed'")), 5);
    // The budget is spent: even the right password is not tried.
    QCOMPARE(http()
                 .postJson(QStringLiteral("/api/v1/auth/login"),
                           {{QStringLiteral("username"), QStringLiteral("anna")},
                            {QStringLiteral("password"), QStringLiteral("demo")}})
                 .status,
             429);
    QTRY_COMPARE(m_services->loginsInFlight.inFlight(), 0);
}

void TestAuthRoutes::loginsOverTheCapAreTurnedAway()
{
    restartAuthServer({}, {1, 4});
    PoolBlocker blocker(m_pool);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> anna(startLogin(network, QStringLiteral("anna"), QStringLiteral("demo")));
    std::unique_ptr<QNetworkReply> admin(startLogin(network, QStringLiteral("admin"), QStringLiteral("demo")));
    // Whichever came second is answered at once, without queuing a hash.
    QTRY_VERIFY_WITH_TIMEOUT(anna->isFinished() || admin->isFinished(), 10000);
    QNetworkReply *busy = anna->isFinished() ? anna.get() : admin.get();
    QNetworkReply *waiting = busy == anna.get() ? admin.get() : anna.get();
    QVERIFY(!waiting->isFinished());
    QCOMPARE(statusOf(busy), 503);
    QCOMPARE(busy->rawHeader("Retry-After"), QByteArray("1"));
    QCOMPARE(busy->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/problem+json"));
    const QJsonObject problem = QJsonDocument::fromJson(busy->readAll()).object();
    QCOMPARE(problem.value(QStringLiteral("type")).toString(),
             QStringLiteral("https://nara.example/problems/unavailable"));
    QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 503);
    QCOMPARE(m_pool.activeThreadCount(), m_pool.maxThreadCount()); // only the blockers: one hash queued
    QCOMPARE(m_services->loginsInFlight.inFlight(), 1);

    blocker.release();
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished(), 30000);
    QCOMPARE(statusOf(waiting), 200);
    QTRY_COMPARE(m_services->loginsInFlight.inFlight(), 0);
    // The turned-away attempt was no attempt: not logged, not counted.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login'")), 1);
    QCOMPARE(m_limiter->retryAfterSeconds(busy == anna.get() ? QStringLiteral("anna") : QStringLiteral("admin"),
                                          QStringLiteral("127.0.0.1")),
             0);
    // And there is room again.
    QCOMPARE(http()
                 .postJson(QStringLiteral("/api/v1/auth/login"),
                           {{QStringLiteral("username"), QStringLiteral("bo")},
                            {QStringLiteral("password"), QStringLiteral("demo")}})
                 .status,
             200);
}

void TestAuthRoutes::loginsOverTheCapPerNameAreTurnedAway()
{
    restartAuthServer({}, {32, 1});
    PoolBlocker blocker(m_pool);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> first(startLogin(network, QStringLiteral("anna"), QStringLiteral("demo")));
    std::unique_ptr<QNetworkReply> second(startLogin(network, QStringLiteral("Anna"), QStringLiteral("demo")));
    std::unique_ptr<QNetworkReply> other(startLogin(network, QStringLiteral("bo"), QStringLiteral("demo")));
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished() || second->isFinished(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_services->loginsInFlight.inFlight(), 2, 10000); // one anna, one bo
    QNetworkReply *busy = first->isFinished() ? first.get() : second.get();
    QCOMPARE(statusOf(busy), 503);
    QVERIFY(!other->isFinished());
    blocker.release();
    QNetworkReply *waiting = busy == first.get() ? second.get() : first.get();
    QTRY_VERIFY_WITH_TIMEOUT(waiting->isFinished() && other->isFinished(), 30000);
    QCOMPARE(statusOf(waiting), 200);
    QCOMPARE(statusOf(other.get()), 200);
}

// The client hangs up while its password is being checked: nothing is written to the dead
// connection, but the attempt still counts against the limits and is logged.
void TestAuthRoutes::answerToAGoneClientIsDroppedButCounted()
{
    restartAuthServer({1, 20, 15 * 60 * 1000}, {32, 4});
    for (const QString &password : {QStringLiteral("guess"), QStringLiteral("demo")}) {
        auto blocker = std::make_unique<PoolBlocker>(m_pool);
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("anna")},
                                                          {QStringLiteral("password"), password}})
                                    .toJson(QJsonDocument::Compact);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(client.waitForConnected(5000));
        client.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     "Content-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE_WITH_TIMEOUT(m_services->loginsInFlight.inFlight(), 1, 10000);
        // The server's end of the connection outlives the hang-up (as it does until its deleteLater
        // runs): the answer must not go to a socket that is still there but closed.
        QList<QTcpSocket *> sockets = m_server->findChildren<QTcpSocket *>();
        sockets.removeIf([](const QTcpSocket *socket) { return socket->state() != QAbstractSocket::ConnectedState; });
        QCOMPARE(sockets.size(), 1);
        QPointer<QTcpSocket> serverSide = sockets.first();
        QObject::disconnect(serverSide, &QAbstractSocket::disconnected, nullptr, nullptr);
        client.abort();
        QTRY_VERIFY_WITH_TIMEOUT(serverSide && serverSide->state() != QAbstractSocket::ConnectedState, 10000);
        QTest::ignoreMessage(
            QtInfoMsg,
            QRegularExpression(QStringLiteral("POST /api/v1/auth/login (401|200) not sent: the client has gone")));
        blocker.reset();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->loginsInFlight.inFlight(), 0, 30000);
        QVERIFY(serverSide); // still there, closed (it goes with the server)
        if (password == QStringLiteral("guess")) {
            QCOMPARE(
                count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'failed'")),
                1);
            // The one failure the limits allow is spent.
            QCOMPARE(m_limiter->retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("127.0.0.1")), 15 * 60);
            m_clock.advanceSeconds(15 * 60);
        }
    }
    // The right password from a client that has gone: logged, settled, but no session for nobody.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'ok'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), 0);
    QCOMPARE(m_limiter->retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("127.0.0.1")), 0);
}

void TestAuthRoutes::loginAnswersTokenAndStaff()
{
    auto client = http();
    const auto reply = client.postJson(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("anna")}, {QStringLiteral("password"), QStringLiteral("demo")}},
        {{"X-Request-Id", "req-1"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("X-Request-Id"), QByteArray("req-1"));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(QStringLiteral("token")).toString().size(), 43);
    QCOMPARE(body.value(QStringLiteral("expiresAt")).toInteger(), m_clock.nowMs() + 12LL * 3600 * 1000);
    const QJsonObject staff = body.value(QStringLiteral("staff")).toObject();
    QCOMPARE(staff.value(QStringLiteral("id")).toString(), QStringLiteral("s-anna"));
    QCOMPARE(staff.value(QStringLiteral("username")).toString(), QStringLiteral("anna"));
    QCOMPARE(staff.value(QStringLiteral("displayName")).toString(), QStringLiteral("Anna Nurse"));
    QCOMPARE(staff.value(QStringLiteral("role")).toString(), QStringLiteral("nurse"));
    QCOMPARE(staff.value(QStringLiteral("unitIds")).toArray(), QJsonArray{QStringLiteral("u-north")});
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE subject_id = 's-anna'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'ok' AND "
                                  "user_id = 's-anna' AND unit_id = 'u-north' AND patient_id IS NULL")),
             1);
}

void TestAuthRoutes::wrongPasswordAndUnknownUserLookAlike()
{
    auto client = http();
    const auto wrong = client.postJson(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("anna")}, {QStringLiteral("password"), QStringLiteral("nope")}});
    const auto unknown = client.postJson(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("nobody")}, {QStringLiteral("password"), QStringLiteral("demo")}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(wrong.json().value(QStringLiteral("type")).toString(),
             QStringLiteral("https://nara.example/problems/unauthenticated"));
    QCOMPARE(wrong.json().value(QStringLiteral("detail")), unknown.json().value(QStringLiteral("detail")));
    QVERIFY(wrong.json().value(QStringLiteral("token")).isUndefined());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'failed'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'failed' AND user_id = 's-anna'")),
             1);
}

void TestAuthRoutes::invalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("username=anna");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no password") << QByteArray(R"({"username":"anna"})");
    QTest::newRow("number as name") << QByteArray(R"({"username":7,"password":"demo"})");
    QTest::newRow("name too long") << QByteArray(R"({"username":")" + QByteArray(65, 'a') + R"(","password":"x"})");
    QTest::newRow("password too long") << QByteArray(R"({"username":"anna","password":")" + QByteArray(257, 'a')
                                                     + "\"}");
}

void TestAuthRoutes::invalidBodies()
{
    QFETCH(QByteArray, body);
    auto client = http();
    const auto reply = client.post(QStringLiteral("/api/v1/auth/login"), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(QStringLiteral("status")).toInt(), 400);
}

// Behind nginx every client arrives from the proxy's address: only there X-Forwarded-For names the
// client the per-address limit counts; from anywhere else the header is ignored.
void TestAuthRoutes::forwardedAddressCountsOnlyBehindTheTrustedProxy()
{
    auth::LoginLimits limits;
    limits.maxPerAddress = 3;
    auto attempts = [this](const QByteArray &forwardedFor) {
        auto client = http();
        QList<int> statuses;
        for (int i = 0; i < 4; ++i)
            statuses.append(client
                                .postJson(QStringLiteral("/api/v1/auth/login"),
                                          {{QStringLiteral("username"), QStringLiteral("user%1").arg(i)},
                                           {QStringLiteral("password"), QStringLiteral("guess")}},
                                          {{"X-Forwarded-For", forwardedFor}})
                                .status);
        return statuses;
    };
    restartAuthServer(limits, {32, 4}, QHostAddress::LocalHost);
    QCOMPARE(attempts("198.51.100.7, 10.0.0.1"), (QList<int>{401, 401, 401, 429}));
    // Another clinic behind the same proxy is not locked out by the first one's failures.
    QCOMPARE(attempts("203.0.113.9"), (QList<int>{401, 401, 401, 429}));

    // No trusted proxy: the header is ignored and every attempt counts against 127.0.0.1.
    restartAuthServer(limits, {32, 4});
    QCOMPARE(attempts("198.51.100.7"), (QList<int>{401, 401, 401, 429}));
    QCOMPARE(attempts("203.0.113.9"), (QList<int>{429, 429, 429, 429}));
}

void TestAuthRoutes::repeatedFailuresAreRateLimited()
{
    auto client = http();
    const QJsonObject wrong{{QStringLiteral("username"), QStringLiteral("anna")},
                            {QStringLiteral("password"), QStringLiteral("guess")}};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client.postJson(QStringLiteral("/api/v1/auth/login"), wrong).status, 401);
    // Locked: even the right password is not tried.
    const auto limited = client.postJson(
        QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("anna")}, {QStringLiteral("password"), QStringLiteral("demo")}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("900"));
    QCOMPARE(limited.json().value(QStringLiteral("retryAfter")).toInteger(), 900);
    m_clock.advanceSeconds(15 * 60);
    QCOMPARE(client
                 .postJson(QStringLiteral("/api/v1/auth/login"),
                           {{QStringLiteral("username"), QStringLiteral("anna")},
                            {QStringLiteral("password"), QStringLiteral("demo")}})
                 .status,
             200);
}

void TestAuthRoutes::meAndStaff()
{
    auto client = http();
    QVERIFY(!client.login(QStringLiteral("anna")).isEmpty());
    const auto me = client.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QStringLiteral("staff")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("s-anna"));
    const QJsonArray units = me.json().value(QStringLiteral("units")).toArray();
    QCOMPARE(units.size(), 1);
    QCOMPARE(units.at(0).toObject(),
             (QJsonObject{{QStringLiteral("id"), QStringLiteral("u-north")},
                          {QStringLiteral("name"), QStringLiteral("VC Norr")},
                          {QStringLiteral("kind"), QStringLiteral("care_centre")},
                          {QStringLiteral("region"), QStringLiteral("Halland")}}));
    const auto staff = client.get(QStringLiteral("/api/v1/staff"));
    QCOMPARE(staff.status, 200);
    QStringList ids;
    for (const QJsonValue &value : staff.json().value(QStringLiteral("staff")).toArray())
        ids.append(value.toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(ids, (QStringList{QStringLiteral("s-admin"), QStringLiteral("s-anna")})); // not Bo of VC Söder
}

void TestAuthRoutes::routesNeedASession()
{
    auto client = http();
    for (const QString &path : {QStringLiteral("/api/v1/me"), QStringLiteral("/api/v1/staff"),
                                QStringLiteral("/api/v1/audit/patients/p-north")})
        QCOMPARE(client.get(path).status, 401);
    QCOMPARE(client.postJson(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
    QCOMPARE(client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), QJsonArray()}}).status,
             401);
    client.setToken("made-up-token");
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 401);
    // A patient's portal session is no staff session.
    auto portal
        = auth::SessionStore(m_database->db(), m_clock).create(QStringLiteral("patient"), QStringLiteral("p-north"));
    QVERIFY(portal);
    client.setToken(portal->token.toLatin1());
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 403);
}

void TestAuthRoutes::idleSessionEnds()
{
    auto client = http();
    QVERIFY(!client.login(QStringLiteral("anna")).isEmpty());
    m_clock.advanceSeconds(14 * 60);
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 200);
    m_clock.advanceSeconds(14 * 60);
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 200);
    m_clock.advanceSeconds(16 * 60);
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 401);
}

void TestAuthRoutes::logoutEndsSession()
{
    auto client = http();
    QVERIFY(!client.login(QStringLiteral("anna")).isEmpty());
    QCOMPARE(client.postJson(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
    QCOMPARE(client.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE revoked_at IS NOT NULL")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'logout' AND user_id = 's-anna'")), 1);
}

void TestAuthRoutes::auditExtractIsForAdmins()
{
    auto nurse = http();
    QVERIFY(!nurse.login(QStringLiteral("anna")).isEmpty());
    QCOMPARE(nurse.get(QStringLiteral("/api/v1/audit/patients/p-north")).status, 403);
    QCOMPARE(nurse
                 .postJson(QStringLiteral("/api/v1/audit/events"),
                           {{QStringLiteral("events"),
                             QJsonArray{QJsonObject{{QStringLiteral("action"), QStringLiteral("read")},
                                                    {QStringLiteral("patientId"), QStringLiteral("p-north")},
                                                    {QStringLiteral("object"), QStringLiteral("inbox_item:i-1")},
                                                    {QStringLiteral("at"), m_clock.nowMs() - 60000}}}}})
                 .status,
             200);

    auto admin = http();
    QVERIFY(!admin.login(QStringLiteral("admin")).isEmpty());
    QCOMPARE(admin.get(QStringLiteral("/api/v1/audit/patients/p-nobody")).status, 404);
    const auto extract = admin.get(QStringLiteral("/api/v1/audit/patients/p-north"));
    QCOMPARE(extract.status, 200);
    const QJsonArray entries = extract.json().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("userId")).toString(), QStringLiteral("s-anna"));
    QCOMPARE(entry.value(QStringLiteral("unitName")).toString(), QStringLiteral("VC Norr"));
    QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("read"));
    // The extract itself is logged.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND user_id = 's-admin' "
                                  "AND patient_id = 'p-north'")),
             1);
}

void TestAuthRoutes::auditEventsFromOfflineCache()
{
    auto client = http();
    QVERIFY(!client.login(QStringLiteral("anna")).isEmpty());
    const qint64 readAt = 1'763'000'000'000;
    QJsonArray events;
    for (int i = 0; i < 3; ++i)
        events.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("read")},
                                  {QStringLiteral("patientId"), QStringLiteral("p-north")},
                                  {QStringLiteral("object"), QStringLiteral("chat_message:m-%1").arg(i)},
                                  {QStringLiteral("at"), readAt}});
    const auto reply = client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), events}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("accepted")).toInt(), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE client = 'workstation-cache' AND action = "
                                  "'read' AND patient_id = 'p-north' AND user_id = 's-anna' AND reason = ?"),
                   {QStringLiteral("offline read at 2025-11-13T02:13:20.000Z")}),
             3);

    QJsonArray tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.append(events.at(0));
    QCOMPARE(client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), tooMany}}).status,
             400);
    QJsonObject write = events.at(0).toObject();
    write.insert(QStringLiteral("action"), QStringLiteral("update"));
    QCOMPARE(
        client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), QJsonArray{write}}}).status,
        400);
}

// A read of a patient the nurse can no longer see (the care relation ended while she was offline)
// still happened: it is logged as denied-now, never dropped.
void TestAuthRoutes::auditEventsForForeignPatientAreLoggedAsDenied()
{
    auto client = http();
    QVERIFY(!client.login(QStringLiteral("anna")).isEmpty());
    QJsonArray events;
    for (const QString &patient : {QStringLiteral("p-north"), QStringLiteral("p-south")})
        events.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("read")},
                                  {QStringLiteral("patientId"), patient},
                                  {QStringLiteral("object"), QStringLiteral("inbox_item:x")},
                                  {QStringLiteral("at"), m_clock.nowMs()}});
    const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "cache-batch-1"}};
    const auto reply
        = client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), events}}, key);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("accepted")).toInt(), 2);
    QCOMPARE(reply.json().value(QStringLiteral("deniedNow")).toInt(), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE client = 'workstation-cache' AND patient_id = "
                                  "'p-south' AND outcome = 'denied-now'")),
             1);
    // The outbox retries with the same key: logged once.
    QCOMPARE(client.postJson(QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), events}}, key).status,
             200);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE client = 'workstation-cache'")), 2);
}

QTEST_GUILESS_MAIN(TestAuthRoutes)
#include "tst_authroutes.moc"
