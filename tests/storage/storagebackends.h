#pragma once

#include "storage/core/databaseconfig.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace nara::test {

// The storage tests run once per backend: SQLite in a temporary file, and the PostgreSQL that
// ./nara.sh test starts (NARA_TEST_PG_URL), each test in a schema of its own.
inline void addStorageBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

inline Result<storage::DatabaseConfig> configFor(const QString &backend, const QTemporaryDir &dir)
{
    if (backend == u"sqlite")
        return storage::DatabaseConfig::sqliteFile(
            dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".db")));
    const QString url = qEnvironmentVariable("NARA_TEST_PG_URL");
    if (url.isEmpty())
        return fail(
            ErrorCode::Unavailable,
            QStringLiteral("NARA_TEST_PG_URL is not set: run the tests with ./nara.sh test, which starts PostgreSQL."));
    return storage::DatabaseConfig::fromUrl(
        url + QStringLiteral("?schema=t_") + QUuid::createUuid().toString(QUuid::Id128), QString());
}

} // namespace nara::test
