// The sync engine against a real nara-server: kill -9 of the server while the outbox is being
// delivered, and a network drop (a TCP proxy in the test, cut and restored) in the middle of a
// sync. Both end in the same check (REFERENCE.md §5): every write the user saw as sent exists
// exactly once on the server, and the cache converges with the server.

#include "foundation/core/ids.h"
#include "serverprocess.h"
#include "sync/core/localcache.h"
#include "sync/core/syncengine.h"
#include "testhttp.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace nara;
using namespace nara::sync;
using nara::test::ServerProcess;
using nara::test::TestHttp;

namespace {

// Forwards TCP connections to the server; cut() resets every connection and refuses new ones
// until restore(). Runs on the test's thread.
class TcpProxy final : public QObject
{
public:
    explicit TcpProxy(quint16 targetPort)
        : m_target(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onConnection);
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void cut()
    {
        m_cut = true;
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->abort();
    }
    void restore() { m_cut = false; }

private:
    void onConnection()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(this);
            if (m_cut) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(this);
            auto pending = std::make_shared<QByteArray>();
            connect(client, &QTcpSocket::readyRead, this, [client, upstream, pending] {
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
                else
                    *pending += client->readAll();
            });
            connect(upstream, &QTcpSocket::connected, this, [upstream, pending] {
                upstream->write(*pending);
                pending->clear();
            });
            connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] { client->write(upstream->readAll()); });
            const auto close = [client, upstream] {
                client->disconnectFromHost();
                upstream->disconnectFromHost();
                client->deleteLater();
                upstream->deleteLater();
            };
            connect(client, &QTcpSocket::disconnected, this, close);
            connect(upstream, &QTcpSocket::disconnected, this, close);
            connect(upstream, &QAbstractSocket::errorOccurred, this, close);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_server;
    quint16 m_target;
    bool m_cut = false;
};

// A SyncEngine on its own thread, as the workstation runs it.
class EngineThread
{
public:
    explicit EngineThread(SyncEngine::Options options)
    {
        engine = new SyncEngine(std::move(options));
        engine->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, engine, &QObject::deleteLater);
        thread.start();
    }
    ~EngineThread()
    {
        QMetaObject::invokeMethod(
            engine, [e = engine] { e->stop(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    void start()
    {
        QMetaObject::invokeMethod(engine, [e = engine] { e->start(); });
    }
    void submit(const PendingWrite &write)
    {
        QMetaObject::invokeMethod(engine, [e = engine, write] { e->submit(write); });
    }

    QThread thread;
    SyncEngine *engine = nullptr;
};

struct ServerView
{
    QHash<QString, QJsonObject> items; // id → newest inbox_item
    qint64 next = 0;
    bool ok = false;
};

ServerView fullSync(TestHttp &http)
{
    ServerView view;
    qint64 since = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const auto reply = http.get(QStringLiteral("/api/v1/sync?since=%1&limit=5000").arg(since));
        if (reply.status != 200)
            return view;
        const QJsonObject page = reply.json();
        const QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
        for (const QJsonValue &change : changes) {
            const QJsonObject c = change.toObject();
            if (c.value(QStringLiteral("entity")).toString() == u"inbox_item")
                view.items.insert(c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("data")).toObject());
        }
        since = page.value(QStringLiteral("next")).toInteger();
        if (!page.value(QStringLiteral("more")).toBool()) {
            view.next = since;
            view.ok = true;
            return view;
        }
    }
    return view;
}

PendingWrite messageWrite(const QString &itemId, const QString &messageId, int n)
{
    PendingWrite write;
    write.id = newId();
    write.path = QStringLiteral("/api/v1/items/%1/messages").arg(itemId);
    write.body = QJsonDocument(QJsonObject{{QStringLiteral("id"), messageId},
                                           {QStringLiteral("body"), QStringLiteral("Svar %1").arg(n)}})
                     .toJson(QJsonDocument::Compact);
    write.itemId = itemId;
    return write;
}

} // namespace

class TestSyncResilience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        const bool started = m_server->start();
        QVERIFY2(started, m_server->output().constData());
    }

    void killServerWhileDelivering()
    {
        TestHttp http(m_server->url());
        QString staffId;
        QVERIFY(login(http, &staffId));
        const QString itemId = chatItemFor(http, staffId);
        QVERIFY2(!itemId.isEmpty(), "anna has no chat item she can answer");

        QTemporaryDir dir;
        QStringList delivered;
        QStringList rejected;
        QObject receiver; // destroyed before the lists: drops signals still queued for them
        EngineThread engine(options(m_server->url(), dir.filePath(QStringLiteral("cache.sqlite"))));
        connect(engine.engine, &SyncEngine::writeDelivered, &receiver,
                [&delivered](const QString &id, const QByteArray &) { delivered << id; });
        connect(engine.engine, &SyncEngine::writeRejected, &receiver,
                [&rejected](const QString &id, const Error &error) { rejected << id + u": " + error.message; });
        engine.start();

        QStringList messageIds;
        QSet<QString> writeIds;
        for (int n = 1; n <= 100; ++n) {
            messageIds << newId();
            const PendingWrite write = messageWrite(itemId, messageIds.last(), n);
            writeIds.insert(write.id);
            engine.submit(write);
        }

        QTRY_VERIFY_WITH_TIMEOUT(delivered.size() >= 30, 60000);
        const bool restarted = m_server->restart(); // SIGKILL, same port and data
        QVERIFY2(restarted, m_server->output().constData());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size() + rejected.size(), 100, 180000);
        const QString rejections = rejected.join(u'\n');
        QVERIFY2(rejected.isEmpty(), qPrintable(rejections));
        QCOMPARE(QSet<QString>(delivered.cbegin(), delivered.cend()), writeIds); // each reported once
        QCOMPARE(pendingIn(dir.filePath(QStringLiteral("cache.sqlite"))), 0);

        // On the server: each message exactly once.
        const auto reply = http.get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId));
        QCOMPARE(reply.status, 200);
        QHash<QString, int> seen;
        const QJsonArray messages = reply.json().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue &message : messages)
            ++seen[message.toObject().value(QStringLiteral("id")).toString()];
        for (const QString &id : std::as_const(messageIds))
            QCOMPARE(seen.value(id), 1);
    }

    void networkDropMidSync()
    {
        TestHttp http(m_server->url());
        QString staffId;
        QVERIFY(login(http, &staffId));
        const QString itemId = chatItemFor(http, staffId);
        QVERIFY(!itemId.isEmpty());

        TcpProxy proxy(m_server->port());
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine::Options opts = options(proxy.url(), cachePath);
        opts.pageSize = 50; // many pages, so the cut lands mid-sync
        int pages = 0;
        bool sawOffline = false;
        QStringList delivered;
        QObject receiver;
        EngineThread engine(opts);
        connect(engine.engine, &SyncEngine::itemsChanged, &receiver, [&](const QList<inbox::InboxItem> &) {
            if (++pages == 1)
                proxy.cut();
        });
        connect(engine.engine, &SyncEngine::stateChanged, &receiver,
                [&sawOffline](SyncState state, int) { sawOffline = sawOffline || state == SyncState::Offline; });
        connect(engine.engine, &SyncEngine::writeDelivered, &receiver,
                [&delivered](const QString &id, const QByteArray &) { delivered << id; });
        engine.start();

        QTRY_VERIFY_WITH_TIMEOUT(sawOffline, 60000);
        // Written while offline: queued, delivered after the network returns.
        QStringList messageIds;
        for (int n = 1; n <= 5; ++n) {
            messageIds << newId();
            engine.submit(messageWrite(itemId, messageIds.last(), n));
        }
        QTest::qWait(1500);
        QVERIFY(delivered.isEmpty());
        proxy.restore();

        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 5, 60000);
        const ServerView server = fullSync(http);
        QVERIFY(server.ok);
        QTRY_VERIFY_WITH_TIMEOUT(cursorIn(cachePath) >= server.next, 60000);

        auto cache = LocalCache::open(cachePath, QStringLiteral("verify-drop"));
        QVERIFY(cache);
        const auto items = cache->items();
        QVERIFY(items);
        QSet<QString> cached;
        for (const inbox::InboxItem &item : *items)
            cached.insert(item.id);
        QCOMPARE(cached.size(), server.items.size());
        for (auto it = server.items.cbegin(); it != server.items.cend(); ++it)
            QVERIFY(cached.contains(it.key()));
        QCOMPARE(*cache->pendingCount(), 0);

        const auto reply = http.get(QStringLiteral("/api/v1/items/%1/messages").arg(itemId));
        QHash<QString, int> seen;
        const QJsonArray messages = reply.json().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue &message : messages)
            ++seen[message.toObject().value(QStringLiteral("id")).toString()];
        for (const QString &id : std::as_const(messageIds))
            QCOMPARE(seen.value(id), 1);
    }

private:
    SyncEngine::Options options(const QUrl &server, const QString &cachePath) const
    {
        SyncEngine::Options options;
        options.server = server;
        options.token = QString::fromUtf8(m_token);
        options.cachePath = cachePath;
        options.pollIntervalMs = 3000;
        options.requestTimeoutMs = 5000;
        options.writeRetryMaxMs = 2000; // keep the test short; production backs off to 30 s
        options.reconnectMaxMs = 2000;
        return options;
    }

    bool login(TestHttp &http, QString *staffId)
    {
        const auto reply = http.postJson(QStringLiteral("/api/v1/auth/login"),
                                         QJsonObject{{QStringLiteral("username"), QStringLiteral("anna")},
                                                     {QStringLiteral("password"), QStringLiteral("demo")}});
        if (reply.status != 200)
            return false;
        m_token = reply.json().value(QStringLiteral("token")).toString().toUtf8();
        *staffId = reply.json().value(QStringLiteral("staff")).toObject().value(QStringLiteral("id")).toString();
        http.setToken(m_token);
        return !m_token.isEmpty();
    }

    // An open chat item of anna's units that she holds or can claim.
    static QString chatItemFor(TestHttp &http, const QString &staffId)
    {
        const ServerView view = fullSync(http);
        for (auto it = view.items.cbegin(); it != view.items.cend(); ++it) {
            const QJsonObject &item = it.value();
            const QString owner = item.value(QStringLiteral("ownerId")).toString();
            if (item.value(QStringLiteral("kind")).toString() != u"chat"
                || item.value(QStringLiteral("state")).toString() == u"done" || (!owner.isEmpty() && owner != staffId))
                continue;
            if (owner == staffId)
                return it.key();
            const auto claimed = http.postJson(QStringLiteral("/api/v1/items/%1/claim").arg(it.key()), QJsonObject{});
            if (claimed.status == 200)
                return it.key();
        }
        return {};
    }

    static int pendingIn(const QString &cachePath)
    {
        auto cache = LocalCache::open(cachePath, QStringLiteral("verify-") + newId());
        return cache ? cache->pendingCount().value_or(-1) : -1;
    }

    static qint64 cursorIn(const QString &cachePath)
    {
        auto cache = LocalCache::open(cachePath, QStringLiteral("verify-") + newId());
        return cache ? cache->cursor().value_or(-1) : -1;
    }

    std::unique_ptr<ServerProcess> m_server;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(TestSyncResilience)
#include "tst_syncresilience.moc"
