// The SyncEngine's rules against a fake server (no push channel): paging, outbox order, retry
// with the same key, final rejections, 410 and 401.

#include "fakeapiserver.h"
#include "sync/core/localcache.h"
#include "sync/core/syncengine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace nara;
using namespace nara::sync;
using nara::test::FakeServer;
using nara::test::problem;

namespace {

QJsonObject item(const QString &id, qint64 version = 1)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), QStringLiteral("chat")},
                       {QStringLiteral("state"), QStringLiteral("new")},
                       {QStringLiteral("waitingOn"), QJsonValue::Null},
                       {QStringLiteral("priority"), QStringLiteral("routine")},
                       {QStringLiteral("unitId"), QStringLiteral("u1")},
                       {QStringLiteral("title"), QStringLiteral("t")},
                       {QStringLiteral("version"), version}};
}

QByteArray page(const QList<QString> &itemIds, qint64 next, bool more, const QString &instance = {})
{
    QJsonArray changes;
    for (const QString &id : itemIds)
        changes.append(QJsonObject{{QStringLiteral("seq"), next},
                                   {QStringLiteral("entity"), QStringLiteral("inbox_item")},
                                   {QStringLiteral("id"), id},
                                   {QStringLiteral("data"), item(id)}});
    QJsonObject body{
        {QStringLiteral("changes"), changes}, {QStringLiteral("next"), next}, {QStringLiteral("more"), more}};
    if (!instance.isEmpty())
        body.insert(QStringLiteral("instance"), instance);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

qint64 sinceOf(const FakeServer::Request &request)
{
    return QUrlQuery(QUrl(QString::fromLatin1(request.target)).query())
        .queryItemValue(QStringLiteral("since"))
        .toLongLong();
}

PendingWrite write(const QString &id)
{
    PendingWrite w;
    w.id = id;
    w.path = QStringLiteral("/api/v1/items/i1/messages");
    w.body = QByteArrayLiteral("{\"body\":\"x\"}");
    return w;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    void pullsEveryPage()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &request) {
            return sinceOf(request) == 0 ? FakeServer::Response{200, page({QStringLiteral("a")}, 1, true)}
                                         : FakeServer::Response{200, page({QStringLiteral("b")}, 2, false)};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy items(&engine, &SyncEngine::itemsChanged);
        engine.start();
        QTRY_COMPARE(items.size(), 2);
        QCOMPARE(cursor(), 2);
        QCOMPARE(sinceOf(server.requests.at(1)), 1);
    }

    void deliversInOrderAndRetriesWithTheSameKey()
    {
        FakeServer server;
        int failuresLeft = 2;
        server.handler = [&failuresLeft](const FakeServer::Request &request) {
            if (request.method == "GET")
                return FakeServer::Response{200, page({}, 0, false)};
            if (request.headers.value("idempotency-key") == "w1" && failuresLeft-- > 0)
                return FakeServer::Response{503, problem(QStringLiteral("unavailable"), 503)};
            return FakeServer::Response{201, R"({"id":"m"})"};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy delivered(&engine, &SyncEngine::writeDelivered);
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        engine.submit(write(QStringLiteral("w1")));
        engine.submit(write(QStringLiteral("w2")));
        engine.submit(write(QStringLiteral("w3")));
        engine.start();
        QTRY_COMPARE(delivered.size(), 3);
        QCOMPARE(delivered.at(0).at(0).toString(), QStringLiteral("w1"));
        QCOMPARE(delivered.at(1).at(0).toString(), QStringLiteral("w2"));
        QCOMPARE(delivered.at(2).at(0).toString(), QStringLiteral("w3"));
        QStringList keys;
        for (const auto &request : std::as_const(server.requests)) {
            if (request.method == "POST")
                keys << QString::fromLatin1(request.headers.value("idempotency-key"));
        }
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("w1"), QStringLiteral("w1"), QStringLiteral("w1"), QStringLiteral("w2"),
                              QStringLiteral("w3")}));
        QCOMPARE(pending(), 0);
        QTRY_VERIFY(!states.isEmpty() && states.last().at(0).value<SyncState>() == SyncState::Online
                    && states.last().at(1).toInt() == 0);
    }

    void busyServerIsNotOffline()
    {
        FakeServer server;
        int busyLeft = 2;
        server.handler = [&busyLeft](const FakeServer::Request &request) {
            if (request.method == "GET")
                return FakeServer::Response{200, page({}, 0, false)};
            if (request.headers.value("idempotency-key") == "w1" && busyLeft-- > 0)
                return FakeServer::Response{503, problem(QStringLiteral("busy"), 503), "application/problem+json"};
            if (request.headers.value("idempotency-key") == "w2" && busyLeft-- > -2)
                return FakeServer::Response{503, "<html>Service Unavailable</html>", "text/html"};
            return FakeServer::Response{201, R"({"id":"m"})"};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy delivered(&engine, &SyncEngine::writeDelivered);
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        engine.submit(write(QStringLiteral("w1")));
        engine.start();
        QTRY_COMPARE(delivered.size(), 1);
        for (const auto &state : std::as_const(states)) // the server said it was busy: never "offline"
            QVERIFY(state.at(0).value<SyncState>() != SyncState::Offline);
        // A proxy's page instead of the server's answer: the server is out of reach.
        engine.submit(write(QStringLiteral("w2")));
        QTRY_VERIFY(std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &state) {
            return state.at(0).value<SyncState>() == SyncState::Offline;
        }));
        QTRY_COMPARE(delivered.size(), 2);
    }

    void finalRejectionIsDroppedAndReported()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &request) {
            if (request.method == "GET")
                return FakeServer::Response{200, page({}, 0, false)};
            if (request.headers.value("idempotency-key") == "bad")
                return FakeServer::Response{409, problem(QStringLiteral("conflict"), 409)};
            return FakeServer::Response{201, R"({})"};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy delivered(&engine, &SyncEngine::writeDelivered);
        QSignalSpy rejected(&engine, &SyncEngine::writeRejected);
        engine.start();
        engine.submit(write(QStringLiteral("bad")));
        engine.submit(write(QStringLiteral("good")));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().at(0).toString(), QStringLiteral("bad"));
        QCOMPARE(rejected.first().at(1).value<Error>().code, ErrorCode::Conflict);
        QCOMPARE(pending(), 0);
    }

    void goneResetsAndResyncsKeepingTheOutbox()
    {
        {
            auto cache = LocalCache::open(m_path, QStringLiteral("prep"));
            QVERIFY(cache);
            QVERIFY(cache->applyChanges({QJsonObject{{QStringLiteral("seq"), 5},
                                                     {QStringLiteral("entity"), QStringLiteral("inbox_item")},
                                                     {QStringLiteral("id"), QStringLiteral("old")},
                                                     {QStringLiteral("data"), item(QStringLiteral("old"))}}},
                                        5));
            QVERIFY(cache->enqueue(write(QStringLiteral("w1"))));
        }
        FakeServer server;
        server.handler = [](const FakeServer::Request &request) {
            if (request.method == "POST")
                return FakeServer::Response{503, problem(QStringLiteral("unavailable"), 503)};
            return sinceOf(request) == 5 ? FakeServer::Response{410, problem(QStringLiteral("gone"), 410)}
                                         : FakeServer::Response{200, page({QStringLiteral("new")}, 9, false)};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy reset(&engine, &SyncEngine::cacheReset);
        QSignalSpy items(&engine, &SyncEngine::itemsChanged);
        engine.start();
        QTRY_COMPARE(items.size(), 1);
        QCOMPARE(reset.size(), 1);
        engine.stop();
        auto cache = LocalCache::open(m_path, QStringLiteral("check"));
        QVERIFY(cache);
        QCOMPARE(*cache->cursor(), 9);
        QCOMPARE(cache->items()->size(), 1);
        QCOMPARE(cache->items()->first().id, QStringLiteral("new"));
        QCOMPARE(*cache->pendingCount(), 1); // 503 keeps it
    }

    // A cache filled from one server database, then pointed at another (replaced, or restored
    // from a backup with lower sequence numbers): what it holds is stale, so it starts from 0.
    void anotherServerDatabaseResetsTheCache()
    {
        {
            FakeServer first;
            first.handler = [](const FakeServer::Request &) {
                return FakeServer::Response{200, page({QStringLiteral("old")}, 7, false, QStringLiteral("db-one"))};
            };
            SyncEngine engine(options(first.url()));
            QSignalSpy items(&engine, &SyncEngine::itemsChanged);
            engine.start();
            QTRY_COMPARE(items.size(), 1);
            engine.stop();
        }
        FakeServer second;
        QList<qint64> cursors;
        second.handler = [&cursors](const FakeServer::Request &request) {
            cursors.append(sinceOf(request));
            return FakeServer::Response{200, page({QStringLiteral("fresh")}, 3, false, QStringLiteral("db-two"))};
        };
        SyncEngine engine(options(second.url()));
        QSignalSpy reset(&engine, &SyncEngine::cacheReset);
        engine.start();
        QTRY_COMPARE(reset.size(), 1);
        QTRY_VERIFY(cursors.size() >= 2);
        engine.stop();
        QCOMPARE(cursors.first(), 7); // the old cursor…
        QCOMPARE(cursors.at(1), 0); // …then from the start
        auto cache = LocalCache::open(m_path, QStringLiteral("check"));
        QVERIFY(cache);
        QCOMPARE(cache->items()->size(), 1);
        QCOMPARE(cache->items()->first().id, QStringLiteral("fresh"));
        QCOMPARE(*cache->cursor(), 3);
    }

    void unauthorizedLogsOutAndKeepsWrites()
    {
        FakeServer server;
        server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{401, problem(QStringLiteral("unauthenticated"), 401)};
        };
        SyncEngine engine(options(server.url()));
        QSignalSpy loggedOut(&engine, &SyncEngine::loggedOut);
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        engine.submit(write(QStringLiteral("w1")));
        engine.start();
        QTRY_VERIFY(loggedOut.size() >= 1);
        QCOMPARE(states.last().at(0).value<SyncState>(), SyncState::LoggedOut);
        QCOMPARE(pending(), 1);
    }

    void offlineShowsQueuedWrites()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        SyncEngine engine(options(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        QSignalSpy states(&engine, &SyncEngine::stateChanged);
        engine.start();
        engine.submit(write(QStringLiteral("w1")));
        engine.submit(write(QStringLiteral("w2")));
        QTRY_VERIFY(!states.isEmpty() && states.last().at(0).value<SyncState>() == SyncState::Offline
                    && states.last().at(1).toInt() == 2);
    }

private:
    SyncEngine::Options options(const QUrl &url) const
    {
        SyncEngine::Options options;
        options.server = url;
        options.token = QStringLiteral("tok");
        options.cachePath = m_path;
        options.pushChannel = false;
        options.pollIntervalMs = 0;
        options.requestTimeoutMs = 2000;
        options.writeRetryMinMs = 20;
        options.writeRetryMaxMs = 100;
        options.reconnectMinMs = 50;
        options.reconnectMaxMs = 200;
        return options;
    }
    qint64 cursor()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("peek"));
        return cache ? cache->cursor().value_or(-1) : -1;
    }
    int pending()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("peek"));
        return cache ? cache->pendingCount().value_or(-1) : -1;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
