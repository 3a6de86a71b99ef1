#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "inbox/core/inboxread.h"
#include "storage/core/database.h"

namespace nara::inbox {

// What staff do with an inbox item: claim, release, assign, close, reopen, mark read. Each call
// checks access (another unit's item is NotFound), the life cycle (lifecycle.h) and who holds the
// item, then stores the new state through InboxRepository (which appends to the change log).
// Runs inside the caller's transaction; writes no audit rows (the route does, with the outcome).
class ItemWorkflow
{
public:
    static constexpr qsizetype kMaxReasonLength = 500;

    explicit ItemWorkflow(storage::Database &database)
        : m_database(database)
    {
    }

    // The item, if the caller may see it.
    Result<InboxItem> item(const auth::Caller &caller, const QString &itemId);

    // new → claimed by the caller. Claiming one's own item again answers it unchanged; an item a
    // colleague holds is a Conflict with details {"heldBy":{"id","displayName"}}.
    Result<InboxItem> claim(const auth::Caller &caller, const QString &itemId, qint64 now);
    // claimed | in_progress | waiting → new, owner cleared. The owner (or an admin) may release.
    Result<InboxItem> release(const auth::Caller &caller, const QString &itemId, qint64 now);
    // Gives the item to `staffId`, who must be active staff of the item's unit: a pool item
    // becomes claimed, an item in progress changes hands and keeps its state.
    Result<InboxItem> assign(const auth::Caller &caller, const QString &itemId, const QString &staffId, qint64 now);
    // assign() to a GP: `gpId` must be active staff with role gp in the item's unit, else
    // InvalidInput "not a GP of the unit" (also for an unknown id). Any kind of item. Returns the
    // item and the GP's display name (for the note on the thread).
    struct Escalated
    {
        InboxItem item;
        QString gpName;
    };
    Result<Escalated> escalate(const auth::Caller &caller, const QString &itemId, const QString &gpId, qint64 now);
    // Any open state → done.
    Result<InboxItem> close(const auth::Caller &caller, const QString &itemId, qint64 now);
    // done → in_progress, owned by the caller, due again from now. `reason`: 1–500 characters.
    Result<InboxItem> reopen(const auth::Caller &caller, const QString &itemId, const QString &reason, qint64 now);
    Result<InboxRead> markRead(const auth::Caller &caller, const QString &itemId, qint64 now);

    // The Conflict naming the colleague who holds `item` ({"heldBy":{"id","displayName"}}); a
    // storage error if the colleague cannot be looked up.
    static Error heldByColleague(storage::Database &database, const InboxItem &item);

private:
    // The item if the caller may act on it: open items in the pool or held by the caller; an
    // admin may act on a colleague's item too.
    Result<InboxItem> heldOrPool(const auth::Caller &caller, const QString &itemId);

    storage::Database &m_database;
};

} // namespace nara::inbox
