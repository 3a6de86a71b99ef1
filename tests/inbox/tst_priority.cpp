// Served first: medical priority, then the longest wait (hälso- och sjukvårdslagen).

#include "inbox/core/lifecycle.h"

#include <QTest>

#include <algorithm>

using namespace nara::inbox;

namespace {

InboxItem make(const QString &id, Priority priority, qint64 createdAt)
{
    InboxItem item;
    item.id = id;
    item.priority = priority;
    item.createdAt = createdAt;
    return item;
}

} // namespace

class TestPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairs_data();
    void pairs();
    void sortsAQueue();
};

void TestPriority::pairs_data()
{
    QTest::addColumn<int>("priorityA");
    QTest::addColumn<qint64>("createdA");
    QTest::addColumn<int>("priorityB");
    QTest::addColumn<qint64>("createdB");
    QTest::addColumn<bool>("aFirst");
    const auto p = [](Priority priority) {
        return int(priority);
    };
    QTest::newRow("stat before asap") << p(Priority::Stat) << qint64(2000) << p(Priority::Asap) << qint64(1000) << true;
    QTest::newRow("asap before urgent") << p(Priority::Asap) << qint64(2000) << p(Priority::Urgent) << qint64(1000)
                                        << true;
    QTest::newRow("urgent before routine")
        << p(Priority::Urgent) << qint64(2000) << p(Priority::Routine) << qint64(1000) << true;
    QTest::newRow("routine after stat") << p(Priority::Routine) << qint64(1) << p(Priority::Stat) << qint64(9999)
                                        << false;
    QTest::newRow("same priority, longer wait first")
        << p(Priority::Urgent) << qint64(1000) << p(Priority::Urgent) << qint64(2000) << true;
    QTest::newRow("same priority, newer later")
        << p(Priority::Routine) << qint64(3000) << p(Priority::Routine) << qint64(2000) << false;
}

void TestPriority::pairs()
{
    QFETCH(int, priorityA);
    QFETCH(qint64, createdA);
    QFETCH(int, priorityB);
    QFETCH(qint64, createdB);
    QFETCH(bool, aFirst);
    const InboxItem a = make(QStringLiteral("a"), Priority(priorityA), createdA);
    const InboxItem b = make(QStringLiteral("b"), Priority(priorityB), createdB);
    QCOMPARE(servedBefore(a, b), aFirst);
    QCOMPARE(servedBefore(b, a), !aFirst);
    QVERIFY(!servedBefore(a, a)); // strict weak ordering
}

void TestPriority::sortsAQueue()
{
    QList<InboxItem> queue{
        make(QStringLiteral("routine-old"), Priority::Routine, 100),
        make(QStringLiteral("stat-new"), Priority::Stat, 900),
        make(QStringLiteral("urgent"), Priority::Urgent, 500),
        make(QStringLiteral("stat-old"), Priority::Stat, 200),
        make(QStringLiteral("asap"), Priority::Asap, 800),
        make(QStringLiteral("routine-new"), Priority::Routine, 700),
    };
    std::sort(queue.begin(), queue.end(), servedBefore);
    QStringList order;
    for (const InboxItem &item : queue)
        order.append(item.id);
    QCOMPARE(order,
             (QStringList{QStringLiteral("stat-old"), QStringLiteral("stat-new"), QStringLiteral("asap"),
                          QStringLiteral("urgent"), QStringLiteral("routine-old"), QStringLiteral("routine-new")}));
}

QTEST_GUILESS_MAIN(TestPriority)
#include "tst_priority.moc"
