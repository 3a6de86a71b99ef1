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
    explicit ChangeLog(storage::Database &database) : m_database(database) {}

    // `unitId`: staff of this unit may see it; `staffId` (optional): only this staff member.
    // Returns the new sequence number.
    Result<qint64> append(const QString &unitId, const QString &entity, const QString &entityId,
                          const QJsonObject &payload, qint64 at, const QString &staffId = {});

    struct Page
    {
        QJsonArray changes; // [{"seq","entity","id","data"}]
        qint64 next = 0;    // cursor for the next call
        bool more = false;
    };
    // Changes after `since` visible to a staff member of `unitIds`. Gone when `since` is older
    // than the retained log.
    Result<Page> read(qint64 since, int limit, const QStringList &unitIds, const QString &staffId);
    Result<qint64> latest();
    // Drops entries superseded by a newer entry for the same entity at or below `upTo` and raises
    // the floor: cursors below it get Gone and must re-sync from 0.
    Result<qint64> compact(qint64 upTo);

private:
    storage::Database &m_database;
};

} // namespace nara::sync
