// When a dermatology referral is due: working days (Monday to Friday) in Swedish time, the same
// time of day, across weekends and the changes to and from summer time; urgent referrals in 2
// working days, or fewer when fewer are configured.

#include "referrals/core/workingdays.h"

#include <QDateTime>
#include <QTest>

using namespace nara::referrals;

namespace {

QDateTime stockholm(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), swedishTime());
}

} // namespace

class TestWorkingDays : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addWorkingDays_data();
    void addWorkingDays();
    void holidays_data();
    void holidays();
    void referralDueAt_data();
    void referralDueAt();
};

void TestWorkingDays::addWorkingDays_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("monday + 5") << stockholm(2026, 11, 16, 9) << 5 << stockholm(2026, 11, 23, 9);
    QTest::newRow("wednesday + 5: over the weekend") << stockholm(2026, 11, 18, 9) << 5 << stockholm(2026, 11, 25, 9);
    QTest::newRow("friday afternoon + 1: monday") << stockholm(2026, 11, 20, 16) << 1 << stockholm(2026, 11, 23, 16);
    QTest::newRow("saturday + 1: monday") << stockholm(2026, 11, 21, 10) << 1 << stockholm(2026, 11, 23, 10);
    QTest::newRow("saturday + 5: friday") << stockholm(2026, 11, 21, 10) << 5 << stockholm(2026, 11, 27, 10);
    QTest::newRow("sunday night + 2: tuesday")
        << stockholm(2026, 11, 22, 23, 30) << 2 << stockholm(2026, 11, 24, 23, 30);
    QTest::newRow("zero days") << stockholm(2026, 11, 21, 10) << 0 << stockholm(2026, 11, 21, 10);
    QTest::newRow("into summer time") << stockholm(2026, 3, 27, 9) << 1 << stockholm(2026, 3, 30, 9);
    QTest::newRow("out of summer time") << stockholm(2026, 10, 23, 9) << 1 << stockholm(2026, 10, 26, 9);
    // Christmas Eve and Christmas Day 2026 are a Thursday and a Friday.
    QTest::newRow("thirty: six weeks and Christmas") << stockholm(2026, 11, 16, 8) << 30 << stockholm(2026, 12, 30, 8);
    QTest::newRow("Easter 2026: Good Friday and Easter Monday")
        << stockholm(2026, 4, 2, 9) << 1 << stockholm(2026, 4, 7, 9);
    QTest::newRow("1 May 2026 is a Friday") << stockholm(2026, 4, 30, 9) << 1 << stockholm(2026, 5, 4, 9);
    QTest::newRow("Ascension Day 2027") << stockholm(2027, 5, 5, 9) << 1 << stockholm(2027, 5, 7, 9);
    QTest::newRow("Midsummer Eve 2027") << stockholm(2027, 6, 24, 9) << 1 << stockholm(2027, 6, 28, 9);
    QTest::newRow("New Year 2027 and Epiphany") << stockholm(2026, 12, 30, 9) << 4 << stockholm(2027, 1, 8, 9);
    QTest::newRow("National Day 2025 is a Friday") << stockholm(2025, 6, 5, 9) << 1 << stockholm(2025, 6, 9, 9);
}

void TestWorkingDays::addWorkingDays()
{
    QFETCH(QDateTime, from);
    QFETCH(int, days);
    QFETCH(QDateTime, expected);
    const qint64 due = nara::referrals::addWorkingDays(from.toMSecsSinceEpoch(), days, swedishTime());
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(due, swedishTime()), expected);
}

void TestWorkingDays::holidays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("holiday");
    // Easter Sunday: 2025-04-20, 2026-04-05, 2027-03-28, 2038-04-25 (the latest possible date).
    QTest::newRow("Good Friday 2025") << QDate(2025, 4, 18) << true;
    QTest::newRow("Easter Monday 2026") << QDate(2026, 4, 6) << true;
    QTest::newRow("Maundy Thursday 2026") << QDate(2026, 4, 2) << false;
    QTest::newRow("Ascension Day 2027") << QDate(2027, 5, 6) << true;
    QTest::newRow("Easter Monday 2038") << QDate(2038, 4, 26) << true;
    QTest::newRow("Midsummer Eve 2026") << QDate(2026, 6, 19) << true;
    QTest::newRow("the Friday after") << QDate(2026, 6, 26) << false;
    QTest::newRow("Christmas Eve") << QDate(2026, 12, 24) << true;
    QTest::newRow("23 December") << QDate(2026, 12, 23) << false;
    QTest::newRow("National Day") << QDate(2025, 6, 6) << true;
    QTest::newRow("an ordinary Tuesday") << QDate(2026, 11, 24) << false;
}

void TestWorkingDays::holidays()
{
    QFETCH(QDate, date);
    QFETCH(bool, holiday);
    QCOMPARE(nara::referrals::isSwedishHoliday(date), holiday);
}

void TestWorkingDays::referralDueAt_data()
{
    QTest::addColumn<ReferralPriority>("priority");
    QTest::addColumn<int>("dueDays");
    QTest::addColumn<QDateTime>("expected");
    // Sent Thursday 2026-11-19 14:00.
    QTest::newRow("routine, default 5") << ReferralPriority::Routine << 5 << stockholm(2026, 11, 26, 14);
    QTest::newRow("urgent: 2") << ReferralPriority::Urgent << 5 << stockholm(2026, 11, 23, 14);
    QTest::newRow("routine, 10") << ReferralPriority::Routine << 10 << stockholm(2026, 12, 3, 14);
    QTest::newRow("urgent with 1 configured: 1") << ReferralPriority::Urgent << 1 << stockholm(2026, 11, 20, 14);
    QTest::newRow("routine, 1") << ReferralPriority::Routine << 1 << stockholm(2026, 11, 20, 14);
}

void TestWorkingDays::referralDueAt()
{
    QFETCH(ReferralPriority, priority);
    QFETCH(int, dueDays);
    QFETCH(QDateTime, expected);
    const qint64 sent = stockholm(2026, 11, 19, 14).toMSecsSinceEpoch();
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(nara::referrals::referralDueAt(sent, priority, dueDays), swedishTime()),
             expected);
}

QTEST_GUILESS_MAIN(TestWorkingDays)
#include "tst_workingdays.moc"
