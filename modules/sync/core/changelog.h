#pragma once

#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nara::sync {

// The server's change log (DESIGN.md §4): every change to synced data appends the entity's new
// state with a sequence number. Appends run inside the writer's transaction.
class ChangeLog
{
public:
    explicit ChangeLog(storage::Database &database)
        : m_database(database)
    {
    }

    // `unitId`: staff of this unit may see it; `staffId` (optional): only this staff member.
    // Returns the new sequence number.
    Result<qint64> append(const QString &unitId, const QString &entity, const QString &entityId,
                          const QJsonObject &payload, qint64 at, const QString &staffId = {});

    struct Page
    {
        QJsonArray changes; // [{"seq","entity","id","data"}]
        qint64 next = 0; // cursor for the next call
        bool more = false;
    };
    // Changes after `since` visible to a staff member of `unitIds`. Gone when `since` predates
    // the last resetCursors(), or lies beyond the newest entry (a server restored from a backup):
    // the client then syncs again from 0.
    Result<Page> read(qint64 since, int limit, const QStringList &unitIds, const QString &staffId);
    Result<qint64> latest();
    // This database's identity, created on first use. A workstation whose cache came from another
    // database (replaced, or restored from a backup) starts again from 0.
    Result<QString> instanceId();
    // Drops entries at or below `upTo` that a newer entry for the same entity, unit and staff
    // member supersedes. Every cursor stays valid: whoever reads after it still gets the newest
    // version of everything that changed. Returns the number of entries removed.
    Result<qint64> compact(qint64 upTo);
    // Compacts everything, then moves the surviving entries to new sequence numbers above a new
    // floor: every existing cursor gets Gone and every workstation re-syncs from 0 (after access
    // rules changed, or to rebuild damaged caches). Returns the number of entries removed.
    Result<qint64> resetCursors();

private:
    storage::Database &m_database;
};

} // namespace nara::sync
