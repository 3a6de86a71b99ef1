#include "fakeapiserver.h"
#include "sync/core/restjobs.h"

#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// QVERIFY2 evaluates its message even when the check passes: only read error() on failure.
#define QVERIFY_OK(result)                                                                                             \
    QVERIFY2((result).has_value(), (result).has_value() ? "" : qPrintable((result).error().message))

using namespace nara;
using namespace nara::sync;
using nara::test::FakeServer;
using nara::test::problem;

namespace {

// Runs a job to completion and returns its result.
Result<ApiReply> run(ApiJob *job)
{
    job->setAutoDelete(false);
    QSignalSpy done(job, &ApiJob::finished);
    job->start();
    if (!done.wait(20000))
        return fail(ErrorCode::Internal, QStringLiteral("job never finished"));
    Result<ApiReply> result = job->result();
    delete job;
    return result;
}

} // namespace

class TestApiJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusMapsToErrorCode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("400") << 400 << int(ErrorCode::InvalidInput);
        QTest::newRow("401") << 401 << int(ErrorCode::Unauthenticated);
        QTest::newRow("403") << 403 << int(ErrorCode::Forbidden);
        QTest::newRow("404") << 404 << int(ErrorCode::NotFound);
        QTest::newRow("409") << 409 << int(ErrorCode::Conflict);
        QTest::newRow("410") << 410 << int(ErrorCode::Gone);
        QTest::newRow("413") << 413 << int(ErrorCode::PayloadTooLarge);
        QTest::newRow("429") << 429 << int(ErrorCode::RateLimited);
        QTest::newRow("500") << 500 << int(ErrorCode::Unavailable);
        QTest::newRow("503") << 503 << int(ErrorCode::Unavailable);
    }
    void statusMapsToErrorCode()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        FakeServer server;
        server.handler = [status](const FakeServer::Request &) {
            return FakeServer::Response{status, problem(QStringLiteral("x"), status), "application/problem+json"};
        };
        auto result = run(new MeJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}));
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        QCOMPARE(ApiJob::errorStatus(result.error()), status);
        QCOMPARE(result.error().message, QStringLiteral("Title x: Detail"));
    }

    void problemDetailsKept()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            const QJsonObject heldBy{{QStringLiteral("id"), QStringLiteral("s2")},
                                     {QStringLiteral("displayName"), QStringLiteral("Bo")}};
            return FakeServer::Response{409,
                                        problem(QStringLiteral("conflict"), 409, {{QStringLiteral("heldBy"), heldBy}}),
                                        "application/problem+json"};
        };
        PendingWrite write{QStringLiteral("key-1"),
                           QStringLiteral("POST"),
                           QStringLiteral("/api/v1/items/i1/claim"),
                           "{}",
                           QStringLiteral("i1"),
                           1,
                           0,
                           {},
                           {}};
        auto result = run(new SendWriteJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, write));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QCOMPARE(
            result.error().details.value(QStringLiteral("heldBy")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("s2"));
    }

    void headersSent()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{201, R"({"id":"m1"})"};
        };
        PendingWrite write{QStringLiteral("key-42"),
                           QStringLiteral("POST"),
                           QStringLiteral("/api/v1/items/i1/messages"),
                           R"({"body":"x"})",
                           QStringLiteral("i1"),
                           1,
                           0,
                           {},
                           {}};
        auto *job = new SendWriteJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, write);
        const QByteArray requestId = job->requestId();
        auto result = run(job);
        QVERIFY_OK(result);
        QCOMPARE(result->status, 201);
        QCOMPARE(result->json.value(QStringLiteral("id")).toString(), QStringLiteral("m1"));
        QCOMPARE(server.requests.size(), 1);
        const FakeServer::Request &request = server.requests.first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/api/v1/items/i1/messages"));
        QCOMPARE(request.headers.value("idempotency-key"), QByteArray("key-42"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok"));
        QCOMPARE(request.headers.value("x-request-id"), requestId);
        QCOMPARE(requestId.size(), 36); // a UUID
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(request.body, write.body);
    }

    void imageWriteCarriesItsContentType()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{201, R"({"id":"abc"})"};
        };
        PendingWrite write;
        write.id = QStringLiteral("key-img");
        write.method = QStringLiteral("PUT");
        write.path = QStringLiteral("/api/v1/images/abc");
        write.body = QByteArray::fromHex("ffd8ffe0") + QByteArray(" not really a jpeg");
        write.contentType = "image/jpeg";
        const auto result = run(new SendWriteJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, write));
        QVERIFY_OK(result);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().method, QByteArray("PUT"));
        QCOMPARE(server.requests.first().headers.value("content-type"), QByteArray("image/jpeg"));
        QCOMPARE(server.requests.first().body, write.body);
    }

    void getJobReturnsTheBytes()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            FakeServer::Response response{200, QByteArray("\x89PNG-bytes", 10)};
            response.contentType = "image/jpeg";
            return response;
        };
        auto result = run(new GetJob(&m_network, {server.url(), QStringLiteral("tok"), 5000},
                                     QStringLiteral("/api/v1/images/abc/thumbnail")));
        QVERIFY_OK(result);
        QCOMPARE(result->raw, QByteArray("\x89PNG-bytes", 10));
        QCOMPARE(server.requests.first().target, QByteArray("/api/v1/images/abc/thumbnail"));
        QVERIFY(!server.requests.first().headers.contains("content-type"));
        // A query stays a query (not an escaped part of the path).
        QVERIFY_OK(run(new GetJob(&m_network, {server.url(), QStringLiteral("tok"), 5000},
                                  QStringLiteral("/api/v1/units?kind=dermatology"))));
        QCOMPARE(server.requests.last().target, QByteArray("/api/v1/units?kind=dermatology"));
    }

    void eachJobHasItsOwnRequestId()
    {
        MeJob a(&m_network, {QUrl(QStringLiteral("http://127.0.0.1:1")), {}, 1000});
        MeJob b(&m_network, {QUrl(QStringLiteral("http://127.0.0.1:1")), {}, 1000});
        QVERIFY(a.requestId() != b.requestId());
    }

    void syncPageQueryAndParse()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{200, R"({"changes":[],"next":17,"more":true})"};
        };
        auto result = run(new SyncPageJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, 12, 50));
        QVERIFY(result);
        QCOMPARE(server.requests.first().target, QByteArray("/api/v1/sync?since=12&limit=50"));
        QVERIFY(server.requests.first().headers.value("idempotency-key").isEmpty());
        auto page = SyncPage::fromJson(result->json);
        QVERIFY(page);
        QCOMPARE(page->next, 17);
        QVERIFY(page->more);
    }

    void malformedSuccessIsAnError()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{200, R"({"changes":5})"};
        };
        auto result = run(new SyncPageJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, 0, 50));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Internal);
    }

    void loginSendsNoToken()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{200, R"({"token":"t","expiresAt":1,"staff":{"id":"s1"}})"};
        };
        auto result = run(new LoginJob(&m_network, {server.url(), QStringLiteral("old"), 5000}, QStringLiteral("anna"),
                                       QStringLiteral("demo")));
        QVERIFY(result);
        QVERIFY(!server.requests.first().headers.contains("authorization"));
        const QJsonObject body = QJsonDocument::fromJson(server.requests.first().body).object();
        QCOMPARE(body.value(QStringLiteral("username")).toString(), QStringLiteral("anna"));
    }

    void timeoutIsUnavailable()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{200, {}, {}, true};
        };
        QElapsedTimer timer;
        timer.start();
        auto result = run(new StaffJob(&m_network, {server.url(), QStringLiteral("tok"), 300}));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unavailable);
        QCOMPARE(ApiJob::errorStatus(result.error()), 0);
        QVERIFY(timer.elapsed() < 5000);
    }

    void refusedIsUnavailable()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        auto result = run(new MeJob(&m_network, {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {}, 3000}));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unavailable);
    }

    void retriesTransientFailuresWithTheSameKey()
    {
        FakeServer server;
        int calls = 0;
        server.handler = [&calls](const FakeServer::Request &) {
            return ++calls < 3 ? FakeServer::Response{503, problem(QStringLiteral("unavailable"), 503)}
                               : FakeServer::Response{201, R"({})"};
        };
        PendingWrite write{QStringLiteral("key-7"),
                           QStringLiteral("POST"),
                           QStringLiteral("/api/v1/items/i1/read"),
                           "{}",
                           {},
                           1,
                           0,
                           {},
                           {}};
        auto *job = new SendWriteJob(&m_network, {server.url(), QStringLiteral("tok"), 5000}, write);
        job->setMaxAttempts(3);
        auto result = run(job);
        QVERIFY(result);
        QCOMPARE(server.requests.size(), 3);
        for (const auto &request : std::as_const(server.requests))
            QCOMPARE(request.headers.value("idempotency-key"), QByteArray("key-7"));
    }

private:
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestApiJob)
#include "tst_apijob.moc"
