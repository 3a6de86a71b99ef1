#include "auth/core/sessionstore.h"
#include "authdatabase.h"
#include "fakeclock.h"

#include <QRegularExpression>
#include <QTest>

using namespace nara;
using nara::auth::SessionStore;

class TestSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_database.reset(); }

    void createsRandomUrlSafeTokensStoredHashed();
    void validSessionValidates();
    void expiry_data();
    void expiry();
    void activityKeepsStaffSessionAlive();
    void touchesAtMostOncePerInterval();
    void revokedSessionIsRefused();
    void unknownAndMalformedTokensAreRefused_data();
    void unknownAndMalformedTokensAreRefused();
    void revokeAllEndsEverySessionOfASubject();

private:
    qint64 lastSeen(const QString &tokenHash);

    std::optional<test::AuthDatabase> m_database;
    test::FakeClock m_clock;
};

void TestSessionStore::init()
{
    m_database.emplace();
    QVERIFY(m_database->open());
}

qint64 TestSessionStore::lastSeen(const QString &tokenHash)
{
    return m_database->db()
        .scalar(QStringLiteral("SELECT last_seen_at FROM sessions WHERE token_hash = ?"), {tokenHash})
        ->toLongLong();
}

void TestSessionStore::createsRandomUrlSafeTokensStoredHashed()
{
    SessionStore store(m_database->db(), m_clock);
    auto first = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    auto second = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    QVERIFY(first && second);
    QCOMPARE(first->token.size(), 43); // 32 bytes, base64url, no padding
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(first->token).hasMatch());
    QVERIFY(first->token != second->token);
    QCOMPARE(first->expiresAt, m_clock.nowMs() + 12LL * 60 * 60 * 1000);
    QCOMPARE(first->tokenHash, SessionStore::hashToken(first->token.toLatin1()));
    QCOMPARE(first->tokenHash.size(), 64);
    // The token itself is stored nowhere.
    auto stored
        = m_database->db().scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {first->token});
    QCOMPARE(stored->toInt(), 0);
    QVERIFY(!store.create(QStringLiteral("robot"), QStringLiteral("x")));
}

void TestSessionStore::validSessionValidates()
{
    SessionStore store(m_database->db(), m_clock);
    auto session = store.create(QStringLiteral("patient"), QStringLiteral("p-1"));
    QVERIFY(session);
    QCOMPARE(session->expiresAt, m_clock.nowMs() + 2LL * 60 * 60 * 1000);
    m_clock.advanceSeconds(5);
    auto record = store.validate(session->token.toLatin1());
    QVERIFY(record);
    QCOMPARE(record->subjectKind, QStringLiteral("patient"));
    QCOMPARE(record->subjectId, QStringLiteral("p-1"));
    QCOMPARE(record->tokenHash, session->tokenHash);
    QVERIFY(!record->isStaff());
}

void TestSessionStore::expiry_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("idleSeconds");
    QTest::addColumn<bool>("valid");

    QTest::newRow("staff, 14 idle minutes") << "staff" << 14LL * 60 << true;
    QTest::newRow("staff, exactly 15 idle minutes") << "staff" << 15LL * 60 << true;
    QTest::newRow("staff, 15 idle minutes and a second") << "staff" << 15LL * 60 + 1 << false;
    QTest::newRow("patient, 29 idle minutes") << "patient" << 29LL * 60 << true;
    QTest::newRow("patient, 31 idle minutes") << "patient" << 31LL * 60 << false;
}

void TestSessionStore::expiry()
{
    QFETCH(QString, kind);
    QFETCH(qint64, idleSeconds);
    QFETCH(bool, valid);
    SessionStore store(m_database->db(), m_clock);
    auto session = store.create(kind, QStringLiteral("subject"));
    QVERIFY(session);
    m_clock.advanceSeconds(idleSeconds);
    auto record = store.validate(session->token.toLatin1());
    QCOMPARE(record.has_value(), valid);
    if (!valid)
        QCOMPARE(record.error().code, ErrorCode::Unauthenticated);
}

void TestSessionStore::activityKeepsStaffSessionAlive()
{
    SessionStore store(m_database->db(), m_clock);
    auto session = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    QVERIFY(session);
    // Active every ten minutes: the idle limit never bites, the absolute one does at 12 hours.
    for (int i = 0; i < 71; ++i) {
        m_clock.advanceSeconds(10 * 60);
        QVERIFY2(store.validate(session->token.toLatin1()), qPrintable(QString::number(i)));
    }
    m_clock.setMs(session->expiresAt - 1);
    QVERIFY(store.validate(session->token.toLatin1()));
    m_clock.setMs(session->expiresAt);
    auto expired = store.validate(session->token.toLatin1());
    QVERIFY(!expired);
    QCOMPARE(expired.error().code, ErrorCode::Unauthenticated);

    // A patient's absolute limit is two hours.
    auto patient = store.create(QStringLiteral("patient"), QStringLiteral("p-1"));
    QVERIFY(patient);
    for (int i = 0; i < 11; ++i) {
        m_clock.advanceSeconds(10 * 60);
        QVERIFY(store.validate(patient->token.toLatin1()));
    }
    m_clock.advanceSeconds(10 * 60);
    QVERIFY(!store.validate(patient->token.toLatin1()));
}

void TestSessionStore::touchesAtMostOncePerInterval()
{
    SessionStore store(m_database->db(), m_clock);
    auto session = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    QVERIFY(session);
    const qint64 created = m_clock.nowMs();
    m_clock.advanceSeconds(30);
    QVERIFY(store.validate(session->token.toLatin1()));
    QCOMPARE(lastSeen(session->tokenHash), created); // within the minute: no write
    m_clock.advanceSeconds(31);
    QVERIFY(store.validate(session->token.toLatin1()));
    QCOMPARE(lastSeen(session->tokenHash), m_clock.nowMs());
}

void TestSessionStore::revokedSessionIsRefused()
{
    SessionStore store(m_database->db(), m_clock);
    auto session = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    auto other = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    QVERIFY(session && other);
    QVERIFY(store.revoke(session->tokenHash));
    auto record = store.validate(session->token.toLatin1());
    QVERIFY(!record);
    QCOMPARE(record.error().code, ErrorCode::Unauthenticated);
    QVERIFY(store.validate(other->token.toLatin1())); // only that session ended
}

void TestSessionStore::unknownAndMalformedTokensAreRefused_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown") << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("huge") << QByteArray(10000, 'a');
    QTest::newRow("sql") << QByteArray("' OR 1=1 --");
}

void TestSessionStore::unknownAndMalformedTokensAreRefused()
{
    QFETCH(QByteArray, token);
    SessionStore store(m_database->db(), m_clock);
    QVERIFY(store.create(QStringLiteral("staff"), QStringLiteral("s-1")));
    auto record = store.validate(token);
    QVERIFY(!record);
    QCOMPARE(record.error().code, ErrorCode::Unauthenticated);
}

void TestSessionStore::revokeAllEndsEverySessionOfASubject()
{
    SessionStore store(m_database->db(), m_clock);
    auto a = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    auto b = store.create(QStringLiteral("staff"), QStringLiteral("s-1"));
    auto c = store.create(QStringLiteral("staff"), QStringLiteral("s-2"));
    QVERIFY(a && b && c);
    QCOMPARE(store.revokeAll(QStringLiteral("staff"), QStringLiteral("s-1")).value(), 2);
    QVERIFY(!store.validate(a->token.toLatin1()));
    QVERIFY(!store.validate(b->token.toLatin1()));
    QVERIFY(store.validate(c->token.toLatin1()));
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
