#include "fakeclock.h"
#include "inboxfixtures.h"
#include "workstation/ui/chatthreadmodel.h"
#include "workstation/ui/inboxfilters.h"
#include "workstation/ui/inboxmodel.h"
#include "workstation/ui/inboxstore.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace nara;
using namespace nara::workstation;
using inbox::Kind;
using inbox::Priority;
using inbox::State;
using nara::test::makeItem;

class TestInboxModel : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 kMinute = 60'000;
    static constexpr auto kMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

    test::FakeClock m_clock;
    qint64 now() const { return m_clock.nowMs(); }

    static QStringList ids(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(InboxModel::IdRole).toString());
        return out;
    }

    void fill(InboxStore &store)
    {
        store.setPatients(
            {{QStringLiteral("p1"), {QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")}},
             {QStringLiteral("p2"), {QStringLiteral("Elsa Exempel"), QStringLiteral("19400101-0002")}}});
        store.setStaff(
            {{QStringLiteral("me"), QStringLiteral("anna"), QStringLiteral("Anna A"), QStringLiteral("nurse")},
             {QStringLiteral("s2"), QStringLiteral("bo"), QStringLiteral("Bo B"), QStringLiteral("gp")}});
        auto a = makeItem(QStringLiteral("a"), Priority::Routine, now() - 60 * kMinute);
        a.patientId = QStringLiteral("p1");
        a.title = QStringLiteral("Renew Prescription");
        auto b = makeItem(QStringLiteral("b"), Priority::Stat, now() - 5 * kMinute, Kind::Alert);
        b.patientId = QStringLiteral("p2");
        b.dueAt = now() - 2 * kMinute; // overdue
        auto c = makeItem(QStringLiteral("c"), Priority::Routine, now() - 90 * kMinute, Kind::Form, State::Claimed);
        c.ownerId = QStringLiteral("me");
        auto d = makeItem(QStringLiteral("d"), Priority::Urgent, now() - 30 * kMinute, Kind::Chat, State::Done);
        d.ownerId = QStringLiteral("s2");
        store.reset({a, b, c, d});
        store.markRead(QStringLiteral("c"), now());
    }

private Q_SLOTS:
    void init() { m_clock.setMs(1'764'000'000'000); }

    void modelUnderTester()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        QAbstractItemModelTester tester(&model, kMode);
        fill(store);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(InboxModel::ColumnCount));
        store.upsert({makeItem(QStringLiteral("e"), Priority::Asap, now())});
        QCOMPARE(model.rowCount(), 5);
        model.refreshNow();
    }

    void displayText()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        fill(store);
        const int a = store.indexOf(QStringLiteral("a"));
        QCOMPARE(model.index(a, InboxModel::Patient).data().toString(),
                 QStringLiteral("Tolvan Tolvansson, 19121212-1212"));
        QCOMPARE(model.index(a, InboxModel::Priority).data().toString(), QStringLiteral("Routine"));
        QCOMPARE(model.index(a, InboxModel::Waiting).data().toString(), QStringLiteral("1 h 0 min"));
        QCOMPARE(model.index(a, InboxModel::Unread).data(InboxModel::UnreadRole).toBool(), true);
        const int c = store.indexOf(QStringLiteral("c"));
        QCOMPARE(model.index(c, InboxModel::Owner).data().toString(), QStringLiteral("Anna A"));
        QCOMPARE(model.index(c, 0).data(InboxModel::UnreadRole).toBool(), false);
        QCOMPARE(model.index(a, InboxModel::Owner).data().toString(), QStringLiteral("Pool"));
    }

    void upsertUpdatesInPlace()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        QAbstractItemModelTester tester(&model, kMode);
        fill(store);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        auto a = *store.item(QStringLiteral("a"));
        a.title = QStringLiteral("Changed");
        a.version = 2;
        store.upsert({a, makeItem(QStringLiteral("new"), Priority::Asap, now())});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 4);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), store.indexOf(QStringLiteral("a")));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(store.indexOf(QStringLiteral("a")), InboxModel::Title).data().toString(),
                 QStringLiteral("Changed"));

        // An older version never overwrites a newer one; an identical item changes nothing.
        auto stale = a;
        stale.version = 1;
        stale.title = QStringLiteral("Stale");
        changed.clear();
        store.upsert({stale, a});
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.item(QStringLiteral("a"))->title, QStringLiteral("Changed"));
        QCOMPARE(model.rowCount(), 5);
    }

    void sortOrder()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        QSortFilterProxyModel sorter;
        sorter.setSourceModel(&model);
        sorter.setSortRole(InboxModel::SortRole);
        sorter.sort(InboxModel::Priority);
        QAbstractItemModelTester tester(&sorter, kMode);
        store.reset({makeItem(QStringLiteral("routine-old"), Priority::Routine, now() - 100 * kMinute),
                     makeItem(QStringLiteral("routine-new"), Priority::Routine, now() - 10 * kMinute),
                     makeItem(QStringLiteral("stat-new"), Priority::Stat, now() - 1 * kMinute),
                     makeItem(QStringLiteral("urgent"), Priority::Urgent, now() - 50 * kMinute),
                     makeItem(QStringLiteral("stat-old"), Priority::Stat, now() - 20 * kMinute),
                     makeItem(QStringLiteral("asap"), Priority::Asap, now())});
        QCOMPARE(ids(sorter),
                 (QStringList{QStringLiteral("stat-old"), QStringLiteral("stat-new"), QStringLiteral("asap"),
                              QStringLiteral("urgent"), QStringLiteral("routine-old"), QStringLiteral("routine-new")}));
        // A new stat item goes to the top, live.
        store.upsert({makeItem(QStringLiteral("stat-oldest"), Priority::Stat, now() - 500 * kMinute)});
        QCOMPARE(ids(sorter).first(), QStringLiteral("stat-oldest"));
    }

    void kindProxy()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        KindFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, kMode);
        fill(store);
        proxy.setKind(Kind::Alert);
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("b")});
        store.upsert({makeItem(QStringLiteral("x"), Priority::Routine, now(), Kind::Alert)});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setKind(std::nullopt);
        QCOMPARE(proxy.rowCount(), 5);
    }

    void stateProxy()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        StateFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, kMode);
        fill(store);
        proxy.setStates(StateFilterProxy::openStates());
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setStates({State::Claimed});
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("c")});
        // A change of state moves the row in or out of the filter.
        auto a = *store.item(QStringLiteral("a"));
        a.state = State::Claimed;
        a.version = 2;
        store.upsert({a});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStates({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void ownershipProxy()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        OwnershipProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setCurrentStaff(QStringLiteral("me"));
        QAbstractItemModelTester tester(&proxy, kMode);
        fill(store);
        proxy.setScope(OwnershipProxy::Scope::Mine);
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("c")});
        proxy.setScope(OwnershipProxy::Scope::Pool);
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        proxy.setScope(OwnershipProxy::Scope::MineAndPool);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setScope(OwnershipProxy::Scope::All);
        QCOMPARE(proxy.rowCount(), 4);
    }

    void unreadOverdueProxy()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        UnreadOverdueProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, kMode);
        fill(store);
        proxy.setUnreadOnly(true);
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d")}));
        store.markRead(QStringLiteral("a"), now());
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
        proxy.setUnreadOnly(false);
        proxy.setOverdueOnly(true);
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("b")});
        // Time passes: "a" and "c" (due 4 h after creation) become overdue at the refresh; "d" is done.
        m_clock.advanceSeconds(3 * 3600 + 60);
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("b")});
        model.refreshNow();
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void textSearchProxy()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        TextSearchProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, kMode);
        fill(store);
        proxy.setSearchText(QStringLiteral("prescription"));
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("a")});
        proxy.setSearchText(QStringLiteral("ELSA"));
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("b")});
        proxy.setSearchText(QStringLiteral("19121212-1212"));
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("a")});
        proxy.setSearchText(QStringLiteral("194001010002"));
        QCOMPARE(ids(proxy), QStringList{QStringLiteral("b")});
        proxy.setSearchText(QStringLiteral("nothing like this"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void chainedProxies()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        KindFilterProxy kind;
        StateFilterProxy state;
        OwnershipProxy owner;
        UnreadOverdueProxy flags;
        TextSearchProxy search;
        kind.setSourceModel(&model);
        state.setSourceModel(&kind);
        owner.setSourceModel(&state);
        flags.setSourceModel(&owner);
        search.setSourceModel(&flags);
        search.setSortRole(InboxModel::SortRole);
        search.sort(InboxModel::Priority);
        QAbstractItemModelTester tester(&search, kMode);
        fill(store);
        state.setStates(StateFilterProxy::openStates());
        owner.setCurrentStaff(QStringLiteral("me"));
        owner.setScope(OwnershipProxy::Scope::MineAndPool);
        QCOMPARE(ids(search), (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
        flags.setUnreadOnly(true);
        QCOMPARE(ids(search), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    }

    void dueCountdown_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("two hours five") << qint64(2 * 3600'000 + 5 * kMinute) << QStringLiteral("in 2 h 5 min");
        QTest::newRow("partial minute rounds up") << qint64(30'000) << QStringLiteral("in 1 min");
        QTest::newRow("overdue") << qint64(-12 * kMinute) << QStringLiteral("overdue 12 min");
        QTest::newRow("days") << qint64(49 * 3600'000) << QStringLiteral("in 2 d 1 h");
    }

    void dueCountdown()
    {
        QFETCH(qint64, offsetMs);
        QFETCH(QString, text);
        QCOMPARE(InboxModel::dueText(now(), now() + offsetMs), text);
    }

    void dueColumnTicks()
    {
        InboxStore store;
        InboxModel model(store, m_clock);
        QAbstractItemModelTester tester(&model, kMode);
        auto item = makeItem(QStringLiteral("a"), Priority::Urgent, now());
        item.dueAt = now() + 2 * 3600'000 + 5 * kMinute;
        store.reset({item});
        const QModelIndex due = model.index(0, InboxModel::Due);
        QCOMPARE(due.data().toString(), QStringLiteral("in 2 h 5 min"));
        QCOMPARE(due.data(InboxModel::OverdueRole).toBool(), false);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_clock.advanceSeconds(2 * 3600 + 17 * 60);
        QCOMPARE(due.data().toString(), QStringLiteral("in 2 h 5 min")); // until the minute tick
        model.refreshNow();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(InboxModel::Waiting));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), int(InboxModel::Due));
        QCOMPARE(due.data().toString(), QStringLiteral("overdue 12 min"));
        QCOMPARE(due.data(InboxModel::OverdueRole).toBool(), true);
        QCOMPARE(InboxModel::kRefreshIntervalMs, 60'000);
    }

    void threadModel()
    {
        InboxStore store;
        store.reset({makeItem(QStringLiteral("a"), Priority::Routine, now())});
        chat::ChatMessage message;
        message.id = QStringLiteral("m1");
        message.itemId = QStringLiteral("a");
        message.author = chat::ChatMessage::Author::Patient;
        message.authorName = QStringLiteral("Tolvan");
        message.body = QStringLiteral("Hello");
        message.createdAt = now();
        store.setMessageLoader([message](const QString &id) {
            return id == u"a" ? QList<chat::ChatMessage>{message} : QList<chat::ChatMessage>{};
        });
        ChatThreadModel thread(store);
        QAbstractItemModelTester tester(&thread, kMode);
        thread.setItem(QStringLiteral("a"));
        QCOMPARE(thread.rowCount(), 1);
        chat::ChatMessage note = message;
        note.id = QStringLiteral("m2");
        note.author = chat::ChatMessage::Author::Staff;
        note.staffOnly = true;
        note.body = QStringLiteral("Call back");
        store.addPendingMessage(note);
        QCOMPARE(thread.rowCount(), 2);
        const QModelIndex pending = thread.index(1);
        QVERIFY(pending.data(ChatThreadModel::PendingRole).toBool());
        QVERIFY(pending.data().toString().contains(QStringLiteral("Internal note")));
        QVERIFY(pending.data().toString().contains(QStringLiteral("Sending…")));
        note.createdAt += 1000;
        store.upsertMessages({note}); // the sync brings it back
        QCOMPARE(thread.rowCount(), 2);
        QVERIFY(!thread.index(1).data(ChatThreadModel::PendingRole).toBool());
    }

    void hundredThousandRows()
    {
        constexpr int kRows = 100'000;
        QList<inbox::InboxItem> items;
        items.reserve(kRows);
        QHash<QString, PatientInfo> patients;
        for (int i = 0; i < kRows; ++i) {
            auto item = makeItem(QStringLiteral("item-%1").arg(i), Priority(i % 4), now() - qint64(i) * 1000,
                                 Kind(i % 6), State(i % 5));
            item.patientId = QStringLiteral("p%1").arg(i % 5000);
            items.append(item);
        }
        for (int i = 0; i < 5000; ++i)
            patients.insert(QStringLiteral("p%1").arg(i),
                            {QStringLiteral("Patient %1").arg(i), QStringLiteral("19800101-0000")});

        InboxStore store;
        InboxModel model(store, m_clock);
        KindFilterProxy kind;
        StateFilterProxy state;
        TextSearchProxy search;
        kind.setSourceModel(&model);
        state.setSourceModel(&kind);
        search.setSourceModel(&state);
        search.setSortRole(InboxModel::SortRole);
        search.setDynamicSortFilter(true);
        search.sort(InboxModel::Priority);

        QElapsedTimer timer;
        timer.start();
        store.setPatients(patients);
        store.reset(items);
        const qint64 loadMs = timer.restart();
        QCOMPARE(search.rowCount(), kRows);
        QCOMPARE(search.index(0, 0).data(InboxModel::PriorityRole).toInt(), int(Priority::Stat));
        // The oldest stat item first.
        QCOMPARE(search.index(0, 0).data(InboxModel::IdRole).toString(), QStringLiteral("item-99996"));

        state.setStates(StateFilterProxy::openStates());
        search.setSearchText(QStringLiteral("patient 42"));
        const qint64 filterMs = timer.restart();
        QVERIFY(search.rowCount() > 0);

        // An update of 1000 rows and a batch of new ones, incrementally.
        QList<inbox::InboxItem> changes;
        for (int i = 0; i < 1000; ++i) {
            auto item = items.at(i * 97);
            item.version = 2;
            item.title = QStringLiteral("updated");
            changes.append(item);
        }
        changes.append(makeItem(QStringLiteral("fresh"), Priority::Stat, now() - 10'000'000'000));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        store.upsert(changes);
        const qint64 upsertMs = timer.restart();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), kRows + 1);
        model.refreshNow();
        const qint64 tickMs = timer.elapsed();
        qInfo("100000 rows: load+sort %lld ms, filter %lld ms, upsert 1001 %lld ms, minute tick %lld ms", loadMs,
              filterMs, upsertMs, tickMs);
    }
};

QTEST_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
