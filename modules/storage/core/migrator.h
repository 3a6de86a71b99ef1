#pragma once

#include "storage/core/database.h"

namespace nara::storage {

// Brings a database to the newest schema. Migrations are SQL files compiled in as resources,
// one folder per dialect (:/migrations/sqlite/0001_name.sql, :/migrations/postgres/…); each runs
// in its own transaction together with the update of schema_version.
class Migrator
{
public:
    explicit Migrator(Database &database)
        : m_database(database)
    {
    }
    // Returns the schema version after migrating.
    Result<int> migrate();
    Result<int> currentVersion();
    static int latestVersion(Dialect dialect);

private:
    Database &m_database;
};

} // namespace nara::storage
