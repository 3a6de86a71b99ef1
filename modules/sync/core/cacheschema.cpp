#include "sync/core/cacheschema.h"

#include "storage/core/transactionguard.h"

#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace nara::sync::cacheschema {

namespace {

const char *const kSyncedTables[] = {"items", "messages", "patients", "staff", "reads", "records"};

const char *const kCreate[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    // Every field a column: a start reads 100 000 items without parsing JSON.
    "CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
    " kind TEXT NOT NULL, state TEXT NOT NULL, waiting_on TEXT, priority TEXT NOT NULL, priority_rank INTEGER NOT NULL,"
    " priority_reason TEXT, unit_id TEXT, owner_id TEXT, patient_id TEXT, title TEXT, created_at INTEGER,"
    " due_at INTEGER, updated_at INTEGER, claimed_at INTEGER, last_activity_at INTEGER)",
    "CREATE INDEX IF NOT EXISTS items_state ON items(state, priority_rank, due_at)",
    "CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, item_id TEXT NOT NULL,"
    " created_at INTEGER NOT NULL, json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS messages_item ON messages(item_id, created_at)",
    "CREATE TABLE IF NOT EXISTS patients (id TEXT PRIMARY KEY, personal_number TEXT, name TEXT)",
    "CREATE TABLE IF NOT EXISTS staff (id TEXT PRIMARY KEY, username TEXT, display_name TEXT,"
    " role TEXT, json TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS reads (item_id TEXT PRIMARY KEY, staff_id TEXT, read_at INTEGER NOT NULL)",
    // Entities kept as JSON (visits; later forms, alerts, referrals): newest version wins.
    "CREATE TABLE IF NOT EXISTS records (entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,"
    " json TEXT NOT NULL, PRIMARY KEY(entity, id))",
    // seq keeps the order writes were made in (SQLite allows AUTOINCREMENT only on the integer
    // primary key, so the write id is a unique column instead): never reused, even after deletes.
    "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    " method TEXT NOT NULL, path TEXT NOT NULL, body BLOB, item_id TEXT, created_at INTEGER NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, content_type TEXT)",
    "CREATE TABLE IF NOT EXISTS audit_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL,"
    " patient_id TEXT, object TEXT, at INTEGER NOT NULL)",
};

} // namespace

Result<void> ensure(storage::Database &database)
{
    auto guard = storage::TransactionGuard::begin(database);
    if (!guard)
        return fail(guard.error());
    for (const char *sql : kCreate) {
        if (auto done = database.execute(QString::fromLatin1(sql)); !done)
            return fail(done.error());
    }
    // Schema 5 added the outbox's content_type; an older outbox is kept, so it gets the column.
    auto outboxColumns = database.query(QStringLiteral("PRAGMA table_info(outbox)"));
    if (!outboxColumns)
        return fail(outboxColumns.error());
    bool typedOutbox = false;
    while (outboxColumns->next())
        typedOutbox = typedOutbox || outboxColumns->value(1).toString() == u"content_type";
    if (!typedOutbox) {
        if (auto done = database.execute(QStringLiteral("ALTER TABLE outbox ADD COLUMN content_type TEXT")); !done)
            return fail(done.error());
    }
    auto version = database.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'"));
    if (!version)
        return fail(version.error());
    if (!version->isNull() && version->toInt() != kVersion) {
        // Another layout of the synced tables: drop them and sync again. (Version 1 is the first;
        // a later version adds its steps here instead of dropping.)
        for (const char *table : kSyncedTables) {
            if (auto done = database.execute(QStringLiteral("DROP TABLE IF EXISTS ") + QLatin1StringView(table)); !done)
                return fail(done.error());
        }
        for (const char *sql : kCreate) {
            if (auto done = database.execute(QString::fromLatin1(sql)); !done)
                return fail(done.error());
        }
        if (auto done = database.execute(QStringLiteral("DELETE FROM meta WHERE key = 'cursor'")); !done)
            return fail(done.error());
    }
    if (auto done = database.execute(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('schema', ?)"),
                                     {QString::number(kVersion)});
        !done)
        return fail(done.error());
    return guard->commit();
}

Result<void> check(storage::Database &database)
{
    auto rows = database.query(QStringLiteral("PRAGMA quick_check"));
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return fail(ErrorCode::Storage, QStringLiteral("quick_check returned nothing"));
    const QString first = rows->value(0).toString();
    if (first != u"ok")
        return fail(ErrorCode::Storage,
                    QStringLiteral("database disk image is malformed (quick_check: %1)").arg(first.left(200)));
    return {};
}

bool looksCorrupt(const Error &error)
{
    const QString text = error.message.toLower();
    return text.contains(u"not a database") || text.contains(u"malformed") || text.contains(u"corrupt");
}

Result<QString> quarantine(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz"));
    const QString target = path + QStringLiteral(".corrupt-") + stamp;
    if (!QFile::rename(path, target))
        return fail(ErrorCode::Storage, QStringLiteral("Cannot move the damaged cache file aside"));
    // The WAL belongs to the damaged file: keep it beside it (same suffixes) so salvage sees it.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix))
            QFile::remove(path + suffix);
    }
    return target;
}

Salvage salvage(const QString &quarantinedPath, const QString &connectionName)
{
    Salvage result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(quarantinedPath);
        if (db.open()) {
            // Row by row: when a damaged page stops the scan, what was read before it is kept.
            QSqlQuery writes(db);
            writes.setForwardOnly(true);
            // A file from before schema 5 has no content_type column: read it without.
            const QString columns = QStringLiteral("id, method, path, body, item_id, created_at, attempts, last_error");
            const bool typed = writes.exec(QStringLiteral("SELECT ") + columns
                                           + QStringLiteral(", content_type FROM outbox ORDER BY seq"));
            if (typed
                || writes.exec(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM outbox ORDER BY seq"))) {
                while (writes.next()) {
                    PendingWrite write;
                    write.id = writes.value(0).toString();
                    write.method = writes.value(1).toString();
                    write.path = writes.value(2).toString();
                    write.body = writes.value(3).toByteArray();
                    write.itemId = writes.value(4).toString();
                    write.createdAt = writes.value(5).toLongLong();
                    write.attempts = writes.value(6).toInt();
                    write.lastError = writes.value(7).toString();
                    if (typed)
                        write.contentType = writes.value(8).toString().toLatin1();
                    if (!write.id.isEmpty() && !write.path.isEmpty())
                        result.writes.append(write);
                }
            }
            QSqlQuery audit(db);
            audit.setForwardOnly(true);
            if (audit.exec(QStringLiteral("SELECT action, patient_id, object, at FROM audit_events ORDER BY seq"))) {
                while (audit.next()) {
                    result.auditEvents.append(LocalAuditEvent{0, audit.value(0).toString(), audit.value(1).toString(),
                                                              audit.value(2).toString(), audit.value(3).toLongLong()});
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

} // namespace nara::sync::cacheschema
