#include "auth/core/loginratelimiter.h"
#include "fakeclock.h"

#include <QTest>

using namespace nara;
using nara::auth::LoginRateLimiter;

class TestLoginRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perUsername_data();
    void perUsername();
    void perAddress();
    void unlocksAfterWindow();
    void slidingWindowForgetsOldFailures();
    void successClearsUsername();
    void usernamesCompareCaseInsensitively();
};

void TestLoginRateLimiter::perUsername_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("none") << 0 << true;
    QTest::newRow("four") << 4 << true;
    QTest::newRow("five: locked") << 5 << false;
    QTest::newRow("six") << 6 << false;
}

void TestLoginRateLimiter::perUsername()
{
    QFETCH(int, failures);
    QFETCH(bool, allowed);
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < failures; ++i) {
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("10.0.0.%1").arg(i)); // from many addresses
        clock.advanceSeconds(1);
    }
    QCOMPARE(limiter.allowed(QStringLiteral("anna"), QStringLiteral("10.0.1.1")), allowed);
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("10.0.1.1")) > 0, !allowed);
    QVERIFY(limiter.allowed(QStringLiteral("bo"), QStringLiteral("10.0.1.1"))); // others unaffected
}

void TestLoginRateLimiter::perAddress()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    const QString address = QStringLiteral("192.0.2.7");
    for (int i = 0; i < 19; ++i)
        limiter.recordFailure(QStringLiteral("user%1").arg(i), address); // a different name every time
    QVERIFY(limiter.allowed(QStringLiteral("new"), address));
    limiter.recordFailure(QStringLiteral("user19"), address);
    QVERIFY(!limiter.allowed(QStringLiteral("new"), address));
    QVERIFY(limiter.allowed(QStringLiteral("new"), QStringLiteral("192.0.2.8")));
}

void TestLoginRateLimiter::unlocksAfterWindow()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 5; ++i)
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("b")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("b")), 15 * 60);
    clock.advanceSeconds(15 * 60 - 1);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("b")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("b")), 1);
    clock.advanceSeconds(1);
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("b")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("b")), 0);
}

void TestLoginRateLimiter::slidingWindowForgetsOldFailures()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    // Failures a minute apart: the fifth locks; when the first leaves the window, one try opens.
    for (int i = 0; i < 5; ++i) {
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
        clock.advanceSeconds(60);
    }
    // Now 5 minutes after the first failure.
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("a")), 10 * 60);
    clock.advanceSeconds(10 * 60);
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("a")), 60);
}

void TestLoginRateLimiter::successClearsUsername()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 4; ++i)
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    limiter.recordSuccess(QStringLiteral("anna"));
    for (int i = 0; i < 4; ++i)
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
}

void TestLoginRateLimiter::usernamesCompareCaseInsensitively()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    const QStringList spellings{QStringLiteral("Anna"), QStringLiteral("ANNA"), QStringLiteral("anna"),
                                QStringLiteral(" anna"), QStringLiteral("aNNa")};
    for (const QString &name : spellings)
        limiter.recordFailure(name, QStringLiteral("a"));
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("b")));
}

QTEST_GUILESS_MAIN(TestLoginRateLimiter)
#include "tst_loginratelimiter.moc"
