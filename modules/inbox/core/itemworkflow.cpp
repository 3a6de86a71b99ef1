#include "inbox/core/itemworkflow.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"

namespace nara::inbox {

namespace {

bool isAdmin(const auth::Caller &caller)
{
    return caller.isStaff() && caller.role == u"admin";
}

} // namespace

Error ItemWorkflow::heldByColleague(storage::Database &database, const InboxItem &item)
{
    auto staff = auth::AccountRepository(database).staffById(item.ownerId);
    if (!staff)
        return staff.error();
    const QString name = staff->has_value() ? (*staff)->displayName : QString();
    return Error::conflict(
        QStringLiteral("A colleague is already handling this item."),
        QJsonObject{{QStringLiteral("heldBy"),
                     QJsonObject{{QStringLiteral("id"), item.ownerId}, {QStringLiteral("displayName"), name}}}});
}

Result<InboxItem> ItemWorkflow::item(const auth::Caller &caller, const QString &itemId)
{
    if (auto allowed = auth::AccessPolicy(m_database).requireItem(caller, itemId); !allowed)
        return fail(allowed.error());
    auto found = InboxRepository(m_database).byId(itemId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(Error::notFound(QStringLiteral("No such item.")));
    return **found;
}

Result<InboxItem> ItemWorkflow::heldOrPool(const auth::Caller &caller, const QString &itemId)
{
    auto current = item(caller, itemId);
    if (!current)
        return current;
    if (!current->ownerId.isEmpty() && current->ownerId != caller.id && current->state != State::Done
        && !isAdmin(caller))
        return fail(heldByColleague(m_database, *current));
    return current;
}

Result<InboxItem> ItemWorkflow::claim(const auth::Caller &caller, const QString &itemId, qint64 now)
{
    auto current = item(caller, itemId);
    if (!current)
        return current;
    if (current->state != State::Done && current->state != State::New && current->ownerId == caller.id)
        return current; // claiming one's own item again changes nothing
    if (current->state != State::Done && !current->ownerId.isEmpty() && current->ownerId != caller.id)
        return fail(heldByColleague(m_database, *current));
    if (auto allowed = checkTransition(current->state, State::Claimed); !allowed)
        return fail(allowed.error());
    InboxItem next = *current;
    next.state = State::Claimed;
    next.ownerId = caller.id;
    next.claimedAt = now;
    next.waitingOn = WaitingOn::Nobody;
    return InboxRepository(m_database).update(next, now);
}

Result<InboxItem> ItemWorkflow::release(const auth::Caller &caller, const QString &itemId, qint64 now)
{
    auto current = heldOrPool(caller, itemId);
    if (!current)
        return current;
    if (auto allowed = checkTransition(current->state, State::New); !allowed)
        return fail(allowed.error());
    InboxItem next = *current;
    next.state = State::New;
    next.ownerId.clear();
    next.claimedAt = 0;
    next.waitingOn = WaitingOn::Nobody;
    return InboxRepository(m_database).update(next, now);
}

Result<InboxItem> ItemWorkflow::assign(const auth::Caller &caller, const QString &itemId, const QString &staffId,
                                       qint64 now)
{
    auto current = heldOrPool(caller, itemId);
    if (!current)
        return current;
    if (current->state == State::Done)
        return fail(ErrorCode::Conflict, QStringLiteral("The item is done; reopen it (with a reason) first."));
    auto staff = auth::AccountRepository(m_database).staffById(staffId);
    if (!staff)
        return fail(staff.error());
    if (!staff->has_value() || !(*staff)->active || !(*staff)->unitIds.contains(current->unitId))
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("Items can only be assigned to active staff of the item's unit."));
    if (current->ownerId == staffId)
        return current;
    InboxItem next = *current;
    if (next.state == State::New)
        next.state = State::Claimed; // new → claimed; an item in progress changes hands as it is
    next.ownerId = staffId;
    next.claimedAt = now;
    return InboxRepository(m_database).update(next, now);
}

Result<ItemWorkflow::Escalated> ItemWorkflow::escalate(const auth::Caller &caller, const QString &itemId,
                                                       const QString &gpId, qint64 now)
{
    auto current = item(caller, itemId); // another unit's item: NotFound before anything about the GP
    if (!current)
        return fail(current.error());
    auto staff = auth::AccountRepository(m_database).staffById(gpId);
    if (!staff)
        return fail(staff.error());
    if (!staff->has_value() || !(*staff)->active || (*staff)->role != u"gp"
        || !(*staff)->unitIds.contains(current->unitId))
        return fail(ErrorCode::InvalidInput, QStringLiteral("The staff member is not a GP of the unit."),
                    {{QStringLiteral("field"), QStringLiteral("staffId")}});
    auto assigned = assign(caller, itemId, gpId, now);
    if (!assigned)
        return fail(assigned.error());
    return Escalated{*assigned, (*staff)->displayName};
}

Result<InboxItem> ItemWorkflow::close(const auth::Caller &caller, const QString &itemId, qint64 now)
{
    auto current = heldOrPool(caller, itemId);
    if (!current)
        return current;
    if (auto allowed = checkTransition(current->state, State::Done); !allowed)
        return fail(allowed.error());
    InboxItem next = *current;
    next.state = State::Done;
    next.waitingOn = WaitingOn::Nobody;
    if (next.ownerId.isEmpty()) { // closed straight from the pool: the closer handled it
        next.ownerId = caller.id;
        next.claimedAt = now;
    }
    return InboxRepository(m_database).update(next, now);
}

Result<InboxItem> ItemWorkflow::reopen(const auth::Caller &caller, const QString &itemId, const QString &reason,
                                       qint64 now)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Reopening needs a reason."));
    if (reason.size() > kMaxReasonLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The reason is longer than %1 characters.").arg(kMaxReasonLength));
    auto current = item(caller, itemId);
    if (!current)
        return current;
    if (current->state != State::Done)
        return fail(ErrorCode::Conflict, QStringLiteral("Only a done item can be reopened."));
    InboxItem next = *current;
    next.state = State::InProgress;
    next.waitingOn = WaitingOn::Nobody;
    next.ownerId = caller.id;
    next.claimedAt = now;
    next.dueAt = dueAtFor(next.kind, next.priority, now);
    next.lastActivityAt = now;
    return InboxRepository(m_database).update(next, now);
}

Result<InboxRead> ItemWorkflow::markRead(const auth::Caller &caller, const QString &itemId, qint64 now)
{
    if (auto allowed = auth::AccessPolicy(m_database).requireItem(caller, itemId); !allowed)
        return fail(allowed.error());
    return InboxRepository(m_database).markRead(itemId, caller.id, now);
}

} // namespace nara::inbox
