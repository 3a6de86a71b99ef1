#pragma once

#include "foundation/core/error.h"

#include <QString>

namespace nara::storage {

enum class Dialect { Sqlite, Postgres };

// Where the data lives. Parsed from the server's --db option:
//   sqlite                        the file nara.db in the data directory (default)
//   sqlite:/path/to/file.db       an explicit SQLite file
//   postgres://user:pass@host:port/dbname[?schema=name]
struct DatabaseConfig
{
    Dialect dialect = Dialect::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    QString schema; // PostgreSQL: ?schema=NAME puts all tables in that schema

    bool synchronousFull = true; // SQLite: FULL on the server, NORMAL is enough for a cache

    static Result<DatabaseConfig> fromUrl(const QString &url, const QString &dataDir);
    static DatabaseConfig sqliteFile(const QString &path);
    // For logs: never the password.
    QString describe() const;
};

} // namespace nara::storage
