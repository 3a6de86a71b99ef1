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
    void refusesNewerSchema();
    void configErrors_data();
    void configErrors();

private:
    QTemporaryDir m_dir;
    std::optional<Database> m_db;
};

void TestStorage::init()
{
    QFETCH_GLOBAL(QString, backend);
    auto config = test::configFor(backend, m_dir);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
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
