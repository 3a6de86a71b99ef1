#pragma once

// The fixture of the repository tests: a freshly migrated database per test function, on the
// backend of the current global data row (storagebackends.h: sqlite/postgres).
#include "fakeclock.h"
#include "storage/core/database.h"
#include "storage/core/migrator.h"
#include "storagebackends.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace nara::test {

inline QString describe(const Error &error)
{
    return errorCodeName(error.code) + QStringLiteral(": ") + error.message;
}

// Mixed into a test class next to QObject: openDatabase() from init(), closeDatabase() from cleanup().
class RepositoryFixture
{
protected:
    // Opens and migrates a database for the current test function; a failure fails the test
    // (QTest then skips the function).
    void openDatabase(const QString &connectionPrefix)
    {
        QFETCH_GLOBAL(QString, backend);
        auto config = configFor(backend, m_dir);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        m_schema = config->schema;
        auto db = storage::Database::open(*config,
                                          connectionPrefix + u'-' + QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        m_db.emplace(std::move(*db));
        auto migrated = storage::Migrator(*m_db).migrate();
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
    }

    void closeDatabase()
    {
        // A passing test's PostgreSQL schema goes; a failing one's stays for a look.
        if (m_db && !m_schema.isEmpty() && !QTest::currentTestFailed()) {
            (void)m_db->executeDirect(QStringLiteral("SET client_min_messages TO warning"));
            (void)m_db->executeDirect(QStringLiteral("DROP SCHEMA ") + m_schema + QStringLiteral(" CASCADE"));
        }
        m_db.reset();
        m_schema.clear();
    }

    // The number of rows in a table, -1 on failure.
    int count(const QString &table)
    {
        auto n = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        if (!n) {
            qWarning() << "count" << table << n.error().message;
            return -1;
        }
        return n->toInt();
    }

    QTemporaryDir m_dir;
    std::optional<storage::Database> m_db;
    QString m_schema;
    FakeClock m_clock;
};

} // namespace nara::test

// QVERIFY2 on a Result, with the error's text on failure.
#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &_r = (expr);                                                                                       \
        QVERIFY2(_r.has_value(), qPrintable(_r.has_value() ? QString() : nara::test::describe(_r.error())));           \
    } while (false)
