#include "storage/core/database.h"
#include "storage/core/migrator.h"
#include "storage/core/transactionguard.h"
#include "storagebackends.h"

#include <QTest>

using namespace nara;
using namespace nara::storage;

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { m_db.reset(); }

    void migratesToLatestOnce();
    void guardRollsBackUnlessCommitted();
    void committedWritesStay();
    void valuesAreBoundNotSpliced();
    void sqlErrorsBecomeStorageErrors();
    void errorsQuoteNoValues();
    void lookupRowSeesEveryCommit();
    void refusesNewerSchema();
    void configErrors_data();
    void configErrors();

private:
    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    std::optional<DatabaseConfig> m_config;
};

void TestStorage::init()
{
    QFETCH_GLOBAL(QString, backend);
    auto config = test::configFor(backend, m_dir);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    m_config = *config;
    auto db = Database::open(*config, QStringLiteral("test-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db.emplace(std::move(*db));
    auto migrated = Migrator(*m_db).migrate();
    QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
}

void TestStorage::migratesToLatestOnce()
{
    const int latest = Migrator::latestVersion(m_db->dialect());
    QVERIFY(latest >= 1);
    QCOMPARE(Migrator(*m_db).currentVersion().value(), latest);
    // A second run changes nothing.
    QCOMPARE(Migrator(*m_db).migrate().value(), latest);
    auto rows = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
    QCOMPARE(rows->toInt(), latest);
    // The tables exist and are empty.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM inbox_items"))->toInt(), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT min_seq FROM sync_floor"))->toInt(), 0);
}

void TestStorage::guardRollsBackUnlessCommitted()
{
    {
        auto transaction = TransactionGuard::begin(*m_db);
        QVERIFY(transaction);
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
                              {u"u1"_qs, u"Vårdcentralen"_qs, u"care_centre"_qs, u"Halland"_qs}));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM care_units"))->toInt(), 1);
    } // no commit
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM care_units"))->toInt(), 0);
}

void TestStorage::committedWritesStay()
{
    auto transaction = TransactionGuard::begin(*m_db);
    QVERIFY(transaction);
    QVERIFY(m_db->execute(QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
                          {u"u1"_qs, u"Vårdcentralen Åsa"_qs, u"care_centre"_qs, u"Halland"_qs}));
    QVERIFY(transaction->commit());
    QVERIFY(!transaction->commit()); // not twice
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM care_units WHERE id = ?"), {u"u1"_qs})->toString(),
             u"Vårdcentralen Åsa"_qs);
}

void TestStorage::valuesAreBoundNotSpliced()
{
    const QString hostile = QStringLiteral("x'); DROP TABLE care_units; --");
    QVERIFY(m_db->execute(QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
                          {hostile, hostile, u"care_centre"_qs, u"Kronoberg"_qs}));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM care_units WHERE id = ?"), {hostile})->toString(), hostile);
}

void TestStorage::sqlErrorsBecomeStorageErrors()
{
    auto duplicate = [this] {
        return m_db->execute(QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
                             {u"same"_qs, u"A"_qs, u"care_centre"_qs, u"Halland"_qs});
    };
    QVERIFY(duplicate());
    auto second = duplicate();
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::Storage);
    auto broken = m_db->query(QStringLiteral("SELECT nothing FROM nowhere"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, ErrorCode::Storage);
}

// A reused statement must not keep a read open: the next lookup sees what other connections
// committed in between (an open SQLite read would pin the old snapshot).
void TestStorage::lookupRowSeesEveryCommit()
{
    auto other = Database::open(*m_config, QStringLiteral("other-writer"));
    QVERIFY(other);
    const QString count = QStringLiteral("SELECT COUNT(*), MAX(name) FROM care_units WHERE region = ?");
    auto first = m_db->lookupRow(count, {u"Halland"_qs});
    QVERIFY(first && first->has_value());
    QCOMPARE((*first)->at(0).toInt(), 0);
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(other->execute(
            QStringLiteral("INSERT INTO care_units (id, name, kind, region) VALUES (?, ?, ?, ?)"),
            {QStringLiteral("u%1").arg(i), QStringLiteral("Enhet %1").arg(i), u"care_centre"_qs, u"Halland"_qs}));
        auto seen = m_db->lookupRow(count, {u"Halland"_qs});
        QVERIFY(seen && seen->has_value());
        QCOMPARE((*seen)->at(0).toInt(), i);
        QCOMPARE((*seen)->at(1).toString(), QStringLiteral("Enhet %1").arg(i));
    }
    auto none = m_db->lookupRow(QStringLiteral("SELECT id FROM care_units WHERE id = ?"), {u"nope"_qs});
    QVERIFY(none);
    QVERIFY(!none->has_value());
    // A writer on this connection is not blocked by the reused statement.
    auto transaction = TransactionGuard::begin(*m_db);
    QVERIFY(transaction);
    QVERIFY(transaction->commit());
}

// Storage errors reach the server's log: they name the constraint, never the row's values
// (PostgreSQL's DETAIL line would quote the personnummer).
void TestStorage::errorsQuoteNoValues()
{
    const QString insert = QStringLiteral("INSERT INTO patients (id, personal_number, name) VALUES (?, ?, ?)");
    QVERIFY(m_db->execute(insert, {u"p1"_qs, u"191212121212"_qs, u"Tolvan Tolvansson"_qs}));
    auto duplicate = m_db->execute(insert, {u"p2"_qs, u"191212121212"_qs, u"Tolvan Tolvansson"_qs});
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, ErrorCode::Storage);
    QVERIFY2(!duplicate.error().message.contains(u"191212121212"), qPrintable(duplicate.error().message));
    QVERIFY2(!duplicate.error().message.contains(u"Tolvan"), qPrintable(duplicate.error().message));
    auto missing = m_db->execute(insert, {u"p3"_qs, u"201212121212"_qs, QVariant(QMetaType::fromType<QString>())});
    QVERIFY(!missing);
    QVERIFY2(!missing.error().message.contains(u"201212121212"), qPrintable(missing.error().message));
}

void TestStorage::refusesNewerSchema()
{
    QVERIFY(m_db->execute(QStringLiteral("INSERT INTO schema_version (version) VALUES (999)")));
    auto migrated = Migrator(*m_db).migrate();
    QVERIFY(!migrated);
    QVERIFY(migrated.error().message.contains(u"newer"));
}

void TestStorage::configErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("unknown scheme") << "mysql://x";
    QTest::newRow("sqlite without path") << "sqlite:";
    QTest::newRow("postgres without database") << "postgres://user@host";
    QTest::newRow("bad schema name") << "postgres://u@h/db?schema=Robert'); DROP";
}

void TestStorage::configErrors()
{
    QFETCH(QString, url);
    auto config = DatabaseConfig::fromUrl(url, QStringLiteral("/tmp"));
    QVERIFY(!config);
    QCOMPARE(config.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
