#include "storage/core/database.h"

#include <QSqlError>
#include <QSqlRecord>

namespace nara::storage {

namespace {

Error sqlError(const QSqlError &error, const QString &what)
{
    // Only the first line of the database's text, which names tables and constraints: PostgreSQL's
    // DETAIL lines quote row values ("Key (personal_number)=(…)"), and these messages reach logs.
    const QString database = error.databaseText().section(u'\n', 0, 0).trimmed();
    const QString driver = error.driverText().section(u'\n', 0, 0).trimmed();
    QString text = database.isEmpty() ? driver : database;
    if (!error.nativeErrorCode().isEmpty())
        text += QStringLiteral(" [%1]").arg(error.nativeErrorCode());
    return Error::storage(QStringLiteral("%1: %2").arg(what, text));
}

} // namespace

Database::Database(QString connectionName, Dialect dialect)
    : m_connectionName(std::move(connectionName))
    , m_dialect(dialect)
    , m_statements(std::make_unique<QHash<QString, QSqlQuery>>())
{
}

Database::Database(Database &&other) noexcept
    : m_connectionName(std::exchange(other.m_connectionName, QString()))
    , m_dialect(other.m_dialect)
    , m_statements(std::move(other.m_statements))
{
}

Database::~Database()
{
    m_statements.reset(); // before the connection goes
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<Database> Database::open(const DatabaseConfig &config, const QString &connectionName)
{
    const bool sqlite = config.dialect == Dialect::Sqlite;
    QSqlDatabase db
        = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(connectionName);
        return fail(ErrorCode::Storage,
                    QStringLiteral("The %1 SQL driver is not installed.")
                        .arg(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL")));
    }
    if (sqlite) {
        db.setDatabaseName(config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.databaseName);
        db.setUserName(config.user);
        db.setPassword(config.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!db.open()) {
        const Error error = sqlError(db.lastError(), QStringLiteral("Cannot open database %1").arg(config.describe()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return fail(error);
    }
    db = QSqlDatabase(); // the Database below owns the connection by name
    Database database(connectionName, config.dialect);
    if (!sqlite && !config.schema.isEmpty()) {
        // The name was checked to be a plain identifier (DatabaseConfig::fromUrl).
        const QStringList statements{QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + config.schema,
                                     QStringLiteral("SET search_path TO ") + config.schema};
        for (const QString &statement : statements) {
            if (auto done = database.executeDirect(statement); !done)
                return fail(done.error());
        }
    }
    if (sqlite) {
        const QString synchronous = config.synchronousFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
        const QStringList pragmas{QStringLiteral("PRAGMA journal_mode=WAL"),
                                  QStringLiteral("PRAGMA synchronous=") + synchronous,
                                  QStringLiteral("PRAGMA foreign_keys=ON")};
        for (const QString &pragma : pragmas) {
            if (auto done = database.executeDirect(pragma); !done)
                return fail(done.error());
        }
    }
    return database;
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> Database::query(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(handle());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return fail(sqlError(query.lastError(), QStringLiteral("Cannot prepare statement")));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(sqlError(query.lastError(), QStringLiteral("Statement failed")));
    return query;
}

Result<QSqlQuery *> Database::reusedStatement(const QString &sql, const QVariantList &values)
{
    auto it = m_statements->find(sql);
    if (it == m_statements->end()) {
        QSqlQuery query(handle());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return fail(sqlError(query.lastError(), QStringLiteral("Cannot prepare statement")));
        it = m_statements->insert(sql, query);
    }
    QSqlQuery &query = *it;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec()) {
        const Error error = sqlError(query.lastError(), QStringLiteral("Statement failed"));
        query.finish();
        return fail(error);
    }
    return &query;
}

Result<int> Database::executeReused(const QString &sql, const QVariantList &values)
{
    auto statement = reusedStatement(sql, values);
    if (!statement)
        return fail(statement.error());
    const int changed = (*statement)->numRowsAffected();
    (*statement)->finish();
    return changed;
}

Result<std::optional<QVariantList>> Database::lookupRow(const QString &sql, const QVariantList &values)
{
    auto statement = reusedStatement(sql, values);
    if (!statement)
        return fail(statement.error());
    QSqlQuery &query = **statement;
    std::optional<QVariantList> row;
    if (query.next()) {
        const int columns = query.record().count();
        row.emplace();
        row->reserve(columns);
        for (int i = 0; i < columns; ++i)
            row->append(query.value(i));
    }
    query.finish();
    return row;
}

Result<int> Database::execute(const QString &sql, const QVariantList &values)
{
    auto done = query(sql, values);
    if (!done)
        return fail(done.error());
    return done->numRowsAffected();
}

Result<void> Database::executeDirect(const QString &sql)
{
    QSqlQuery query(handle());
    if (!query.exec(sql))
        return fail(sqlError(query.lastError(), QStringLiteral("Statement failed")));
    return {};
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values)
{
    auto done = query(sql, values);
    if (!done)
        return fail(done.error());
    if (!done->next())
        return QVariant();
    return done->value(0);
}

} // namespace nara::storage
