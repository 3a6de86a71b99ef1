#include "chat/core/threadrules.h"

#include "chat/core/chatmessage.h"
#include "inbox/core/lifecycle.h"

namespace nara::chat {

using inbox::InboxItem;
using inbox::State;
using inbox::WaitingOn;

Result<void> checkBody(const QString &body)
{
    if (body.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, QStringLiteral("A message needs some text."));
    if (body.size() > ChatMessage::kMaxBodyLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A message may have at most %1 characters.").arg(ChatMessage::kMaxBodyLength));
    return {};
}

Result<InboxItem> afterStaffMessage(const InboxItem &item, const QString &staffId, bool staffOnly, qint64 now)
{
    InboxItem next = item;
    next.lastActivityAt = now;
    if (staffOnly)
        return next;
    if (item.state == State::Done)
        return fail(ErrorCode::Conflict,
                    QStringLiteral("The item is done; reopen it (with a reason) before replying."));
    if (!item.ownerId.isEmpty() && item.ownerId != staffId)
        return fail(ErrorCode::Conflict, QStringLiteral("A colleague is already handling this item."));
    if (item.state == State::New) { // answering from the pool takes the item
        next.ownerId = staffId;
        next.claimedAt = now;
        next.state = State::Claimed;
    }
    if (next.state != State::Waiting) {
        if (auto allowed = inbox::checkTransition(next.state, State::Waiting); !allowed)
            return fail(allowed.error());
    }
    next.state = State::Waiting;
    next.waitingOn = WaitingOn::Patient;
    return next;
}

InboxItem afterPatientMessage(const InboxItem &item, qint64 now)
{
    InboxItem next = item;
    next.lastActivityAt = now;
    if (item.state == State::Waiting) {
        next.state = State::InProgress;
        next.waitingOn = WaitingOn::Nobody;
        next.dueAt = inbox::dueAtFor(next.kind, next.priority, now);
    } else if (item.state == State::Done) {
        next.state = State::New;
        next.waitingOn = WaitingOn::Nobody;
        next.ownerId.clear();
        next.claimedAt = 0;
        next.dueAt = inbox::dueAtFor(next.kind, next.priority, now);
    }
    return next;
}

} // namespace nara::chat
