// The server's change log (sync_core's ChangeLog) against real storage: every scenario runs once on
// SQLite and once on PostgreSQL (global data rows sqlite/postgres). Links sync_core only, never the
// sync server layer.
#include "fakeclock.h"
#include "storage/core/database.h"
#include "storage/core/migrator.h"
#include "storage/core/transactionguard.h"
#include "storagebackends.h"
#include "sync/core/changelog.h"
#include "sync/core/idempotencystore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace nara;
using namespace nara::storage;
using namespace nara::sync;

namespace {

QString describe(const Error &error)
{
    return errorCodeName(error.code) + QStringLiteral(": ") + error.message;
}

QList<qint64> seqsOf(const QJsonArray &changes)
{
    QList<qint64> seqs;
    for (const QJsonValue &change : changes)
        seqs.append(change.toObject().value(u"seq").toInteger());
    return seqs;
}

} // namespace

#define VERIFY_OK(expr)                                                                                               \
    do {                                                                                                              \
        const auto &_r = (expr);                                                                                      \
        QVERIFY2(_r.has_value(), qPrintable(_r.has_value() ? QString() : describe(_r.error())));                    \
    } while (false)

using SeqList = QList<qint64>;

class TestRepositoriesSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup();

    void appendNumbersInOrder();
    void readsOnlyCallersUnitsAndOwnRows_data();
    void readsOnlyCallersUnitsAndOwnRows();
    void pagesWithoutGapsOrRepeats_data();
    void pagesWithoutGapsOrRepeats();
    void cursorNeverSkipsLaterAppends();
    void cursorSurvivesInterleavedWriters_data();
    void cursorSurvivesInterleavedWriters();
    void compactionKeepsCursorsValid_data();
    void compactionKeepsCursorsValid();
    void resetMakesOldCursorsGone();
    void compactionKeepsNewestOfEachEntity();
    void resyncAfterCompactionPagesToTheEnd_data();
    void resyncAfterCompactionPagesToTheEnd();
    void compactionPreservesEachCallersPicture_data();
    void compactionPreservesEachCallersPicture();
    void rolledBackAppendLeavesNoRow();
    void oldIdempotencyKeysArePurged();

private:
    // Appends in a committed transaction of its own; returns the sequence number (0 on failure).
    qint64 append(const QString &unit, const QString &entity, const QString &id, int version,
                  const QString &staff = {});
    // The fixed log of the visibility and compaction tests: nine entries, see the definition.
    bool appendFixture();
    int count(const QString &table);

    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    QString m_schema;
    test::FakeClock m_clock;
    SeqList m_seq; // m_seq[n] is the sequence number of fixture entry n (1-based; m_seq[0] unused)
};

void TestRepositoriesSync::init()
{
    QFETCH_GLOBAL(QString, backend);
    auto config = test::configFor(backend, m_dir);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    m_schema = config->schema;
    auto db = Database::open(*config, QStringLiteral("repo-sync-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db.emplace(std::move(*db));
    auto migrated = Migrator(*m_db).migrate();
    QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
    m_seq.clear();
}

void TestRepositoriesSync::cleanup()
{
    if (m_db && !m_schema.isEmpty() && !QTest::currentTestFailed()) {
        (void)m_db->executeDirect(QStringLiteral("SET client_min_messages TO warning"));
        (void)m_db->executeDirect(QStringLiteral("DROP SCHEMA ") + m_schema + QStringLiteral(" CASCADE"));
    }
    m_db.reset();
    m_schema.clear();
}

int TestRepositoriesSync::count(const QString &table)
{
    auto n = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return n ? n->toInt() : -1;
}

qint64 TestRepositoriesSync::append(const QString &unit, const QString &entity, const QString &id, int version,
                                    const QString &staff)
{
    auto transaction = TransactionGuard::begin(*m_db);
    if (!transaction) {
        qWarning() << "begin:" << transaction.error().message;
        return 0;
    }
    m_clock.advanceMs(1);
    const QJsonObject payload{{QStringLiteral("id"), id},
                              {QStringLiteral("version"), version},
                              {QStringLiteral("title"), QStringLiteral("Ärende %1 – åäö v%2").arg(id).arg(version)}};
    auto seq = ChangeLog(*m_db).append(unit, entity, id, payload, m_clock.nowMs(), staff);
    if (!seq) {
        qWarning() << "append:" << describe(seq.error());
        return 0;
    }
    if (auto committed = transaction->commit(); !committed) {
        qWarning() << "commit:" << committed.error().message;
        return 0;
    }
    return *seq;
}

bool TestRepositoriesSync::appendFixture()
{
    m_seq = {0};
    m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 1);              // 1
    m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 2);              // 2
    m_seq << append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 1);              // 3
    m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s1"_qs);    // 4 (Sara's read mark)
    m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s2"_qs);    // 5 (Sven's)
    m_seq << append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 2, u"s1"_qs);    // 6
    m_seq << append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 3);              // 7
    m_seq << append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 2);              // 8
    m_seq << append(u"u-a"_qs, u"chat_message"_qs, u"m1"_qs, 1);            // 9
    for (qsizetype i = 1; i < m_seq.size(); ++i) {
        if (m_seq.at(i) <= m_seq.at(i - 1))
            return false;
    }
    return true;
}

void TestRepositoriesSync::appendNumbersInOrder()
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

void TestRepositoriesSync::readsOnlyCallersUnitsAndOwnRows_data()
{
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<QString>("staff");
    QTest::addColumn<SeqList>("entries"); // fixture entry numbers, in order
    QTest::newRow("unit A, Sara") << QStringList{u"u-a"_qs} << "s1" << SeqList{1, 2, 4, 6, 7, 9};
    QTest::newRow("unit A, Sven") << QStringList{u"u-a"_qs} << "s2" << SeqList{1, 2, 5, 7, 9};
    QTest::newRow("unit A, no read marks") << QStringList{u"u-a"_qs} << "s9" << SeqList{1, 2, 7, 9};
    QTest::newRow("unit B") << QStringList{u"u-b"_qs} << "s1" << SeqList{3, 8};
    QTest::newRow("units A and B, Sara") << QStringList{u"u-a"_qs, u"u-b"_qs} << "s1" << SeqList{1, 2, 3, 4, 6, 7, 8, 9};
    QTest::newRow("units B and A, Sven") << QStringList{u"u-b"_qs, u"u-a"_qs} << "s2" << SeqList{1, 2, 3, 5, 7, 8, 9};
    QTest::newRow("unknown unit") << QStringList{u"u-x"_qs} << "s1" << SeqList{};
    QTest::newRow("unit id spliced") << QStringList{u"u-a') OR ('1'='1"_qs} << "s1" << SeqList{};
    QTest::newRow("no units") << QStringList{} << "s1" << SeqList{};
}

void TestRepositoriesSync::readsOnlyCallersUnitsAndOwnRows()
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

void TestRepositoriesSync::pagesWithoutGapsOrRepeats_data()
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

void TestRepositoriesSync::pagesWithoutGapsOrRepeats()
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

void TestRepositoriesSync::cursorNeverSkipsLaterAppends()
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

void TestRepositoriesSync::cursorSurvivesInterleavedWriters_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("batch"); // appends per transaction
    QTest::newRow("limit 1, single appends") << 1 << 1;
    QTest::newRow("limit 2, batches of 3") << 2 << 3;
    QTest::newRow("limit 5, batches of 4") << 5 << 4;
}

void TestRepositoriesSync::cursorSurvivesInterleavedWriters()
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
            VERIFY_OK(log.append(mine ? u"u-a"_qs : u"u-b"_qs, u"inbox_item"_qs,
                                 QStringLiteral("i%1").arg(i), {{QStringLiteral("round"), round}}, m_clock.nowMs()));
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

void TestRepositoriesSync::compactionKeepsCursorsValid_data()
{
    QTest::addColumn<int>("upTo");   // fixture entry number (0: nothing)
    QTest::addColumn<int>("removed");
    QTest::newRow("everything") << 9 << 4;
    QTest::newRow("up to 5") << 5 << 4;
    QTest::newRow("up to 2") << 2 << 2;
    QTest::newRow("nothing") << 0 << 0;
}

// Compaction only drops superseded entries, so from every cursor a reader still ends with the same
// newest version of every entity changed after it.
void TestRepositoriesSync::compactionKeepsCursorsValid()
{
    QFETCH(int, upTo);
    QFETCH(int, removed);
    QVERIFY(appendFixture());
    ChangeLog log(*m_db);
    const QStringList units{u"u-a"_qs, u"u-b"_qs};
    auto pictureFrom = [&](qint64 since) -> QMap<QString, QJsonObject> {
        QMap<QString, QJsonObject> state;
        auto page = log.read(since, 1000, units, u"s1"_qs);
        if (!page)
            return {{u"error: "_qs + describe(page.error()), {}}};
        for (const QJsonValue &value : std::as_const(page->changes)) {
            const QJsonObject change = value.toObject();
            state.insert(change.value(u"entity").toString() + u'/' + change.value(u"id").toString(),
                         change.value(u"data").toObject());
        }
        return state;
    };
    QList<QMap<QString, QJsonObject>> before;
    for (int n = 0; n <= 9; ++n)
        before.append(pictureFrom(n ? m_seq.at(n) : 0));
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        auto compacted = log.compact(upTo ? m_seq.at(upTo) : 0);
        VERIFY_OK(compacted);
        QCOMPARE(*compacted, removed);
        VERIFY_OK(transaction->commit());
    }
    QCOMPARE(count(u"change_log"_qs), 9 - removed);
    QCOMPARE(log.latest().value(), m_seq.at(9)); // the newest entry is never superseded
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT min_seq FROM sync_floor WHERE id = 1"))->toLongLong(), 0);
    for (int n = 0; n <= 9; ++n)
        QCOMPARE(pictureFrom(n ? m_seq.at(n) : 0), before.at(n));
}

void TestRepositoriesSync::resetMakesOldCursorsGone()
{
    QVERIFY(appendFixture());
    ChangeLog log(*m_db);
    const QStringList units{u"u-a"_qs, u"u-b"_qs};
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        auto removed = log.resetCursors();
        VERIFY_OK(removed);
        QCOMPARE(*removed, 4);
        VERIFY_OK(transaction->commit());
    }
    QCOMPARE(count(u"change_log"_qs), 5);
    for (int n = 1; n <= 9; ++n) {
        auto gone = log.read(m_seq.at(n), 100, units, u"s1"_qs);
        QVERIFY2(!gone, qPrintable(QStringLiteral("cursor of entry %1 should be Gone").arg(n)));
        QCOMPARE(gone.error().code, ErrorCode::Gone);
    }
    // A cursor beyond the newest entry (a server restored from a backup) is Gone as well.
    auto ahead = log.read(log.latest().value() + 100, 100, units, u"s1"_qs);
    QVERIFY(!ahead);
    QCOMPARE(ahead.error().code, ErrorCode::Gone);
    // From 0: the survivors, renumbered above every old cursor.
    auto again = log.read(0, 100, units, u"s1"_qs);
    VERIFY_OK(again);
    QCOMPARE(again->changes.size(), 4);
    for (qint64 seq : seqsOf(again->changes))
        QVERIFY(seq > m_seq.at(9));
    QCOMPARE(again->next, log.latest().value());
}

void TestRepositoriesSync::compactionKeepsNewestOfEachEntity()
{
    QVERIFY(appendFixture());
    ChangeLog log(*m_db);
    // Later changes after a first compaction, then a second compaction over everything.
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.compact(m_seq.at(5)));
        VERIFY_OK(transaction->commit());
    }
    const qint64 i2v3 = append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 3);
    const qint64 m1v2 = append(u"u-a"_qs, u"chat_message"_qs, u"m1"_qs, 2);
    const qint64 s2v2 = append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 2, u"s2"_qs);
    QVERIFY(i2v3 > 0 && m1v2 > i2v3 && s2v2 > m1v2);
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.compact(log.latest().value()));
        VERIFY_OK(transaction->commit());
    }

    // One row per entity (and per staff member for per-staff rows), each the newest version.
    struct Expect
    {
        QString entity, id, staff;
        int version;
    };
    const QList<Expect> expected{
        {u"inbox_item"_qs, u"i1"_qs, {}, 3},          {u"inbox_item"_qs, u"i2"_qs, {}, 3},
        {u"chat_message"_qs, u"m1"_qs, {}, 2},        {u"inbox_read"_qs, u"i1"_qs, u"s1"_qs, 2},
        {u"inbox_read"_qs, u"i1"_qs, u"s2"_qs, 2},
    };
    QCOMPARE(count(u"change_log"_qs), expected.size());
    for (const Expect &e : expected) {
        auto rows = m_db->query(QStringLiteral("SELECT payload FROM change_log WHERE entity = ? AND entity_id = ? AND "
                                               "COALESCE(staff_id, '') = COALESCE(?, '')"),
                                {e.entity, e.id, e.staff});
        VERIFY_OK(rows);
        QVERIFY2(rows->next(), qPrintable(e.entity + u' ' + e.id + u' ' + e.staff));
        QVERIFY(rows->value(0).toString().contains(QStringLiteral("\"version\":%1").arg(e.version)));
        QVERIFY(!rows->next());
    }
    // What Sven reads from 0 is the same picture through his eyes.
    auto sven = log.read(0, 100, {u"u-a"_qs, u"u-b"_qs}, u"s2"_qs);
    VERIFY_OK(sven);
    QCOMPARE(sven->changes.size(), 4);
    QSet<QString> keys;
    for (const QJsonValue &value : std::as_const(sven->changes)) {
        const QJsonObject change = value.toObject();
        keys.insert(change.value(u"entity").toString() + u'/' + change.value(u"id").toString());
        const int newest = change.value(u"entity").toString() == u"inbox_item" ? 3 : 2;
        QCOMPARE(change.value(u"data").toObject().value(u"version").toInt(), newest);
    }
    QCOMPARE(keys.size(), 4);
}

void TestRepositoriesSync::resyncAfterCompactionPagesToTheEnd_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("100 (one page)") << 100;
}

// A client told Gone starts again from 0 and pages through the compacted log; the cursors that
// read() hands out on the way must not be Gone themselves (else the client loops for ever).
void TestRepositoriesSync::resyncAfterCompactionPagesToTheEnd()
{
    QFETCH(int, limit);
    QVERIFY(appendFixture());
    ChangeLog log(*m_db);
    {
        // What nara-server --reset-sync does.
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.resetCursors());
        VERIFY_OK(transaction->commit());
    }
    const QStringList units{u"u-a"_qs, u"u-b"_qs};
    SeqList seen;
    qint64 cursor = 0;
    for (int pages = 0;; ++pages) {
        QVERIFY2(pages < 20, "paging does not end");
        auto page = log.read(cursor, limit, units, u"s1"_qs);
        QVERIFY2(page, qPrintable(page ? QString()
                                       : QStringLiteral("page %1 from cursor %2 (a cursor read() returned): %3")
                                             .arg(pages + 1)
                                             .arg(cursor)
                                             .arg(describe(page.error()))));
        seen += seqsOf(page->changes);
        cursor = page->next;
        if (!page->more)
            break;
    }
    QCOMPARE(seen.size(), 4);
    QCOMPARE(cursor, log.latest().value());
}

void TestRepositoriesSync::compactionPreservesEachCallersPicture_data()
{
    QTest::addColumn<QStringList>("units");
    QTest::addColumn<QString>("staff");
    QTest::newRow("unit A") << QStringList{u"u-a"_qs} << "s1";
    QTest::newRow("unit B") << QStringList{u"u-b"_qs} << "s2";
    QTest::newRow("units A and B") << QStringList{u"u-a"_qs, u"u-b"_qs} << "s1";
}

// Re-syncing from 0 after compaction must give every caller the same entities, each in its newest
// version that caller may see, as re-syncing from 0 before it. A patient with care relations to two
// units is logged once per unit (as demoregion.cpp does), so the same entity id appears in two units.
void TestRepositoriesSync::compactionPreservesEachCallersPicture()
{
    QFETCH(QStringList, units);
    QFETCH(QString, staff);
    QVERIFY(append(u"u-a"_qs, u"patient"_qs, u"p1"_qs, 1) > 0);
    QVERIFY(append(u"u-b"_qs, u"patient"_qs, u"p1"_qs, 1) > 0); // the same patient, shared with unit B
    QVERIFY(append(u"u-a"_qs, u"patient"_qs, u"p2"_qs, 1) > 0);
    QVERIFY(append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 1) > 0);
    QVERIFY(append(u"u-a"_qs, u"inbox_item"_qs, u"i1"_qs, 2) > 0);
    QVERIFY(append(u"u-b"_qs, u"inbox_item"_qs, u"i2"_qs, 1) > 0);
    QVERIFY(append(u"u-a"_qs, u"inbox_read"_qs, u"i1"_qs, 1, u"s1"_qs) > 0);
    QVERIFY(append(u"u-b"_qs, u"inbox_read"_qs, u"i2"_qs, 1, u"s2"_qs) > 0);
    QVERIFY(append(u"u-a"_qs, u"patient"_qs, u"p2"_qs, 2) > 0);

    ChangeLog log(*m_db);
    auto picture = [&]() -> QMap<QString, QJsonObject> {
        QMap<QString, QJsonObject> state;
        auto page = log.read(0, 1000, units, staff);
        if (!page) {
            qWarning() << describe(page.error());
            return {{u"error"_qs, {}}};
        }
        for (const QJsonValue &value : std::as_const(page->changes)) {
            const QJsonObject change = value.toObject();
            state.insert(change.value(u"entity").toString() + u'/' + change.value(u"id").toString(),
                         change.value(u"data").toObject());
        }
        return state;
    };
    const QMap<QString, QJsonObject> before = picture();
    QVERIFY(!before.isEmpty());
    {
        auto transaction = TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(log.compact(log.latest().value()));
        VERIFY_OK(transaction->commit());
    }
    const QMap<QString, QJsonObject> after = picture();
    QCOMPARE(after.keys(), before.keys());
    QCOMPARE(after, before);
}

void TestRepositoriesSync::rolledBackAppendLeavesNoRow()
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

// Remembered answers hold patient data: they expire (sync/core/idempotencystore.h).
void TestRepositoriesSync::oldIdempotencyKeysArePurged()
{
    const QString insert = QStringLiteral("INSERT INTO idempotency_keys (subject_id, idem_key, request_hash, status, "
                                          "response, created_at) VALUES (?, ?, 'h', 200, '{}', ?)");
    const qint64 now = 1'800'000'000'000;
    VERIFY_OK(m_db->execute(insert, {u"s1"_qs, u"old"_qs, now - kIdempotencyRetentionMs - 1}));
    VERIFY_OK(m_db->execute(insert, {u"s1"_qs, u"edge"_qs, now - kIdempotencyRetentionMs}));
    VERIFY_OK(m_db->execute(insert, {u"s1"_qs, u"new"_qs, now - 1000}));
    auto purged = purgeIdempotencyKeys(*m_db, now - kIdempotencyRetentionMs);
    VERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    QCOMPARE(count(u"idempotency_keys"_qs), 2);
}

QTEST_GUILESS_MAIN(TestRepositoriesSync)
#include "tst_repositories_sync.moc"
