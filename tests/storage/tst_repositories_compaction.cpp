// The server's change log (sync_core's ChangeLog) against real storage, shrinking it: compaction,
// resetting cursors, and purging old idempotency keys. Every scenario runs once on SQLite and once on
// PostgreSQL (global data rows sqlite/postgres). Links sync_core only, never the sync server layer.
#include "changelogfixture.h"
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"
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
using nara::test::describe;

class TestRepositoriesCompaction : public QObject, public test::ChangeLogFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }

    void compactionKeepsCursorsValid_data();
    void compactionKeepsCursorsValid();
    void resetMakesOldCursorsGone();
    void compactionKeepsNewestOfEachEntity();
    void resyncAfterCompactionPagesToTheEnd_data();
    void resyncAfterCompactionPagesToTheEnd();
    void compactionPreservesEachCallersPicture_data();
    void compactionPreservesEachCallersPicture();
    void oldIdempotencyKeysArePurged();
};

void TestRepositoriesCompaction::init()
{
    openDatabase(u"repo-compaction"_qs);
    m_seq.clear();
}

void TestRepositoriesCompaction::compactionKeepsCursorsValid_data()
{
    QTest::addColumn<int>("upTo"); // fixture entry number (0: nothing)
    QTest::addColumn<int>("removed");
    QTest::newRow("everything") << 9 << 4;
    QTest::newRow("up to 5") << 5 << 4;
    QTest::newRow("up to 2") << 2 << 2;
    QTest::newRow("nothing") << 0 << 0;
}

// Compaction only drops superseded entries, so from every cursor a reader still ends with the same
// newest version of every entity changed after it.
void TestRepositoriesCompaction::compactionKeepsCursorsValid()
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

void TestRepositoriesCompaction::resetMakesOldCursorsGone()
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

void TestRepositoriesCompaction::compactionKeepsNewestOfEachEntity()
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
        {u"inbox_item"_qs, u"i1"_qs, {}, 3},       {u"inbox_item"_qs, u"i2"_qs, {}, 3},
        {u"chat_message"_qs, u"m1"_qs, {}, 2},     {u"inbox_read"_qs, u"i1"_qs, u"s1"_qs, 2},
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

void TestRepositoriesCompaction::resyncAfterCompactionPagesToTheEnd_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("100 (one page)") << 100;
}

// A client told Gone starts again from 0 and pages through the compacted log; the cursors that
// read() hands out on the way must not be Gone themselves (else the client loops for ever).
void TestRepositoriesCompaction::resyncAfterCompactionPagesToTheEnd()
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
        QVERIFY2(page,
                 qPrintable(page ? QString()
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

void TestRepositoriesCompaction::compactionPreservesEachCallersPicture_data()
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
void TestRepositoriesCompaction::compactionPreservesEachCallersPicture()
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

// Remembered answers hold patient data: they expire (sync/core/idempotencystore.h).
void TestRepositoriesCompaction::oldIdempotencyKeysArePurged()
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

QTEST_GUILESS_MAIN(TestRepositoriesCompaction)
#include "tst_repositories_compaction.moc"
