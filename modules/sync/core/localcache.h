#pragma once

#include "chat/core/chatmessage.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"
#include "sync/core/pendingwrite.h"

#include <QHash>
#include <QJsonArray>

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

    // Applies a page of /sync changes and the new cursor in one transaction.
    Result<void> applyChanges(const QJsonArray &changes, qint64 next);
    Result<qint64> cursor();
    // Forget every synced entity (410: re-sync from 0); keeps the outbox.
    Result<void> resetSyncedData();

    Result<QList<inbox::InboxItem>> items();
    Result<QList<chat::ChatMessage>> messages(const QString &itemId);
    Result<QHash<QString, CachedPatient>> patients();
    Result<QHash<QString, CachedStaff>> staff();
    Result<QHash<QString, qint64>> readMarks(); // itemId → readAt, for the signed-in user

    // Outbox.
    Result<void> enqueue(const PendingWrite &write);
    Result<QList<PendingWrite>> pending();
    Result<void> markDelivered(const QString &writeId);
    Result<void> markAttempt(const QString &writeId, const QString &error);

    storage::Database &database() { return m_database; }

private:
    explicit LocalCache(storage::Database database) : m_database(std::move(database)) {}
    storage::Database m_database;
};

} // namespace nara::sync
