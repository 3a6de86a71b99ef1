#include "auth/core/loginratelimiter.h"
#include "fakeclock.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace nara;
using nara::auth::LoginRateLimiter;
using nara::auth::LoginsInFlight;
using Outcome = nara::auth::LoginRateLimiter::Outcome;

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

    void unsettledReservationsExhaustUsername();
    void unsettledReservationsExhaustAddress();
    void failedSettlementKeepsTheAttempt();
    void successRefundsTheReservation();
    void successKeepsOtherLoginsInFlight();
    void withdrawnRefundsWithoutClearing();
    void reservationsLeaveWithTheWindow();
    void parallelReservationsStopAtTheBudget();

    void inFlightCapsTotal();
    void inFlightCapsPerUsername();
    void inFlightSlotOutlivesTheCounter();
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

// Requests that arrive before any hash has finished: each reserves an attempt, so the sixth is
// refused although not one failure has been recorded yet.
void TestLoginRateLimiter::unsettledReservationsExhaustUsername()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("10.0.0.%1").arg(i)));
    qint64 wait = -1;
    QVERIFY(!limiter.tryReserve(QStringLiteral("ANNA"), QStringLiteral("10.0.1.1"), &wait));
    QCOMPARE(wait, 15 * 60);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("10.0.1.1")));
    QCOMPARE(limiter.retryAfterSeconds(QStringLiteral("anna"), QStringLiteral("10.0.1.1")), 15 * 60);
    QVERIFY(limiter.tryReserve(QStringLiteral("bo"), QStringLiteral("10.0.1.1"), &wait)); // others unaffected
    QCOMPARE(wait, 0);
}

void TestLoginRateLimiter::unsettledReservationsExhaustAddress()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    const QString address = QStringLiteral("192.0.2.7");
    for (int i = 0; i < 20; ++i)
        QVERIFY(limiter.tryReserve(QStringLiteral("user%1").arg(i), address));
    QVERIFY(!limiter.tryReserve(QStringLiteral("new"), address));
    QVERIFY(!limiter.allowed(QStringLiteral("new"), address));
    QVERIFY(limiter.tryReserve(QStringLiteral("new"), QStringLiteral("192.0.2.8")));
}

void TestLoginRateLimiter::failedSettlementKeepsTheAttempt()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 5; ++i) {
        auto reservation = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"));
        QVERIFY(reservation);
        limiter.settle(*reservation, Outcome::Failed);
        clock.advanceSeconds(1);
    }
    QVERIFY(!limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a")));
    // Settled failures are ordinary failures: a success (from elsewhere) clears them.
    limiter.recordSuccess(QStringLiteral("anna"));
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("b")));
}

void TestLoginRateLimiter::successRefundsTheReservation()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock, {5, 2, 15 * 60 * 1000});
    // Four failures and a reservation: the name is at its limit.
    for (int i = 0; i < 4; ++i)
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("10.0.0.%1").arg(i));
    auto reservation = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(reservation);
    QVERIFY(limiter.tryReserve(QStringLiteral("bo"), QStringLiteral("a"))); // the address is at its limit too
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("z")));
    QVERIFY(!limiter.allowed(QStringLiteral("carl"), QStringLiteral("a")));

    limiter.settle(*reservation, Outcome::Succeeded);
    // The name's failures are cleared and the address gets its attempt back (bo's is still held).
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("z")));
    QVERIFY(limiter.tryReserve(QStringLiteral("carl"), QStringLiteral("a")));
    QVERIFY(!limiter.tryReserve(QStringLiteral("dora"), QStringLiteral("a")));
    // Settling twice changes nothing.
    limiter.settle(*reservation, Outcome::Succeeded);
    QVERIFY(!limiter.allowed(QStringLiteral("dora"), QStringLiteral("a")));
}

// One correct login must not wipe the guesses still being checked for the same name.
void TestLoginRateLimiter::successKeepsOtherLoginsInFlight()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 4; ++i)
        QVERIFY(limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("attacker")));
    auto real = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("anna's desk"));
    QVERIFY(real);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("attacker")));
    limiter.settle(*real, Outcome::Succeeded);
    QVERIFY(limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("attacker"))); // the refunded one
    QVERIFY(!limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("attacker")));
    limiter.recordSuccess(QStringLiteral("anna"));
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("attacker")));
}

void TestLoginRateLimiter::withdrawnRefundsWithoutClearing()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    for (int i = 0; i < 4; ++i)
        limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a"));
    auto reservation = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(reservation);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    limiter.settle(*reservation, Outcome::Withdrawn); // for example the server was too busy to check it
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    limiter.recordFailure(QStringLiteral("anna"), QStringLiteral("a")); // the four failures are still there
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
}

void TestLoginRateLimiter::reservationsLeaveWithTheWindow()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    std::vector<LoginRateLimiter::Reservation> reservations;
    for (int i = 0; i < 5; ++i) {
        auto reservation = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"));
        QVERIFY(reservation);
        reservations.push_back(*reservation);
        clock.advanceSeconds(60);
    }
    qint64 wait = 0;
    QVERIFY(!limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"), &wait));
    QCOMPARE(wait, 10 * 60); // the first leaves the window 15 minutes after it was reserved
    clock.advanceSeconds(10 * 60);
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    auto late = limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("a"));
    QVERIFY(late);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    // Settling after the window has pruned a reservation is harmless.
    limiter.settle(reservations.front(), Outcome::Failed);
    limiter.settle(reservations.front(), Outcome::Withdrawn);
    QVERIFY(!limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    clock.advanceSeconds(15 * 60);
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
    limiter.settle(*late, Outcome::Failed);
    QVERIFY(limiter.allowed(QStringLiteral("anna"), QStringLiteral("a")));
}

void TestLoginRateLimiter::parallelReservationsStopAtTheBudget()
{
    test::FakeClock clock;
    LoginRateLimiter limiter(clock);
    std::atomic<int> granted{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back(QThread::create([&limiter, &granted] {
            for (int i = 0; i < 50; ++i) {
                if (limiter.tryReserve(QStringLiteral("anna"), QStringLiteral("10.0.0.1")))
                    ++granted;
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(30000));
    QCOMPARE(granted.load(), 5);
}

void TestLoginRateLimiter::inFlightCapsTotal()
{
    LoginsInFlight logins({2, 4});
    auto first = logins.tryAcquire(QStringLiteral("anna"));
    auto second = logins.tryAcquire(QStringLiteral("bo"));
    QVERIFY(first);
    QVERIFY(second);
    QVERIFY(!logins.tryAcquire(QStringLiteral("carl")));
    QCOMPARE(logins.inFlight(), 2);
    first.reset();
    QCOMPARE(logins.inFlight(), 1);
    auto third = logins.tryAcquire(QStringLiteral("carl"));
    QVERIFY(third);
    // A moved slot is released once.
    std::optional<LoginsInFlight::Slot> moved(std::move(*third));
    third.reset();
    QCOMPARE(logins.inFlight(), 2);
    moved.reset();
    second.reset();
    QCOMPARE(logins.inFlight(), 0);
    QCOMPARE(logins.inFlight(QStringLiteral("carl")), 0);
}

void TestLoginRateLimiter::inFlightCapsPerUsername()
{
    LoginsInFlight logins; // 32 in all, 4 per name
    std::vector<LoginsInFlight::Slot> anna;
    for (int i = 0; i < 4; ++i) {
        auto slot = logins.tryAcquire(i % 2 ? QStringLiteral("Anna ") : QStringLiteral("anna"));
        QVERIFY(slot);
        anna.push_back(std::move(*slot));
    }
    QVERIFY(!logins.tryAcquire(QStringLiteral("ANNA")));
    QCOMPARE(logins.inFlight(QStringLiteral("anna")), 4);
    std::vector<LoginsInFlight::Slot> others;
    for (int i = 0; i < 28; ++i) {
        auto slot = logins.tryAcquire(QStringLiteral("user%1").arg(i));
        QVERIFY(slot);
        others.push_back(std::move(*slot));
    }
    QVERIFY(!logins.tryAcquire(QStringLiteral("bo")));
    anna.pop_back(); // one of anna's logins is done
    auto again = logins.tryAcquire(QStringLiteral("anna"));
    QVERIFY(again);
    QVERIFY(!logins.tryAcquire(QStringLiteral("bo"))); // all 32 places taken again
}

void TestLoginRateLimiter::inFlightSlotOutlivesTheCounter()
{
    auto logins = std::make_unique<LoginsInFlight>(LoginsInFlight::Limits{1, 1});
    auto slot = logins->tryAcquire(QStringLiteral("anna"));
    QVERIFY(slot);
    QVERIFY(!logins->tryAcquire(QStringLiteral("bo")));
    logins.reset();
    slot.reset(); // no use after free (run under ASan to be sure)
}

QTEST_GUILESS_MAIN(TestLoginRateLimiter)
#include "tst_loginratelimiter.moc"
