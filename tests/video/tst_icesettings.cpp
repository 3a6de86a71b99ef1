// ICE server settings: URL validation and coturn REST credentials (use-auth-secret).

#include "video/core/icesettings.h"

#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace nara;
using namespace nara::video;

class TestIceSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urls_data();
    void urls();
    void noUrlsNoServers();
    void stunAndTurnAreGroupedWithCredentials();
    void credentialIsTheCoturnHmac();
    void turnWithoutSecretIsBare();
    void ttlIsBounded();
};

void TestIceSettings::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("stun host") << "stun:stun.example.se" << true;
    QTest::newRow("stun port") << "stun:stun.example.se:3478" << true;
    QTest::newRow("stun ipv4") << "stun:192.0.2.10:3478" << true;
    QTest::newRow("stun ipv6") << "stun:[2001:db8::1]:3478" << true;
    QTest::newRow("turn udp") << "turn:turn.example.se:3478?transport=udp" << true;
    QTest::newRow("turn tcp") << "turn:turn.example.se?transport=tcp" << true;
    QTest::newRow("turns") << "turns:turn.example.se:5349" << true;
    QTest::newRow("ftp") << "ftp://x" << false;
    QTest::newRow("http") << "http://turn.example.se" << false;
    QTest::newRow("no host") << "stun:" << false;
    QTest::newRow("slashes") << "stun://stun.example.se" << false;
    QTest::newRow("stun transport") << "stun:stun.example.se?transport=udp" << false;
    QTest::newRow("port too big") << "turn:turn.example.se:70000" << false;
    QTest::newRow("port zero") << "turn:turn.example.se:0" << false;
    QTest::newRow("credentials in url") << "turn:user:pw@turn.example.se" << false;
    QTest::newRow("bad transport") << "turn:turn.example.se?transport=sctp" << false;
    QTest::newRow("space") << "stun:stun example" << false;
}

void TestIceSettings::urls()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QCOMPARE(bool(IceSettings::checkUrl(url)), valid);
    auto settings = IceSettings::create({url}, {});
    QCOMPARE(bool(settings), valid);
    if (!valid)
        QVERIFY(settings.error().message.contains(url));
}

void TestIceSettings::noUrlsNoServers()
{
    auto settings = IceSettings::create({}, QStringLiteral("secret"));
    QVERIFY(settings);
    QCOMPARE(settings->iceServers(QStringLiteral("staff:a"), 1000).size(), 0);
    QCOMPARE(IceSettings().iceServers(QStringLiteral("staff:a"), 1000).size(), 0);
}

void TestIceSettings::stunAndTurnAreGroupedWithCredentials()
{
    auto settings
        = IceSettings::create({QStringLiteral("stun:s.example.se"), QStringLiteral("turn:t.example.se:3478"),
                               QStringLiteral("turns:t.example.se:5349"), QStringLiteral("stun:s.example.se")},
                              QStringLiteral("north-secret"), 600);
    QVERIFY(settings);
    QCOMPARE(settings->urls().size(), 3); // the duplicate goes
    const qint64 now = 1'764'000'000'123;
    const QJsonArray servers = settings->iceServers(QStringLiteral("patient:p-1"), now);
    QCOMPARE(servers.size(), 2);
    const QJsonObject stun = servers.at(0).toObject();
    QCOMPARE(stun.value(QStringLiteral("urls")).toArray(), QJsonArray{QStringLiteral("stun:s.example.se")});
    QVERIFY(!stun.contains(QStringLiteral("username")));
    const QJsonObject turn = servers.at(1).toObject();
    QCOMPARE(turn.value(QStringLiteral("urls")).toArray(),
             (QJsonArray{QStringLiteral("turn:t.example.se:3478"), QStringLiteral("turns:t.example.se:5349")}));
    const QString username = turn.value(QStringLiteral("username")).toString();
    QCOMPARE(username, QStringLiteral("1764000600:patient:p-1")); // expiry = now (s) + ttl
    const QByteArray expected
        = QMessageAuthenticationCode::hash(username.toUtf8(), "north-secret", QCryptographicHash::Sha1).toBase64();
    QCOMPARE(turn.value(QStringLiteral("credential")).toString(), QString::fromLatin1(expected));
    // Another peer, another credential; later, another expiry.
    const QJsonObject other = settings->iceServers(QStringLiteral("staff:s-1"), now + 10'000).at(1).toObject();
    QCOMPARE(other.value(QStringLiteral("username")).toString(), QStringLiteral("1764000610:staff:s-1"));
    QVERIFY(other.value(QStringLiteral("credential")) != turn.value(QStringLiteral("credential")));
}

void TestIceSettings::credentialIsTheCoturnHmac()
{
    // RFC 2104 test case 2 (HMAC-SHA1, key "Jefe"), base64 of effcdf6ae5eb2fa2d27416d5f184df9c259a7c79.
    QCOMPARE(IceSettings::credentialFor(QStringLiteral("Jefe"), QStringLiteral("what do ya want for nothing?")),
             QString::fromLatin1(QByteArray::fromHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79").toBase64()));
}

void TestIceSettings::turnWithoutSecretIsBare()
{
    auto settings = IceSettings::create({QStringLiteral("turn:t.example.se")}, {});
    QVERIFY(settings);
    const QJsonObject turn = settings->iceServers(QStringLiteral("staff:s"), 0).at(0).toObject();
    QVERIFY(!turn.contains(QStringLiteral("username")));
    QVERIFY(!turn.contains(QStringLiteral("credential")));
}

void TestIceSettings::ttlIsBounded()
{
    QVERIFY(!IceSettings::create({}, QStringLiteral("s"), 59));
    QVERIFY(!IceSettings::create({}, QStringLiteral("s"), 8 * 24 * 3600));
    QVERIFY(IceSettings::create({}, QStringLiteral("s"), 60));
    QCOMPARE(IceSettings::create({}, {})->ttlSeconds(), IceSettings::kDefaultTtlSeconds);
}

QTEST_GUILESS_MAIN(TestIceSettings)
#include "tst_icesettings.moc"
