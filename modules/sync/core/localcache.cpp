#include "sync/core/localcache.h"

#include "foundation/core/json.h"
#include "storage/core/transactionguard.h"
#include "sync/core/cacheschema.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

namespace nara::sync {

namespace {

Result<storage::Database> openChecked(const QString &path, const QString &connectionName)
{
    storage::DatabaseConfig config = storage::DatabaseConfig::sqliteFile(path);
    config.synchronousFull = false; // a cache: NORMAL is enough (an outbox row lost on power loss
                                    // is a write the user had not yet seen as sent)
    auto database = storage::Database::open(config, connectionName);
    if (!database)
        return fail(database.error());
    if (auto checked = cacheschema::check(*database); !checked)
        return fail(checked.error());
    // Deleted rows are overwritten, not left in free pages: a delivered outbox row may have held a
    // patient's photograph.
    if (auto erased = database->execute(QStringLiteral("PRAGMA secure_delete = ON")); !erased)
        return fail(erased.error());
    if (auto created = cacheschema::ensure(*database); !created)
        return fail(created.error());
    return database;
}

QJsonObject parseJson(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toByteArray()).object();
}

Error malformedChange(const QString &entity, const Error &error)
{
    return Error::invalidInput(QStringLiteral("Sync change %1: %2").arg(entity, error.message));
}

} // namespace

QString LocalCache::defaultPath(const QString &serverUrl, const QString &username)
{
    const QUrl url(serverUrl);
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString server = url.host() + u'_' + QString::number(url.port(defaultPort));
    server.replace(unsafe, QStringLiteral("_"));
    QString user = username;
    user.replace(unsafe, QStringLiteral("_"));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + server + u'/' + user
        + QStringLiteral(".sqlite");
}

Result<LocalCache> LocalCache::open(const QString &path, const QString &connectionName)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto database = openChecked(path, connectionName);
    if (database)
        return LocalCache(std::move(*database));
    if (!cacheschema::looksCorrupt(database.error()))
        return fail(database.error());

    // Damaged: move it aside, start afresh, and carry over the unsent work that is still readable.
    CacheOpenReport report;
    report.reason = database.error().message;
    auto moved = cacheschema::quarantine(path);
    if (!moved)
        return fail(moved.error());
    report.quarantinedTo = *moved;
    const cacheschema::Salvage salvaged = cacheschema::salvage(*moved, connectionName + QStringLiteral("-salvage"));

    auto fresh = openChecked(path, connectionName);
    if (!fresh)
        return fail(fresh.error());
    LocalCache cache(std::move(*fresh));
    {
        auto guard = storage::TransactionGuard::begin(cache.m_database);
        if (!guard)
            return fail(guard.error());
        for (const PendingWrite &write : salvaged.writes) {
            auto done = cache.m_database.execute(
                QStringLiteral(
                    "INSERT OR IGNORE INTO outbox(id, method, path, body, item_id, created_at, attempts, last_error,"
                    " content_type) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {write.id, write.method, write.path, write.body, write.itemId, write.createdAt, write.attempts,
                 write.lastError, QString::fromLatin1(write.contentType)});
            if (!done)
                return fail(done.error());
            report.salvagedWrites += *done;
        }
        for (const LocalAuditEvent &event : salvaged.auditEvents) {
            auto done = cache.m_database.execute(
                QStringLiteral("INSERT INTO audit_events(action, patient_id, object, at) VALUES(?, ?, ?, ?)"),
                {event.action, event.patientId, event.object, event.at});
            if (!done)
                return fail(done.error());
            ++report.salvagedAuditEvents;
        }
        if (auto committed = guard->commit(); !committed)
            return fail(committed.error());
    }
    qWarning("Local cache was damaged and has been rebuilt; kept %d unsent writes and %d audit events",
             report.salvagedWrites, report.salvagedAuditEvents);
    cache.m_report = std::move(report);
    return cache;
}

Result<AppliedChanges> LocalCache::applyChanges(const QJsonArray &changes, qint64 next)
{
    AppliedChanges applied;
    auto guard = storage::TransactionGuard::begin(m_database);
    if (!guard)
        return fail(guard.error());
    for (const QJsonValue &value : changes) {
        const QJsonObject change = value.toObject();
        const QString entity = change.value(QStringLiteral("entity")).toString();
        const QJsonObject data = change.value(QStringLiteral("data")).toObject();
        if (entity == u"inbox_item") {
            auto item = inbox::InboxItem::fromJson(data);
            if (!item)
                return fail(malformedChange(entity, item.error()));
            // Newest version wins: an older copy (a page replayed after a reset) never overwrites.
            auto done = m_database.executeReused(
                QStringLiteral(
                    "INSERT INTO items(id, version, kind, state, waiting_on, priority, priority_rank, priority_reason,"
                    " unit_id, owner_id, patient_id, title, created_at, due_at, updated_at, claimed_at, "
                    "last_activity_at)"
                    " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET version = excluded.version, kind = excluded.kind,"
                    " state = excluded.state, waiting_on = excluded.waiting_on, priority = excluded.priority,"
                    " priority_rank = excluded.priority_rank, priority_reason = excluded.priority_reason,"
                    " unit_id = excluded.unit_id, owner_id = excluded.owner_id, patient_id = excluded.patient_id,"
                    " title = excluded.title, created_at = excluded.created_at, due_at = excluded.due_at,"
                    " updated_at = excluded.updated_at, claimed_at = excluded.claimed_at,"
                    " last_activity_at = excluded.last_activity_at WHERE excluded.version >= items.version"),
                {item->id, item->version, inbox::toString(item->kind), inbox::toString(item->state),
                 inbox::toString(item->waitingOn), inbox::toString(item->priority), inbox::priorityRank(item->priority),
                 item->priorityReason, item->unitId, item->ownerId, item->patientId, item->title, item->createdAt,
                 item->dueAt, item->updatedAt, item->claimedAt, item->lastActivityAt});
            if (!done)
                return fail(done.error());
            if (*done > 0)
                applied.items.append(*item);
        } else if (entity == u"chat_message") {
            auto message = chat::ChatMessage::fromJson(data);
            if (!message)
                return fail(malformedChange(entity, message.error()));
            auto done = m_database.executeReused(
                QStringLiteral("INSERT OR REPLACE INTO messages(id, item_id, created_at, json) VALUES(?, ?, ?, ?)"),
                {message->id, message->itemId, message->createdAt, json::compact(data)});
            if (!done)
                return fail(done.error());
            applied.messages.append(*message);
        } else if (entity == u"inbox_read") {
            const QString itemId = data.value(QStringLiteral("itemId")).toString();
            if (itemId.isEmpty())
                return fail(malformedChange(entity, Error::invalidInput(QStringLiteral("itemId is missing"))));
            auto done = m_database.executeReused(
                QStringLiteral("INSERT INTO reads(item_id, staff_id, read_at) VALUES(?, ?, ?)"
                               " ON CONFLICT(item_id) DO UPDATE SET staff_id = excluded.staff_id,"
                               " read_at = max(read_at, excluded.read_at)"),
                {itemId, data.value(QStringLiteral("staffId")).toString(),
                 data.value(QStringLiteral("readAt")).toInteger()});
            if (!done)
                return fail(done.error());
            applied.referenceData = true;
        } else if (entity == u"patient") {
            const QString id = data.value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return fail(malformedChange(entity, Error::invalidInput(QStringLiteral("id is missing"))));
            auto done = m_database.executeReused(
                QStringLiteral("INSERT OR REPLACE INTO patients(id, personal_number, name) VALUES(?, ?, ?)"),
                {id, data.value(QStringLiteral("personalNumber")).toString(),
                 data.value(QStringLiteral("name")).toString()});
            if (!done)
                return fail(done.error());
            applied.referenceData = true;
        } else if (entity == u"staff") {
            const QString id = data.value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return fail(malformedChange(entity, Error::invalidInput(QStringLiteral("id is missing"))));
            auto done = m_database.executeReused(
                QStringLiteral(
                    "INSERT OR REPLACE INTO staff(id, username, display_name, role, json) VALUES(?, ?, ?, ?, ?)"),
                {id, data.value(QStringLiteral("username")).toString(),
                 data.value(QStringLiteral("displayName")).toString(), data.value(QStringLiteral("role")).toString(),
                 json::compact(data)});
            if (!done)
                return fail(done.error());
            applied.referenceData = true;
        } else if (recordEntities().contains(entity)) {
            const QString id = data.value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return fail(malformedChange(entity, Error::invalidInput(QStringLiteral("id is missing"))));
            const QJsonValue version = data.value(QStringLiteral("version"));
            if (!version.isDouble() || version.toInteger(-1) < 0)
                return fail(malformedChange(entity, Error::invalidInput(QStringLiteral("version is missing"))));
            // Newest version wins, as for items.
            auto done = m_database.executeReused(
                QStringLiteral("INSERT INTO records(entity, id, version, json) VALUES(?, ?, ?, ?)"
                               " ON CONFLICT(entity, id) DO UPDATE SET version = excluded.version,"
                               " json = excluded.json WHERE excluded.version >= records.version"),
                {entity, id, version.toInteger(), json::compact(data)});
            if (!done)
                return fail(done.error());
            if (*done > 0)
                applied.records.append(CachedRecord{entity, id, version.toInteger(), data});
        }
        // Other entities: a newer server; skipped so an old workstation keeps working.
    }
    if (auto done = m_database.executeReused(
            QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('cursor', ?)"), {QString::number(next)});
        !done)
        return fail(done.error());
    if (auto committed = guard->commit(); !committed)
        return fail(committed.error());
    return applied;
}

Result<qint64> LocalCache::cursor()
{
    auto value = m_database.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'"));
    if (!value)
        return fail(value.error());
    return value->isNull() ? 0 : value->toString().toLongLong();
}

Result<void> LocalCache::resetSyncedData()
{
    auto guard = storage::TransactionGuard::begin(m_database);
    if (!guard)
        return fail(guard.error());
    for (const QString &sql : {QStringLiteral("DELETE FROM items"), QStringLiteral("DELETE FROM messages"),
                               QStringLiteral("DELETE FROM patients"), QStringLiteral("DELETE FROM staff"),
                               QStringLiteral("DELETE FROM reads"), QStringLiteral("DELETE FROM records"),
                               QStringLiteral("DELETE FROM meta WHERE key = 'cursor'")}) {
        if (auto done = m_database.execute(sql); !done)
            return fail(done.error());
    }
    return guard->commit();
}

Result<QList<inbox::InboxItem>> LocalCache::items()
{
    // In arrival order; the inbox sorts them itself.
    auto rows = m_database.query(QStringLiteral(
        "SELECT id, version, kind, state, waiting_on, priority, priority_reason, unit_id, owner_id, patient_id,"
        " title, created_at, due_at, updated_at, claimed_at, last_activity_at FROM items"));
    if (!rows)
        return fail(rows.error());
    auto count = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM items"));
    QList<inbox::InboxItem> result;
    result.reserve(count ? count->toInt() : 0);
    while (rows->next()) {
        const auto kind = inbox::kindFromString(rows->value(2).toString());
        const auto state = inbox::stateFromString(rows->value(3).toString());
        const auto waiting = inbox::waitingOnFromString(rows->value(4).toString());
        const auto priority = inbox::priorityFromString(rows->value(5).toString());
        if (!kind || !state || !waiting || !priority)
            continue; // written by applyChanges from validated items: cannot happen short of damage
        inbox::InboxItem item;
        item.id = rows->value(0).toString();
        item.version = rows->value(1).toLongLong();
        item.kind = *kind;
        item.state = *state;
        item.waitingOn = *waiting;
        item.priority = *priority;
        item.priorityReason = rows->value(6).toString();
        item.unitId = rows->value(7).toString();
        item.ownerId = rows->value(8).toString();
        item.patientId = rows->value(9).toString();
        item.title = rows->value(10).toString();
        item.createdAt = rows->value(11).toLongLong();
        item.dueAt = rows->value(12).toLongLong();
        item.updatedAt = rows->value(13).toLongLong();
        item.claimedAt = rows->value(14).toLongLong();
        item.lastActivityAt = rows->value(15).toLongLong();
        result.append(std::move(item));
    }
    return result;
}

Result<QList<chat::ChatMessage>> LocalCache::messages(const QString &itemId)
{
    auto rows = m_database.query(QStringLiteral("SELECT json FROM messages WHERE item_id = ? ORDER BY created_at, id"),
                                 {itemId});
    if (!rows)
        return fail(rows.error());
    QList<chat::ChatMessage> result;
    while (rows->next()) {
        if (auto message = chat::ChatMessage::fromJson(parseJson(rows->value(0))))
            result.append(std::move(*message));
    }
    return result;
}

Result<QHash<QString, CachedPatient>> LocalCache::patients()
{
    auto rows = m_database.query(QStringLiteral("SELECT id, personal_number, name FROM patients"));
    if (!rows)
        return fail(rows.error());
    QHash<QString, CachedPatient> result;
    while (rows->next()) {
        CachedPatient patient{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()};
        result.insert(patient.id, patient);
    }
    return result;
}

Result<QHash<QString, CachedStaff>> LocalCache::staff()
{
    auto rows = m_database.query(QStringLiteral("SELECT id, username, display_name, role, json FROM staff"));
    if (!rows)
        return fail(rows.error());
    QHash<QString, CachedStaff> result;
    while (rows->next()) {
        // The unit ids only in the stored entity (few rows: parsed here rather than given a table).
        QStringList unitIds;
        const QJsonArray units
            = QJsonDocument::fromJson(rows->value(4).toByteArray()).object().value(QStringLiteral("unitIds")).toArray();
        for (const QJsonValue &unit : units)
            unitIds.append(unit.toString());
        CachedStaff member{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                           rows->value(3).toString(), unitIds};
        result.insert(member.id, member);
    }
    return result;
}

Result<QHash<QString, qint64>> LocalCache::readMarks()
{
    auto rows = m_database.query(QStringLiteral("SELECT item_id, read_at FROM reads"));
    if (!rows)
        return fail(rows.error());
    QHash<QString, qint64> result;
    while (rows->next())
        result.insert(rows->value(0).toString(), rows->value(1).toLongLong());
    return result;
}

const QStringList &LocalCache::recordEntities()
{
    static const QStringList entities{QStringLiteral("visit"),         QStringLiteral("form_request"),
                                      QStringLiteral("form_response"), QStringLiteral("measurement"),
                                      QStringLiteral("alert"),         QStringLiteral("monitoring_plan"),
                                      QStringLiteral("referral")};
    return entities;
}

Result<QList<CachedRecord>> LocalCache::records(const QString &entity)
{
    auto rows = m_database.query(QStringLiteral("SELECT id, version, json FROM records WHERE entity = ?"), {entity});
    if (!rows)
        return fail(rows.error());
    QList<CachedRecord> result;
    while (rows->next())
        result.append(
            CachedRecord{entity, rows->value(0).toString(), rows->value(1).toLongLong(), parseJson(rows->value(2))});
    return result;
}

// Outbox ------------------------------------------------------------------------------------

namespace {

const QString kOutboxColumns
    = QStringLiteral("id, method, path, body, item_id, created_at, attempts, last_error, content_type");

PendingWrite writeFromRow(const QSqlQuery &row)
{
    PendingWrite write;
    write.id = row.value(0).toString();
    write.method = row.value(1).toString();
    write.path = row.value(2).toString();
    write.body = row.value(3).toByteArray();
    write.itemId = row.value(4).toString();
    write.createdAt = row.value(5).toLongLong();
    write.attempts = row.value(6).toInt();
    write.lastError = row.value(7).toString();
    write.contentType = row.value(8).toString().toLatin1();
    return write;
}

} // namespace

Result<void> LocalCache::enqueue(const PendingWrite &write)
{
    if (write.id.isEmpty() || write.path.isEmpty() || write.method.isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A pending write needs an id, a method and a path"));
    auto done = m_database.execute(QStringLiteral("INSERT INTO outbox(") + kOutboxColumns
                                       + QStringLiteral(") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {write.id, write.method, write.path, write.body, write.itemId, write.createdAt,
                                    write.attempts, write.lastError, QString::fromLatin1(write.contentType)});
    if (!done)
        return fail(done.error());
    return {};
}

Result<QList<PendingWrite>> LocalCache::pending()
{
    auto rows
        = m_database.query(QStringLiteral("SELECT ") + kOutboxColumns + QStringLiteral(" FROM outbox ORDER BY seq"));
    if (!rows)
        return fail(rows.error());
    QList<PendingWrite> result;
    while (rows->next())
        result.append(writeFromRow(*rows));
    return result;
}

Result<std::optional<PendingWrite>> LocalCache::nextPending()
{
    auto rows = m_database.query(QStringLiteral("SELECT ") + kOutboxColumns
                                 + QStringLiteral(" FROM outbox ORDER BY seq LIMIT 1"));
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<PendingWrite>();
    return std::optional<PendingWrite>(writeFromRow(*rows));
}

Result<int> LocalCache::pendingCount()
{
    auto value = m_database.scalar(QStringLiteral("SELECT count(*) FROM outbox"));
    if (!value)
        return fail(value.error());
    return value->toInt();
}

Result<void> LocalCache::markDelivered(const QString &writeId)
{
    if (auto done = m_database.execute(QStringLiteral("DELETE FROM outbox WHERE id = ?"), {writeId}); !done)
        return fail(done.error());
    return {};
}

Result<void> LocalCache::markAttempt(const QString &writeId, const QString &error)
{
    if (auto done = m_database.execute(
            QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"), {error, writeId});
        !done)
        return fail(done.error());
    return {};
}

// Meta values -----------------------------------------------------------------------------

namespace {
bool isReservedMetaKey(const QString &key)
{
    return key.isEmpty() || key == u"schema" || key == u"cursor";
}
} // namespace

Result<std::optional<QString>> LocalCache::metaValue(const QString &key)
{
    if (isReservedMetaKey(key))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Reserved cache meta key"));
    auto value = m_database.scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!value)
        return fail(value.error());
    if (value->isNull())
        return std::optional<QString>();
    return std::optional<QString>(value->toString());
}

Result<void> LocalCache::setMetaValues(const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (isReservedMetaKey(it.key()))
            return fail(ErrorCode::InvalidInput, QStringLiteral("Reserved cache meta key"));
    }
    auto guard = storage::TransactionGuard::begin(m_database);
    if (!guard)
        return fail(guard.error());
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (auto done = m_database.execute(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"),
                                           {it.key(), it.value()});
            !done)
            return fail(done.error());
    }
    return guard->commit();
}

Result<void> LocalCache::removeMetaValues(const QStringList &keys)
{
    auto guard = storage::TransactionGuard::begin(m_database);
    if (!guard)
        return fail(guard.error());
    for (const QString &key : keys) {
        if (isReservedMetaKey(key))
            return fail(ErrorCode::InvalidInput, QStringLiteral("Reserved cache meta key"));
        if (auto done = m_database.execute(QStringLiteral("DELETE FROM meta WHERE key = ?"), {key}); !done)
            return fail(done.error());
    }
    return guard->commit();
}

// Local audit events ----------------------------------------------------------------------

Result<void> LocalCache::recordAuditEvent(const LocalAuditEvent &event)
{
    if (auto done = m_database.execute(
            QStringLiteral("INSERT INTO audit_events(action, patient_id, object, at) VALUES(?, ?, ?, ?)"),
            {event.action, event.patientId, event.object, event.at});
        !done)
        return fail(done.error());
    return {};
}

Result<QList<LocalAuditEvent>> LocalCache::auditEvents(int limit)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT seq, action, patient_id, object, at FROM audit_events ORDER BY seq LIMIT ?"), {limit});
    if (!rows)
        return fail(rows.error());
    QList<LocalAuditEvent> result;
    while (rows->next()) {
        result.append(LocalAuditEvent{rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
                                      rows->value(3).toString(), rows->value(4).toLongLong()});
    }
    return result;
}

Result<void> LocalCache::removeAuditEvents(qint64 upToSeq)
{
    if (auto done = m_database.execute(QStringLiteral("DELETE FROM audit_events WHERE seq <= ?"), {upToSeq}); !done)
        return fail(done.error());
    return {};
}

} // namespace nara::sync
