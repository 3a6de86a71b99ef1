// Scenario tests against a real nara-server: the HTTP guard's limits, sync paging, the expired
// cursor and the push channel.

#include "apifixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QWebSocket>

using namespace nara::test;

class TestApiTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hugeBodyIsRefusedBeforeBuffering();
    void hugeHeadersAreRefused();
    void chunkedUploadsAreRefused();
    void keepAliveStillWorksAfterLimitsCheck();
    void largeBodyNeedsABearerToken();
    void largeBodiesAtOnceAreCapped();
    void syncPagesWithoutGapsOrRepeats();
    void syncValidatesItsParameters_data();
    void syncValidatesItsParameters();
    void expiredCursorGets410();
    void pushAnnouncesNewSequences();
    void cleanupTestCase() { m_server.terminate(); }

private:
    ServerProcess m_server;
    QByteArray m_token;
};

void TestApiTransport::initTestCase()
{
    QVERIFY2(m_server.start(), m_server.output().constData());
    m_token = TestHttp(m_server.url()).login(QStringLiteral("anna"));
    QVERIFY(!m_token.isEmpty());
}

void TestApiTransport::hugeBodyIsRefusedBeforeBuffering()
{
    const qint64 before = m_server.peakResidentKiB();
    QVERIFY(before > 0);
    const qint64 size = 5 * 1024 * 1024;
    const QByteArray head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: "
        + QByteArray::number(size) + "\r\n\r\n";
    const QByteArray answer = rawExchange(m_server.port(), head, 10000, size);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("application/problem+json"));
    QVERIFY(answer.contains("payload-too-large"));
    // The 5 MiB never reached the server's memory (its high-water mark grew by far less).
    const qint64 after = m_server.peakResidentKiB();
    QVERIFY2(after - before < 2048, qPrintable(QStringLiteral("peak RSS grew %1 KiB").arg(after - before)));
    // And the server still answers.
    QCOMPARE(TestHttp(m_server.url()).get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestApiTransport::hugeHeadersAreRefused()
{
    const QByteArray head
        = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n";
    const QByteArray answer = rawExchange(m_server.port(), head);
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
}

void TestApiTransport::chunkedUploadsAreRefused()
{
    const QByteArray request
        = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
          "5\r\nhello\r\n0\r\n\r\n";
    const QByteArray answer = rawExchange(m_server.port(), request);
    QVERIFY2(answer.startsWith("HTTP/1.1 411"), answer.left(200).constData());
}

void TestApiTransport::keepAliveStillWorksAfterLimitsCheck()
{
    // Two requests on one connection: the guard follows request boundaries.
    const QByteArray body = "{\"username\":\"x\"}";
    const QByteArray one = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                           "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray two = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(one + two);
    while (timer.elapsed() < 10000 && answer.count("HTTP/1.1 ") < 2) {
        if (socket.waitForReadyRead(100))
            answer += socket.readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QVERIFY2(answer.contains("HTTP/1.1 200"), answer.constData());
}

namespace {

// The head of an image upload with a body of `size` bytes (over the 1 MiB default limit).
QByteArray imageUploadHead(qint64 size, const QByteArray &authorization)
{
    return "PUT /api/v1/images/" + QByteArray(64, 'a') + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
        + authorization + "Content-Length: " + QByteArray::number(size) + "\r\n\r\n";
}

} // namespace

void TestApiTransport::largeBodyNeedsABearerToken()
{
    const qint64 size = 2 * 1024 * 1024;
    for (const QByteArray &authorization : {QByteArray(), QByteArray("Authorization: Basic YW5uYTp4\r\n")}) {
        const QByteArray answer = rawExchange(m_server.port(), imageUploadHead(size, authorization), 10000, size);
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.left(200).constData());
        QVERIFY(answer.contains("application/problem+json"));
        QVERIFY(answer.contains("WWW-Authenticate: Bearer"));
    }
    // Small bodies are the routes' business, token or not.
    const QByteArray body = "{\"username\":\"x\"}";
    const QByteArray small = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                             "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QVERIFY(rawExchange(m_server.port(), small).startsWith("HTTP/1.1 400"));
}

void TestApiTransport::largeBodiesAtOnceAreCapped()
{
    // Nine signed-in uploads of 2 MiB that send only their first KiB: eight are received, the ninth
    // (whichever the server sees last) is answered 503 at once.
    const qint64 size = 2 * 1024 * 1024;
    const QByteArray head = imageUploadHead(size, "Authorization: Bearer " + m_token + "\r\n");
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 9; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write(head + QByteArray(1024, 'x'));
        QVERIFY(socket->waitForBytesWritten(5000));
        sockets.push_back(std::move(socket));
    }
    QList<QByteArray> answers(9);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && std::ranges::all_of(answers, &QByteArray::isEmpty)) {
        for (int i = 0; i < 9; ++i) {
            if (sockets[i]->waitForReadyRead(20))
                answers[i] += sockets[i]->readAll();
        }
    }
    const auto refused = std::ranges::find_if(answers, [](const QByteArray &a) { return !a.isEmpty(); });
    QVERIFY(refused != answers.end());
    QVERIFY2(refused->startsWith("HTTP/1.1 503"), refused->left(200).constData());
    QVERIFY(refused->contains("Retry-After: 5"));
    QVERIFY(refused->contains("application/problem+json"));
    QCOMPARE(std::ranges::count_if(answers, [](const QByteArray &a) { return !a.isEmpty(); }), 1);

    // Once those connections are gone their places are free again.
    for (auto &socket : sockets)
        socket->abort();
    QByteArray answer;
    timer.restart();
    do {
        answer = rawExchange(m_server.port(), head, 10000, size);
    } while (answer.startsWith("HTTP/1.1 503") && timer.elapsed() < 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.left(200).constData()); // the body is not that hash
}

void TestApiTransport::syncPagesWithoutGapsOrRepeats()
{
    TestHttp http(m_server.url());
    http.setToken(m_token);
    const QList<QJsonObject> small = syncAll(http, 37);
    const QList<QJsonObject> big = syncAll(http, 5000);
    QVERIFY(small.size() > 100);
    QCOMPARE(small.size(), big.size());
    QSet<qint64> seqs;
    qint64 previous = 0;
    for (int i = 0; i < small.size(); ++i) {
        const qint64 seq = small.at(i).value(QStringLiteral("seq")).toInteger();
        QVERIFY(seq > previous); // ascending, no repeats
        previous = seq;
        seqs.insert(seq);
        QCOMPARE(big.at(i).value(QStringLiteral("seq")).toInteger(), seq);
    }
    // Paging: 37 per page and `more` until the end; the last cursor has nothing new.
    const HttpReply first = http.get(QStringLiteral("/api/v1/sync?since=0&limit=37"));
    QCOMPARE(first.json().value(QStringLiteral("changes")).toArray().size(), 37);
    // Every page names the database it comes from, the same each time.
    const QString instance = first.json().value(QStringLiteral("instance")).toString();
    QCOMPARE(instance.size(), 36);
    QCOMPARE(
        http.get(QStringLiteral("/api/v1/sync?since=0&limit=1")).json().value(QStringLiteral("instance")).toString(),
        instance);
    QVERIFY(first.json().value(QStringLiteral("more")).toBool());
    const HttpReply last = http.get(QStringLiteral("/api/v1/sync?since=%1").arg(previous));
    QCOMPARE(last.status, 200);
    QVERIFY(last.json().value(QStringLiteral("changes")).toArray().isEmpty());
    QVERIFY(!last.json().value(QStringLiteral("more")).toBool());
}

void TestApiTransport::syncValidatesItsParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("negative since") << "since=-1";
    QTest::newRow("since not a number") << "since=abc";
    QTest::newRow("zero limit") << "since=0&limit=0";
    QTest::newRow("limit too big") << "since=0&limit=100000";
}

void TestApiTransport::syncValidatesItsParameters()
{
    QFETCH(QString, query);
    TestHttp http(m_server.url());
    http.setToken(m_token);
    const HttpReply reply = http.get(QStringLiteral("/api/v1/sync?") + query);
    QCOMPARE(reply.status, 400);
    QCOMPARE(problemType(reply), QStringLiteral("https://nara.example/problems/invalid-input"));
}

void TestApiTransport::expiredCursorGets410()
{
    TestHttp http(m_server.url());
    http.setToken(m_token);
    QCOMPARE(http.get(QStringLiteral("/api/v1/sync?since=1")).status, 200);
    QByteArray output;
    // Compaction alone keeps every cursor valid…
    QCOMPARE(m_server.runCommand({QStringLiteral("--compact-changes")}, &output), 0);
    QCOMPARE(http.get(QStringLiteral("/api/v1/sync?since=1")).status, 200);
    // …a reset sends every workstation back to 0.
    QCOMPARE(m_server.runCommand({QStringLiteral("--reset-sync")}, &output), 0);
    const HttpReply gone = http.get(QStringLiteral("/api/v1/sync?since=1"));
    QCOMPARE(gone.status, 410);
    QCOMPARE(problemType(gone), QStringLiteral("https://nara.example/problems/gone"));
    // Starting over works and still brings every item.
    const HttpReply fresh = http.get(QStringLiteral("/api/v1/sync?since=0&limit=10"));
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.json().value(QStringLiteral("changes")).toArray().size(), 10);
    // A cursor beyond the newest entry (a server restored from a backup) is gone too.
    QCOMPARE(http.get(QStringLiteral("/api/v1/sync?since=999999999")).status, 410);
}

void TestApiTransport::pushAnnouncesNewSequences()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    QUrl url = m_server.url();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/events"));
    // The workstation sends its token in the Authorization header (URLs reach proxy logs).
    QNetworkRequest upgrade(url);
    upgrade.setRawHeader("Authorization", "Bearer " + m_token);
    socket.open(upgrade);
    QVERIFY(connected.wait(5000));

    TestHttp http(m_server.url());
    http.setToken(m_token);
    const QJsonObject item = findItem(itemsIn(syncAll(http)), QStringLiteral("new"));
    const HttpReply read
        = http.postJson(QStringLiteral("/api/v1/items/%1/read").arg(item.value(QStringLiteral("id")).toString()), {});
    QCOMPARE(read.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 3000); // may arrive while the POST still waits
    const QJsonObject hint = QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).object();
    QCOMPARE(hint.value(QStringLiteral("type")).toString(), QStringLiteral("seq"));
    QVERIFY(hint.value(QStringLiteral("seq")).toInteger() > 0);
    // Only a number: no data rides on the push channel.
    QCOMPARE(hint.keys().size(), 2);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // Browsers cannot set headers on a WebSocket: they may send ?token=.
    QWebSocket browser;
    QSignalSpy browserMessages(&browser, &QWebSocket::textMessageReceived);
    QSignalSpy browserConnected(&browser, &QWebSocket::connected);
    url.setQuery(QStringLiteral("token=") + QString::fromUtf8(m_token));
    browser.open(url);
    QVERIFY(browserConnected.wait(5000));
    QCOMPARE(http.postJson(QStringLiteral("/api/v1/items/%1/read").arg(item.value(QStringLiteral("id")).toString()), {})
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(!browserMessages.isEmpty(), 3000);

    // A socket without a valid token is closed.
    QWebSocket stranger;
    QSignalSpy closed(&stranger, &QWebSocket::disconnected);
    url.setQuery(QStringLiteral("token=forged"));
    stranger.open(url);
    QVERIFY(closed.wait(5000));
}

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_api_transport.moc"
