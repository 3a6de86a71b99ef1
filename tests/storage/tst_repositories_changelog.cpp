// The server's change log (sync_core's ChangeLog) against real storage, appending and reading:
// sequence numbers, what each caller may see, paging and cursors. Every scenario runs once on SQLite
// and once on PostgreSQL (global data rows sqlite/postgres). Links sync_core only, never the sync
// server layer.
#include "changelogfixture.h"
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::storage;
using namespace nara::sync;

class TestRepositoriesChangeLog : public QObject, public test::ChangeLogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }

    void appendNumbersInOrder();
    void readsOnlyCallersUnitsAndOwnRows_data();
    void readsOnlyCallersUnitsAndOwnRows();
    void pagesWithoutGapsOrRepeats_data();
    void pagesWithoutGapsOrRepeats();
    void cursorNeverSkipsLaterAppends();
    void cursorSurvivesInterleavedWriters_data();
    void cursorSurvivesInterleavedWriters();
    void rolledBackAppendLeavesNoRow();
};

void TestRepositoriesChangeLog::init()
{
    openDatabase(u"repo-changelog"_qs);
    m_seq.clear();
}

void TestRepositoriesChangeLog::appendNumbersInOrder()
{
    ChangeLog log(*m_db);
    QCOMPARE(log.latest().value(), 0);
    auto empty = log.read(0, 10, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(empty);
    QVERIFY(empty->changes.isEmpty());
    QCOMPARE(empty->next, 0);
    QVERIFY(!empty->more);

    qint64 previous = 0;
    for (int i = 0; i < 20; ++i) {
        const qint64 seq = append(i % 2 ? u"u-a"_qs : u"u-b"_qs, u"inbox_item"_qs, QStringLiteral("i%1").arg(i % 5), i);
        QVERIFY(seq > previous);
        QCOMPARE(log.latest().value(), seq);
        previous = seq;
    }
    QCOMPARE(count(u"change_log"_qs), 20);
    // The payload is stored as compact JSON text and read back as the same object.
    auto page = log.read(0, 1, {u"u-b"_qs}, {});
    VERIFY_OK(page);
    QCOMPARE(page->changes.size(), 1);
    const QJsonObject change = page->changes.at(0).toObject();
    QCOMPARE(change.value(u"entity").toString(), u"inbox_item"_qs);
    QCOMPARE(change.value(u"id").toString(), u"i0"_qs);
    QCOMPARE(change.value(u"data").toObject().value(u"title").toString(), u"Ärende i0 – åäö v0"_qs);
    QCOMPARE(change.value(u"data").toObject().value(u"version").toInt(), 0);
}

void TestRepositoriesChangeLog::readsOnlyCallersUnitsAndOwnRows_data()
{
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<QString>("staff");
    QTest::addColumn<SeqList>("entries"); // fixture entry numbers, in order
    QTest::newRow("unit A, Sara") << QStringList{u"u-a"_qs} << "s1" << SeqList{1, 2, 4, 6, 7, 9};
    QTest::newRow("unit A, Sven") << QStringList{u"u-a"_qs} << "s2" << SeqList{1, 2, 5, 7, 9};
    QTest::newRow("unit A, no read marks") << QStringList{u"u-a"_qs} << "s9" << SeqList{1, 2, 7, 9};
    QTest::newRow("unit B") << QStringList{u"u-b"_qs} << "s1" << SeqList{3, 8};
    QTest::newRow("units A and B, Sara") << QStringList{u"u-a"_qs, u"u-b"_qs} << "s1"
                                         << SeqList{1, 2, 3, 4, 6, 7, 8, 9};
    QTest::newRow("units B and A, Sven") << QStringList{u"u-b"_qs, u"u-a"_qs} << "s2" << SeqList{1, 2, 3, 5, 7, 8, 9};
    QTest::newRow("unknown unit") << QStringList{u"u-x"_qs} << "s1" << SeqList{};
    QTest::newRow("unit id spliced") << QStringList{u"u-a') OR ('1'='1"_qs} << "s1" << SeqList{};
    QTest::newRow("no units") << QStringList{} << "s1" << SeqList{};
}

void TestRepositoriesChangeLog::readsOnlyCallersUnitsAndOwnRows()
{
    QFETCH(QStringList, units);
    QFETCH(QString, staff);
    QFETCH(SeqList, entries);
    QVERIFY(appendFixture());
    ChangeLog log(*m_db);
    auto page = log.read(0, 100, units, staff);
    VERIFY_OK(page);
    SeqList expected;
    for (qint64 n : entries)
        expected.append(m_seq.at(n));
    QCOMPARE(seqsOf(page->changes), expected);
    QVERIFY(!page->more);
    // Nothing more for this caller: the cursor moves to the newest entry, whoever's it is (except for a
    // caller without units, who gets nothing and keeps the cursor).
    QCOMPARE(page->next, units.isEmpty() ? 0 : m_seq.at(9));

    // Per-staff rows carry their own data; nobody sees another staff member's rows.
    for (const QJsonValue &value : std::as_const(page->changes)) {
        const QJsonObject change = value.toObject();
        QVERIFY(change.contains(u"entity") && change.contains(u"id") && change.contains(u"data"));
        const qint64 seq = change.value(u"seq").toInteger();
        if (seq == m_seq.at(4) || seq == m_seq.at(6))
            QCOMPARE(staff, u"s1"_qs);
        if (seq == m_seq.at(5))
            QCOMPARE(staff, u"s2"_qs);
    }
    const QJsonObject last = page->changes.isEmpty() ? QJsonObject() : page->changes.last().toObject();
    if (!last.isEmpty() && last.value(u"seq").toInteger() == m_seq.at(9)) {
        QCOMPARE(last.value(u"entity").toString(), u"chat_message"_qs);
        QCOMPARE(last.value(u"id").toString(), u"m1"_qs);
        QCOMPARE(last.value(u"data").toObject().value(u"title").toString(), u"Ärende m1 – åäö v1"_qs);
    }
}

void TestRepositoriesChangeLog::pagesWithoutGapsOrRepeats_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("4") << 4;
    QTest::newRow("5 (divides the visible count)") << 5;
    QTest::newRow("7") << 7;
    QTest::newRow("15 (exactly all)") << 15;
    QTest::newRow("100") << 100;
}

void TestRepositoriesChangeLog::pagesWithoutGapsOrRepeats()
{
    QFETCH(int, limit);
    // 12 entries Sara may see among others she may not: other units, Sven's read marks; the log
    // ends with one she may not see.
    SeqList visible;
    for (int i = 0; i < 12; ++i) {
        const qint64 mine = append(i % 3 ? u"u-a"_qs : u"u-c"_qs, u"inbox_item"_qs, QStringLiteral("i%1").arg(i), 1);
        QVERIFY(mine > 0);
        visible.append(mine);
        QVERIFY(append(u"u-b"_qs, u"inbox_item"_qs, QStringLiteral("b%1").arg(i), 1) > 0);
        if (i % 4 == 0) {
            QVERIFY(append(u"u-a"_qs, u"inbox_read"_qs, QStringLiteral("i%1").arg(i), 1, u"s2"_qs) > 0);
            const qint64 own = append(u"u-a"_qs, u"inbox_read"_qs, QStringLiteral("i%1").arg(i), 1, u"s1"_qs);
            QVERIFY(own > 0);
            visible.append(own);
        }
    }
    const qint64 newest = append(u"u-b"_qs, u"inbox_item"_qs, u"last"_qs, 1);
    QVERIFY(newest > 0);
    const int visibleCount = int(visible.size()); // 15

    ChangeLog log(*m_db);
    SeqList seen;
    qint64 cursor = 0;
    int pages = 0;
    for (bool more = true; more;) {
        QVERIFY2(pages <= visibleCount, "paging does not end");
        auto page = log.read(cursor, limit, {u"u-a"_qs, u"u-c"_qs}, u"s1"_qs);
        VERIFY_OK(page);
        ++pages;
        const SeqList seqs = seqsOf(page->changes);
        QVERIFY(seqs.size() <= limit);
        if (page->more) {
            QCOMPARE(seqs.size(), limit);
            QCOMPARE(page->next, seqs.last()); // a full page: continue right after its last row
        } else {
            QCOMPARE(page->next, newest); // the end: skip everything nobody here may see
        }
        for (qint64 seq : seqs)
            QVERIFY(seq > cursor);
        seen += seqs;
        cursor = page->next;
        more = page->more;
    }
    QCOMPARE(seen, visible);
    QCOMPARE(pages, (visibleCount + limit - 1) / limit);
    // Caught up: an empty page that keeps the cursor.
    auto done = log.read(cursor, limit, {u"u-a"_qs, u"u-c"_qs}, u"s1"_qs);
    VERIFY_OK(done);
    QVERIFY(done->changes.isEmpty());
    QVERIFY(!done->more);
    QCOMPARE(done->next, cursor);
}

void TestRepositoriesChangeLog::cursorNeverSkipsLaterAppends()
{
    ChangeLog log(*m_db);
    QVERIFY(append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 1) > 0);
    QVERIFY(append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 1) > 0);

    // Read to the end: the cursor is the newest entry, which belongs to another unit.
    auto first = log.read(0, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(first);
    QCOMPARE(first->changes.size(), 1);
    QCOMPARE(first->next, log.latest().value());

    // An entry appended after reading the latest shows up on the next read, exactly once.
    const qint64 later = append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 2);
    QVERIFY(later > first->next);
    auto second = log.read(first->next, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(second);
    QCOMPARE(seqsOf(second->changes), SeqList{later});
    QCOMPARE(second->next, later);

    // The same while paging: a full page, then appends, then the rest.
    const qint64 a1 = append(u"u-a"_qs, u"chat_message"_qs, u"m1"_qs, 1);
    const qint64 a2 = append(u"u-a"_qs, u"chat_message"_qs, u"m2"_qs, 1);
    auto partial = log.read(second->next, 1, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(partial);
    QVERIFY(partial->more);
    QCOMPARE(seqsOf(partial->changes), SeqList{a1});
    const qint64 b1 = append(u"u-b"_qs, u"chat_message"_qs, u"m3"_qs, 1);
    const qint64 a3 = append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s1"_qs);
    QVERIFY(b1 > 0 && a3 > b1);
    auto rest = log.read(partial->next, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(rest);
    QCOMPARE(seqsOf(rest->changes), (SeqList{a2, a3}));
    QVERIFY(!rest->more);
    QCOMPARE(rest->next, a3);
}

void TestRepositoriesChangeLog::cursorSurvivesInterleavedWriters_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("batch"); // appends per transaction
    QTest::newRow("limit 1, single appends") << 1 << 1;
    QTest::newRow("limit 2, batches of 3") << 2 << 3;
    QTest::newRow("limit 5, batches of 4") << 5 << 4;
}

void TestRepositoriesChangeLog::cursorSurvivesInterleavedWriters()
{
    QFETCH(int, limit);
    QFETCH(int, batch);
    ChangeLog log(*m_db);
    // A reader that reads one page after every write transaction, against a writer of two units.
    SeqList seen;
    qint64 cursor = 0;
    auto readOnce = [&]() -> bool {
        auto page = log.read(cursor, limit, {u"u-a"_qs}, u"s1"_qs);
        if (!page)
            return false;
        for (qint64 seq : seqsOf(page->changes)) {
            if (seq <= cursor)
                return false;
            seen.append(seq);
        }
        cursor = page->next;
        return true;
    };
    for (int round = 0; round < 12; ++round) {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        for (int i = 0; i < batch; ++i) {
            const bool mine = (round + i) % 3 != 0;
            m_clock.advanceMs(1);
            VERIFY_OK(log.append(mine ? u"u-a"_qs : u"u-b"_qs, u"inbox_item"_qs, QStringLiteral("i%1").arg(i),
                                 {{QStringLiteral("round"), round}}, m_clock.nowMs()));
        }
        VERIFY_OK(transaction->commit());
        QVERIFY(readOnce());
    }
    for (int guard = 0; guard < 100 && cursor < log.latest().value(); ++guard)
        QVERIFY(readOnce());
    QVERIFY(readOnce());

    SeqList all;
    auto rows = m_db->query(QStringLiteral("SELECT seq FROM change_log WHERE unit_id = ? ORDER BY seq"), {u"u-a"_qs});
    VERIFY_OK(rows);
    while (rows->next())
        all.append(rows->value(0).toLongLong());
    QCOMPARE(seen, all);
}

void TestRepositoriesChangeLog::rolledBackAppendLeavesNoRow()
{
    ChangeLog log(*m_db);
    const qint64 kept = append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 1);
    QVERIFY(kept > 0);
    auto start = log.read(0, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(start);
    QCOMPARE(start->next, kept);

    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        auto lost = log.append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, {{QStringLiteral("version"), 2}}, 1);
        VERIFY_OK(lost);
        QVERIFY(*lost > kept);
        auto lostToo = log.append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, {}, 1, u"s1"_qs);
        VERIFY_OK(lostToo);
        QCOMPARE(log.latest().value(), *lostToo); // visible inside the transaction
    } // no commit
    QCOMPARE(count(u"change_log"_qs), 1);
    QCOMPARE(log.latest().value(), kept);
    auto after = log.read(start->next, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(after);
    QVERIFY(after->changes.isEmpty());
    QCOMPARE(after->next, kept);

    // The log goes on; the reader's cursor picks up the next committed entry (whatever number it
    // gets: PostgreSQL leaves a gap, SQLite may reuse the rolled-back number).
    const qint64 next = append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 3);
    QVERIFY(next > kept);
    auto caughtUp = log.read(after->next, 100, {u"u-a"_qs}, u"s1"_qs);
    VERIFY_OK(caughtUp);
    QCOMPARE(seqsOf(caughtUp->changes), SeqList{next});
    QCOMPARE(caughtUp->changes.at(0).toObject().value(u"data").toObject().value(u"version").toInt(), 3);
}

QTEST_GUILESS_MAIN(TestRepositoriesChangeLog)
#include "tst_repositories_changelog.moc"
