#pragma once

#include "chat/core/chatmessage.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"
#include "sync/core/cachedrecord.h"
#include "sync/core/pendingwrite.h"

#include <QHash>
#include <QJsonArray>

#include <optional>

namespace nara::sync {

struct CachedPatient
{
    QString id;
    QString personalNumber;
    QString name;
};

struct CachedStaff
{
    QString id;
    QString username;
    QString displayName;
    QString role;
    QStringList unitIds; // the care units the staff member works in
};

// What one /sync page changed in the cache (the entities as stored after the page).
struct AppliedChanges
{
    QList<inbox::InboxItem> items; // only those that were newer than what the cache had
    QList<chat::ChatMessage> messages;
    QList<CachedRecord> records; // generic entities (visits) newer than what the cache had
    bool referenceData = false; // patients, staff or read marks changed
};

// A read of patient data from the cache, awaiting upload to POST /api/v1/audit/events.
struct LocalAuditEvent
{
    qint64 seq = 0;
    QString action;
    QString patientId;
    QString object;
    qint64 at = 0;
};

// What open() had to do. A cache file that SQLite reports as corrupt is moved aside to
// <file>.corrupt-<yyyyMMdd-hhmmss> and a new one created; the synced data is simply fetched
// again, but the outbox and the audit events (unsent work) are copied over from the quarantined
// file as far as SQLite can still read them.
struct CacheOpenReport
{
    QString quarantinedTo; // empty: the file was fine
    QString reason; // why it was quarantined (SQLite's words, no data)
    int salvagedWrites = 0;
    int salvagedAuditEvents = 0;
};

// The workstation's SQLite file (one per server and user, DESIGN.md §5): the synced entities,
// the sync cursor, the outbox and the local audit events awaiting upload. One instance per thread;
// the UI thread and the sync thread each open their own (WAL lets them read concurrently).
class LocalCache
{
public:
    static Result<LocalCache> open(const QString &path, const QString &connectionName);
    // <AppDataLocation>/<host_port>/<username>.sqlite
    static QString defaultPath(const QString &serverUrl, const QString &username);

    // Applies a page of /sync changes and the new cursor in one transaction. Upserts by id; an
    // inbox item or a record (kRecordEntities) only replaces a cached one with a lower or equal
    // version. Unknown entities are skipped (a newer server), malformed ones fail the whole page.
    Result<AppliedChanges> applyChanges(const QJsonArray &changes, qint64 next);
    Result<qint64> cursor();
    // Forget every synced entity (410: re-sync from 0); keeps the outbox.
    Result<void> resetSyncedData();

    Result<QList<inbox::InboxItem>> items();
    Result<QList<chat::ChatMessage>> messages(const QString &itemId);
    Result<QHash<QString, CachedPatient>> patients();
    Result<QHash<QString, CachedStaff>> staff();
    Result<QHash<QString, qint64>> readMarks(); // itemId → readAt, for the signed-in user
    // Every cached record of one entity ("visit"), in no particular order.
    Result<QList<CachedRecord>> records(const QString &entity);
    // The entities kept in the generic records table.
    static const QStringList &recordEntities();

    // Outbox.
    Result<void> enqueue(const PendingWrite &write);
    Result<QList<PendingWrite>> pending();
    Result<void> markDelivered(const QString &writeId);
    Result<void> markAttempt(const QString &writeId, const QString &error);
    // The oldest write not yet delivered, if any.
    Result<std::optional<PendingWrite>> nextPending();
    Result<int> pendingCount();

    // Local audit log (reads served from the cache).
    Result<void> recordAuditEvent(const LocalAuditEvent &event);
    Result<QList<LocalAuditEvent>> auditEvents(int limit);
    Result<void> removeAuditEvents(qint64 upToSeq);

    // Small values of this user on this workstation, kept in the meta table beside the sync cursor
    // (for example the offline credential). They survive resetSyncedData() and a re-sync. The keys
    // "schema" and "cursor" belong to the cache itself and are refused.
    Result<std::optional<QString>> metaValue(const QString &key);
    // Sets all of them in one transaction.
    Result<void> setMetaValues(const QHash<QString, QString> &values);
    Result<void> removeMetaValues(const QStringList &keys);

    const CacheOpenReport &openReport() const { return m_report; }

    storage::Database &database() { return m_database; }

private:
    explicit LocalCache(storage::Database database)
        : m_database(std::move(database))
    {
    }
    storage::Database m_database;
    CacheOpenReport m_report;
};

} // namespace nara::sync
