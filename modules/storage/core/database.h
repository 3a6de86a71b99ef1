#pragma once

#include "foundation/core/error.h"
#include "storage/core/databaseconfig.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <QHash>

#include <initializer_list>
#include <memory>
#include <optional>

namespace nara::storage {

// One open connection, owned by one thread (Qt's SQL connections must not cross threads).
// Every statement goes through query(): prepared, values bound positionally, errors returned.
class Database
{
public:
    static Result<Database> open(const DatabaseConfig &config, const QString &connectionName);
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) = delete;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase handle() const;

    // Prepares `sql` (with ? placeholders), binds `values` in order and executes it.
    Result<QSqlQuery> query(const QString &sql, const QVariantList &values = {});
    // Executes and returns the number of rows changed.
    Result<int> execute(const QString &sql, const QVariantList &values = {});
    // The first row of a hot single-row lookup (a session, the sync cursor bounds), or nullopt when
    // there is none. The statement is prepared once per connection and reused; it is reset before
    // returning, so no read stays open (an open SQLite read would pin this connection's snapshot).
    Result<std::optional<QVariantList>> lookupRow(const QString &sql, const QVariantList &values = {});
    // execute() for a statement run many times in a row (applying a sync page): prepared once per
    // connection and reused. Returns the number of rows changed.
    Result<int> executeReused(const QString &sql, const QVariantList &values = {});
    // Runs a constant statement unprepared: DDL, transaction control and pragmas, which
    // PostgreSQL cannot PREPARE. Never with text from outside.
    Result<void> executeDirect(const QString &sql);
    // The first column of the first row, or an empty QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {});

private:
    Database(QString connectionName, Dialect dialect);
    Result<QSqlQuery *> reusedStatement(const QString &sql, const QVariantList &values);
    QString m_connectionName;
    Dialect m_dialect;
    std::unique_ptr<QHash<QString, QSqlQuery>> m_statements; // reusedQuery()'s prepared statements
};

} // namespace nara::storage
