#include "sync/core/localcache.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;

// QVERIFY2 evaluates its message even when the check passes: only read error() on failure.
#define QVERIFY_OK(result)                                                                                             \
    QVERIFY2((result).has_value(), (result).has_value() ? "" : qPrintable((result).error().message))
using namespace nara::sync;

namespace {

QJsonObject itemJson(const QString &id, qint64 version, const QString &title = QStringLiteral("Fråga om recept"))
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), QStringLiteral("chat")},
                       {QStringLiteral("state"), QStringLiteral("new")},
                       {QStringLiteral("waitingOn"), QJsonValue::Null},
                       {QStringLiteral("priority"), QStringLiteral("routine")},
                       {QStringLiteral("priorityReason"), QString()},
                       {QStringLiteral("unitId"), QStringLiteral("u1")},
                       {QStringLiteral("ownerId"), QJsonValue::Null},
                       {QStringLiteral("patientId"), QStringLiteral("p1")},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("createdAt"), 1000},
                       {QStringLiteral("updatedAt"), 1000 + version},
                       {QStringLiteral("dueAt"), 5000},
                       {QStringLiteral("claimedAt"), QJsonValue::Null},
                       {QStringLiteral("lastActivityAt"), 1000},
                       {QStringLiteral("version"), version}};
}

QJsonObject change(qint64 seq, const QString &entity, const QString &id, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("seq"), seq},
                       {QStringLiteral("entity"), entity},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("data"), data}};
}

QJsonObject messageJson(const QString &id, const QString &itemId, qint64 at)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("itemId"), itemId},
                       {QStringLiteral("authorKind"), QStringLiteral("staff")},
                       {QStringLiteral("authorId"), QStringLiteral("s1")},
                       {QStringLiteral("authorName"), QStringLiteral("Anna")},
                       {QStringLiteral("body"), QStringLiteral("Hej")},
                       {QStringLiteral("staffOnly"), false},
                       {QStringLiteral("createdAt"), at}};
}

PendingWrite write(int n)
{
    PendingWrite w;
    w.id = QStringLiteral("w-%1").arg(n, 3, 10, QLatin1Char('0'));
    w.path = QStringLiteral("/api/v1/items/i1/messages");
    w.body = QByteArrayLiteral("{\"body\":\"x\"}");
    w.itemId = QStringLiteral("i1");
    w.createdAt = 1000 + n;
    return w;
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n));
    }

    void appliesPagesAndCursor()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
        QVERIFY_OK(cache);
        QCOMPARE(*cache->cursor(), 0);

        const QJsonArray page1{
            change(1, QStringLiteral("inbox_item"), QStringLiteral("i1"), itemJson(QStringLiteral("i1"), 1)),
            change(2, QStringLiteral("chat_message"), QStringLiteral("m1"),
                   messageJson(QStringLiteral("m1"), QStringLiteral("i1"), 2000)),
            change(3, QStringLiteral("patient"), QStringLiteral("p1"),
                   QJsonObject{{QStringLiteral("id"), QStringLiteral("p1")},
                               {QStringLiteral("personalNumber"), QStringLiteral("191212121212")},
                               {QStringLiteral("name"), QStringLiteral("Tolvan Tolvansson")}}),
            change(4, QStringLiteral("staff"), QStringLiteral("s1"),
                   QJsonObject{{QStringLiteral("id"), QStringLiteral("s1")},
                               {QStringLiteral("username"), QStringLiteral("anna")},
                               {QStringLiteral("displayName"), QStringLiteral("Anna")},
                               {QStringLiteral("role"), QStringLiteral("nurse")},
                               {QStringLiteral("unitIds"), QJsonArray{QStringLiteral("u1")}}}),
            change(5, QStringLiteral("inbox_read"), QStringLiteral("i1"),
                   QJsonObject{{QStringLiteral("itemId"), QStringLiteral("i1")},
                               {QStringLiteral("staffId"), QStringLiteral("s1")},
                               {QStringLiteral("readAt"), 3000}}),
            change(6, QStringLiteral("something_new"), QStringLiteral("x"), QJsonObject{}),
        };
        auto applied = cache->applyChanges(page1, 6);
        QVERIFY_OK(applied);
        QCOMPARE(applied->items.size(), 1);
        QCOMPARE(applied->messages.size(), 1);
        QVERIFY(applied->referenceData);
        QCOMPARE(*cache->cursor(), 6);
        QCOMPARE(cache->items()->size(), 1);
        QCOMPARE(cache->messages(QStringLiteral("i1"))->size(), 1);
        QCOMPARE(cache->patients()->value(QStringLiteral("p1")).personalNumber, QStringLiteral("191212121212"));
        QCOMPARE(cache->staff()->value(QStringLiteral("s1")).username, QStringLiteral("anna"));
        QCOMPARE(cache->staff()->value(QStringLiteral("s1")).unitIds, QStringList{QStringLiteral("u1")});
        QCOMPARE(cache->readMarks()->value(QStringLiteral("i1")), 3000);

        // A newer version replaces; an older one (a replayed page) does not.
        auto newer = cache->applyChanges({change(7, QStringLiteral("inbox_item"), QStringLiteral("i1"),
                                                 itemJson(QStringLiteral("i1"), 3, QStringLiteral("v3")))},
                                         7);
        QVERIFY(newer);
        QCOMPARE(newer->items.size(), 1);
        auto older = cache->applyChanges({change(8, QStringLiteral("inbox_item"), QStringLiteral("i1"),
                                                 itemJson(QStringLiteral("i1"), 2, QStringLiteral("v2")))},
                                         8);
        QVERIFY(older);
        QCOMPARE(older->items.size(), 0);
        QCOMPARE(cache->items()->value(0).title, QStringLiteral("v3"));
        QCOMPARE(*cache->cursor(), 8);
    }

    void visitsAreRecordsNewestVersionWins()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("c-visit"));
        QVERIFY_OK(cache);
        const auto visit = [](qint64 version, const QString &state) {
            return QJsonObject{{QStringLiteral("id"), QStringLiteral("v1")},
                               {QStringLiteral("itemId"), QStringLiteral("i1")},
                               {QStringLiteral("unitId"), QStringLiteral("u1")},
                               {QStringLiteral("reason"), QStringLiteral("Återbesök knä")},
                               {QStringLiteral("startsAt"), 5000},
                               {QStringLiteral("state"), state},
                               {QStringLiteral("version"), version}};
        };
        auto first = cache->applyChanges(
            {change(1, QStringLiteral("visit"), QStringLiteral("v1"), visit(2, QStringLiteral("booked")))}, 1);
        QVERIFY_OK(first);
        QCOMPARE(first->records.size(), 1);
        QCOMPARE(first->records.first().entity, QStringLiteral("visit"));
        QCOMPARE(first->records.first().version, 2);
        QCOMPARE(first->records.first().data.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Återbesök knä"));

        // An older copy (a replayed page) is ignored, a newer one replaces.
        auto older = cache->applyChanges(
            {change(2, QStringLiteral("visit"), QStringLiteral("v1"), visit(1, QStringLiteral("ended")))}, 2);
        QVERIFY_OK(older);
        QCOMPARE(older->records.size(), 0);
        auto newer = cache->applyChanges(
            {change(3, QStringLiteral("visit"), QStringLiteral("v1"), visit(3, QStringLiteral("waiting")))}, 3);
        QVERIFY_OK(newer);
        QCOMPARE(newer->records.size(), 1);
        auto stored = cache->records(QStringLiteral("visit"));
        QVERIFY_OK(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().id, QStringLiteral("v1"));
        QCOMPARE(stored->first().version, 3);
        QCOMPARE(stored->first().data.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(cache->records(QStringLiteral("form"))->size(), 0);

        // A visit without a version fails the page; nothing of it is kept.
        QJsonObject broken = visit(4, QStringLiteral("ended"));
        broken.remove(QStringLiteral("version"));
        QVERIFY(!cache->applyChanges({change(4, QStringLiteral("visit"), QStringLiteral("v1"), broken)}, 4));
        QCOMPARE(*cache->cursor(), 3);

        // Re-sync from 0 forgets them with the rest of the synced data.
        QVERIFY_OK(cache->resetSyncedData());
        QCOMPARE(cache->records(QStringLiteral("visit"))->size(), 0);
    }

    void olderSchemaIsRebuiltWithRecords()
    {
        {
            auto cache = LocalCache::open(m_path, QStringLiteral("c-old"));
            QVERIFY_OK(cache);
            QVERIFY_OK(cache->applyChanges(
                {change(1, QStringLiteral("inbox_item"), QStringLiteral("i1"), itemJson(QStringLiteral("i1"), 1))}, 1));
            QVERIFY_OK(cache->enqueue(write(1)));
            // Pretend the file was written by the previous layout (no records table).
            QVERIFY_OK(cache->database().execute(QStringLiteral("DROP TABLE records")));
            QVERIFY_OK(cache->database().execute(QStringLiteral("UPDATE meta SET value = '2' WHERE key = 'schema'")));
        }
        auto cache = LocalCache::open(m_path, QStringLiteral("c-new"));
        QVERIFY_OK(cache);
        // Synced data goes (a re-sync from 0 fetches the visits the old layout skipped); the outbox stays.
        QCOMPARE(*cache->cursor(), 0);
        QCOMPARE(cache->items()->size(), 0);
        QCOMPARE(*cache->pendingCount(), 1);
        QVERIFY_OK(cache->records(QStringLiteral("visit")));
    }

    void outboxFromBeforeContentTypesKeepsItsWritesAndTakesImages()
    {
        {
            auto cache = LocalCache::open(m_path, QStringLiteral("c-v4"));
            QVERIFY_OK(cache);
            QVERIFY_OK(cache->enqueue(write(1)));
            // The schema-4 outbox had no content_type column.
            QVERIFY_OK(cache->database().execute(QStringLiteral("ALTER TABLE outbox DROP COLUMN content_type")));
            QVERIFY_OK(cache->database().execute(QStringLiteral("UPDATE meta SET value = '4' WHERE key = 'schema'")));
        }
        auto cache = LocalCache::open(m_path, QStringLiteral("c-v5"));
        QVERIFY_OK(cache);
        PendingWrite image = write(2);
        image.method = QStringLiteral("PUT");
        image.path = QStringLiteral("/api/v1/images/abc");
        image.body = QByteArray("\xff\xd8\x00\x01", 4); // bytes, not text
        image.contentType = "image/jpeg";
        QVERIFY_OK(cache->enqueue(image));
        auto pending = cache->pending();
        QVERIFY_OK(pending);
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->at(0).id, write(1).id);
        QVERIFY(pending->at(0).contentType.isEmpty()); // JSON, as before
        QCOMPARE(pending->at(1).contentType, QByteArray("image/jpeg"));
        QCOMPARE(pending->at(1).body, image.body);
        // A delivered image is overwritten on disk, not left in a free page.
        QCOMPARE(cache->database().scalar(QStringLiteral("PRAGMA secure_delete"))->toInt(), 1);
    }

    void malformedPageChangesNothing()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
        QVERIFY(cache);
        QJsonObject broken = itemJson(QStringLiteral("i2"), 1);
        broken.insert(QStringLiteral("kind"), QStringLiteral("nonsense"));
        auto applied = cache->applyChanges(
            {change(1, QStringLiteral("inbox_item"), QStringLiteral("i1"), itemJson(QStringLiteral("i1"), 1)),
             change(2, QStringLiteral("inbox_item"), QStringLiteral("i2"), broken)},
            2);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::InvalidInput);
        QCOMPARE(cache->items()->size(), 0); // the first change was rolled back with the page
        QCOMPARE(*cache->cursor(), 0);
    }

    void resetKeepsOutbox()
    {
        auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
        QVERIFY(cache);
        QVERIFY(cache->applyChanges(
            {change(1, QStringLiteral("inbox_item"), QStringLiteral("i1"), itemJson(QStringLiteral("i1"), 1))}, 1));
        QVERIFY(cache->enqueue(write(1)));
        QVERIFY(cache->recordAuditEvent({0, QStringLiteral("read"), QStringLiteral("p1"), QStringLiteral("i1"), 5}));
        QVERIFY(cache->resetSyncedData());
        QCOMPARE(cache->items()->size(), 0);
        QCOMPARE(*cache->cursor(), 0);
        QCOMPARE(*cache->pendingCount(), 1);
        QCOMPARE(cache->auditEvents(10)->size(), 1);
    }

    void outboxOrderSurvivesReopen()
    {
        {
            auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
            QVERIFY(cache);
            // Ids deliberately not in sorting order: the order is the order of enqueue.
            for (int n : {5, 1, 9, 3, 7})
                QVERIFY(cache->enqueue(write(n)));
            QVERIFY(cache->markAttempt(write(1).id, QStringLiteral("timeout")));
            QVERIFY(!cache->enqueue(write(5))); // the same id twice is refused
        }
        auto cache = LocalCache::open(m_path, QStringLiteral("c2"));
        QVERIFY(cache);
        auto pending = cache->pending();
        QVERIFY(pending);
        QStringList ids;
        for (const PendingWrite &w : *pending)
            ids << w.id;
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("w-005"), QStringLiteral("w-001"), QStringLiteral("w-009"),
                              QStringLiteral("w-003"), QStringLiteral("w-007")}));
        QCOMPARE(pending->at(1).attempts, 1);
        QCOMPARE(pending->at(1).lastError, QStringLiteral("timeout"));
        QCOMPARE(pending->at(0).body, write(5).body);
        QVERIFY(cache->markDelivered(QStringLiteral("w-005")));
        QCOMPARE((*cache->nextPending())->id, QStringLiteral("w-001"));
        QCOMPARE(*cache->pendingCount(), 4);
    }

    void garbageFileIsQuarantined()
    {
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
        QVERIFY_OK(cache);
        const CacheOpenReport &report = cache->openReport();
        QVERIFY(report.quarantinedTo.startsWith(m_path + QStringLiteral(".corrupt-")));
        QVERIFY(QFile::exists(report.quarantinedTo));
        QCOMPARE(report.salvagedWrites, 0);
        QCOMPARE(*cache->pendingCount(), 0);
        QVERIFY(cache->applyChanges(
            {change(1, QStringLiteral("inbox_item"), QStringLiteral("i1"), itemJson(QStringLiteral("i1"), 1))}, 1));
    }

    void damagedFileKeepsReadableOutbox()
    {
        {
            auto cache = LocalCache::open(m_path, QStringLiteral("c1"));
            QVERIFY(cache);
            for (int n = 1; n <= 3; ++n)
                QVERIFY(cache->enqueue(write(n)));
            QVERIFY(
                cache->recordAuditEvent({0, QStringLiteral("read"), QStringLiteral("p1"), QStringLiteral("i1"), 5}));
            // Plenty of synced data after the outbox, so the damage below hits only its pages.
            QJsonArray changes;
            const QString padding(400, QLatin1Char('y'));
            for (int n = 0; n < 3000; ++n) {
                const QString id = QStringLiteral("item-%1").arg(n);
                changes.append(change(n + 1, QStringLiteral("inbox_item"), id, itemJson(id, 1, padding)));
            }
            QVERIFY(cache->applyChanges(changes, 3000));
            QVERIFY(cache->database().execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(size > 1'000'000);
            file.seek(size / 2);
            file.write(QByteArray(int(size / 4), '\x5a'));
        }
        auto cache = LocalCache::open(m_path, QStringLiteral("c2"));
        QVERIFY_OK(cache);
        const CacheOpenReport &report = cache->openReport();
        QVERIFY2(!report.quarantinedTo.isEmpty(), "damage was not detected");
        QCOMPARE(report.salvagedWrites, 3);
        QCOMPARE(report.salvagedAuditEvents, 1);
        auto pending = cache->pending();
        QVERIFY(pending);
        QCOMPARE(pending->size(), 3);
        QCOMPARE(pending->at(0).id, write(1).id);
        QCOMPARE(pending->at(2).id, write(3).id);
        QCOMPARE(pending->at(2).body, write(3).body);
        QCOMPARE(*cache->cursor(), 0); // synced data is fetched again
        QCOMPARE(cache->items()->size(), 0);
    }

    void defaultPathPerServerAndUser()
    {
        const QString a = LocalCache::defaultPath(QStringLiteral("http://nara.example:8080"), QStringLiteral("anna"));
        const QString b = LocalCache::defaultPath(QStringLiteral("http://nara.example:8080"), QStringLiteral("bo"));
        const QString c = LocalCache::defaultPath(QStringLiteral("https://other.example"), QStringLiteral("anna"));
        QVERIFY(a.endsWith(QStringLiteral("/nara.example_8080/anna.sqlite")));
        QVERIFY(c.endsWith(QStringLiteral("/other.example_443/anna.sqlite")));
        QVERIFY(a != b);
        QVERIFY(!LocalCache::defaultPath(QStringLiteral("http://h"), QStringLiteral("../x")).contains(u"/../"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
