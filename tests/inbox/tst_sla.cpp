// Due times per kind and priority, and "overdue" against fixed times (never sleeping).

#include "inbox/core/lifecycle.h"

#include <QTest>

using namespace nara::inbox;

namespace {
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kCreated = 1'764'000'000'000;
} // namespace

class TestSla : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueAt_data();
    void dueAt();
    void overdue_data();
    void overdue();
    void morePressingIsNeverLater();
};

void TestSla::dueAt_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("priority");
    QTest::addColumn<qint64>("hours");
    QTest::newRow("chat stat") << int(Kind::Chat) << int(Priority::Stat) << qint64(1);
    QTest::newRow("chat asap") << int(Kind::Chat) << int(Priority::Asap) << qint64(4);
    QTest::newRow("chat urgent") << int(Kind::Chat) << int(Priority::Urgent) << qint64(24);
    QTest::newRow("chat routine") << int(Kind::Chat) << int(Priority::Routine) << qint64(72);
    QTest::newRow("form routine") << int(Kind::Form) << int(Priority::Routine) << qint64(72);
    QTest::newRow("video routine") << int(Kind::Video) << int(Priority::Routine) << qint64(7 * 24);
    QTest::newRow("referral routine") << int(Kind::Referral) << int(Priority::Routine) << qint64(14 * 24);
    QTest::newRow("alert urgent") << int(Kind::Alert) << int(Priority::Urgent) << qint64(8);
}

void TestSla::dueAt()
{
    QFETCH(int, kind);
    QFETCH(int, priority);
    QFETCH(qint64, hours);
    QCOMPARE(dueAtFor(Kind(kind), Priority(priority), kCreated), kCreated + hours * kHour);
}

void TestSla::overdue_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("waitingOn");
    QTest::addColumn<qint64>("nowOffset");
    QTest::addColumn<bool>("overdue");
    const int nobody = int(WaitingOn::Nobody);
    QTest::newRow("new, before due") << int(State::New) << nobody << qint64(kHour - 1) << false;
    QTest::newRow("new, exactly due") << int(State::New) << nobody << qint64(kHour) << false;
    QTest::newRow("new, one ms late") << int(State::New) << nobody << qint64(kHour + 1) << true;
    QTest::newRow("claimed, late") << int(State::Claimed) << nobody << qint64(2 * kHour) << true;
    // The patient acts next: the unit's clock is paused.
    QTest::newRow("waiting on patient, late")
        << int(State::Waiting) << int(WaitingOn::Patient) << qint64(2 * kHour) << false;
    // A colleague owes the answer: the unit still does.
    QTest::newRow("waiting on colleague, late")
        << int(State::Waiting) << int(WaitingOn::Colleague) << qint64(2 * kHour) << true;
    QTest::newRow("done, late") << int(State::Done) << nobody << qint64(2 * kHour) << false;
}

void TestSla::overdue()
{
    QFETCH(int, state);
    QFETCH(int, waitingOn);
    QFETCH(qint64, nowOffset);
    QFETCH(bool, overdue);
    InboxItem item;
    item.kind = Kind::Chat;
    item.priority = Priority::Stat;
    item.state = State(state);
    item.waitingOn = WaitingOn(waitingOn);
    item.createdAt = kCreated;
    item.dueAt = dueAtFor(item.kind, item.priority, item.createdAt);
    QCOMPARE(isOverdue(item, kCreated + nowOffset), overdue);
}

void TestSla::morePressingIsNeverLater()
{
    for (Kind kind : {Kind::Chat, Kind::Video, Kind::Form, Kind::Alert, Kind::Referral, Kind::Report}) {
        QVERIFY(slaFor(kind, Priority::Stat) <= slaFor(kind, Priority::Asap));
        QVERIFY(slaFor(kind, Priority::Asap) <= slaFor(kind, Priority::Urgent));
        QVERIFY(slaFor(kind, Priority::Urgent) <= slaFor(kind, Priority::Routine));
    }
}

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
