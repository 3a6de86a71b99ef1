// When a form's occasions fall (docs/api/contract.md, "Forms", Schedule): once, or every N days until
// a time, each due min(dueInDays, everyDays) days after it opened; the limits refused with the
// field named. "Now" comes from a fake clock.

#include "fakeclock.h"
#include "forms/core/formschedule.h"

#include <QTest>

using namespace nara;
using namespace nara::forms;

namespace {

constexpr qint64 kDay = FormSchedule::kDayMs;

} // namespace

class TestFormSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void occasions_data();
    void occasions();
    void refused_data();
    void refused();
    void followsTheClock();

private:
    test::FakeClock m_clock;
};

void TestFormSchedule::occasions_data()
{
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<int>("everyDays"); // 0: once
    QTest::addColumn<qint64>("untilDays"); // from now
    QTest::addColumn<QList<qint64>>("availableDays");
    QTest::addColumn<qint64>("dueAfterDays");

    QTest::newRow("once, default due") << FormSchedule::kDefaultDueInDays << 0 << qint64(0) << QList<qint64>{0}
                                       << qint64(7);
    QTest::newRow("once, due in 1 day") << 1 << 0 << qint64(0) << QList<qint64>{0} << qint64(1);
    QTest::newRow("once, due in 30 days") << 30 << 0 << qint64(0) << QList<qint64>{0} << qint64(30);
    QTest::newRow("weekly for four weeks, the last on untilAt")
        << 7 << 7 << qint64(28) << QList<qint64>{0, 7, 14, 21, 28} << qint64(7);
    QTest::newRow("every 14 days, due in 7") << 7 << 14 << qint64(30) << QList<qint64>{0, 14, 28} << qint64(7);
    QTest::newRow("every 3 days: due before the next opens")
        << 7 << 3 << qint64(7) << QList<qint64>{0, 3, 6} << qint64(3);
    QTest::newRow("untilAt now: one occasion") << 7 << 7 << qint64(0) << QList<qint64>{0} << qint64(7);
    QTest::newRow("daily, exactly 60 occasions") << 1 << 1 << qint64(59) << [] {
        QList<qint64> days;
        for (qint64 d = 0; d < 60; ++d)
            days.append(d);
        return days;
    }() << qint64(1);
    QTest::newRow("every 90 days for a year")
        << 30 << 90 << qint64(365) << QList<qint64>{0, 90, 180, 270, 360} << qint64(30);
}

void TestFormSchedule::occasions()
{
    QFETCH(int, dueInDays);
    QFETCH(int, everyDays);
    QFETCH(qint64, untilDays);
    QFETCH(QList<qint64>, availableDays);
    QFETCH(qint64, dueAfterDays);

    const qint64 now = m_clock.nowMs();
    FormSchedule schedule;
    schedule.sentAt = now;
    schedule.dueInDays = dueInDays;
    if (everyDays > 0) {
        schedule.everyDays = everyDays;
        schedule.untilAt = now + untilDays * kDay;
    }
    const auto occasions = formOccasions(schedule);
    QVERIFY2(occasions, qPrintable(occasions ? QString() : occasions.error().message));
    QCOMPARE(occasions->size(), availableDays.size());
    for (qsizetype i = 0; i < occasions->size(); ++i) {
        const FormOccasion &occasion = occasions->at(i);
        QCOMPARE(occasion.number, int(i + 1));
        QCOMPARE(occasion.availableAt, now + availableDays.at(i) * kDay);
        QCOMPARE(occasion.dueAt, occasion.availableAt + dueAfterDays * kDay);
    }
}

void TestFormSchedule::refused_data()
{
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<int>("everyDays"); // -1: not given
    QTest::addColumn<qint64>("untilMs"); // from now; -1: not given
    QTest::addColumn<QString>("field");

    QTest::newRow("due in 0 days") << 0 << -1 << qint64(-1) << QStringLiteral("dueInDays");
    QTest::newRow("due in 31 days") << 31 << -1 << qint64(-1) << QStringLiteral("dueInDays");
    QTest::newRow("every 0 days") << 7 << 0 << 10 * kDay << QStringLiteral("everyDays");
    QTest::newRow("every 91 days") << 7 << 91 << 200 * kDay << QStringLiteral("everyDays");
    QTest::newRow("every without until") << 7 << 7 << qint64(-1) << QStringLiteral("untilAt");
    QTest::newRow("until without every") << 7 << -1 << 10 * kDay << QStringLiteral("untilAt");
    QTest::newRow("until in the past") << 7 << 7 << qint64(-1001) << QStringLiteral("untilAt");
    QTest::newRow("until more than 365 days ahead") << 7 << 30 << 365 * kDay + 1 << QStringLiteral("untilAt");
    QTest::newRow("61 occasions") << 1 << 1 << 60 * kDay << QStringLiteral("everyDays");
}

void TestFormSchedule::refused()
{
    QFETCH(int, dueInDays);
    QFETCH(int, everyDays);
    QFETCH(qint64, untilMs);
    QFETCH(QString, field);

    FormSchedule schedule;
    schedule.sentAt = m_clock.nowMs();
    schedule.dueInDays = dueInDays;
    if (everyDays != -1)
        schedule.everyDays = everyDays;
    if (untilMs != -1)
        schedule.untilAt = schedule.sentAt + untilMs;
    const auto occasions = formOccasions(schedule);
    QVERIFY(!occasions);
    QCOMPARE(occasions.error().code, ErrorCode::InvalidInput);
    QCOMPARE(occasions.error().details.value(QStringLiteral("field")).toString(), field);
    QVERIFY2(occasions.error().message.startsWith(field + u':'), qPrintable(occasions.error().message));
}

void TestFormSchedule::followsTheClock()
{
    test::FakeClock clock(1'780'000'000'000);
    FormSchedule schedule;
    schedule.everyDays = 7;
    schedule.sentAt = clock.nowMs();
    schedule.untilAt = clock.nowMs() + 14 * kDay;
    const auto first = formOccasions(schedule);
    QVERIFY(first);
    clock.advanceSeconds(3600);
    schedule.sentAt = clock.nowMs();
    const auto later = formOccasions(schedule);
    QVERIFY(later);
    // The same untilAt, an hour later: the occasion on untilAt no longer fits.
    QCOMPARE(first->size(), 3);
    QCOMPARE(later->size(), 2);
    QCOMPARE(later->constFirst().availableAt, clock.nowMs());
}

QTEST_GUILESS_MAIN(TestFormSchedule)
#include "tst_formschedule.moc"
