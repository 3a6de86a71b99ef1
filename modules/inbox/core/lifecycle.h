#pragma once

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"

namespace nara::inbox {

// The pure rules of an inbox item's life (DESIGN.md §2, contract "Life cycle"): which state may
// follow which, who is served first, and when an item is due. No storage, no clock: callers pass
// the times in, so every rule is tested with fixed values.

// Allowed: new→claimed, claimed→in_progress, claimed→waiting, in_progress→waiting,
// waiting→in_progress, claimed|in_progress|waiting→new (release), any open state→done,
// done→in_progress (reopen; the reason is checked by the caller). Anything else is a Conflict.
Result<void> checkTransition(State from, State to);
bool isAllowedTransition(State from, State to);

// Medical priority first (stat, asap, urgent, routine), then the one who has waited longest
// (earlier createdAt), then id so the order is total and stable.
bool servedBefore(const InboxItem &a, const InboxItem &b);

// How long an item of a kind and priority may wait before it is overdue (milliseconds).
qint64 slaFor(Kind kind, Priority priority);
// createdAt + slaFor(kind, priority).
qint64 dueAtFor(Kind kind, Priority priority, qint64 createdAt);
// Not done and now is past the due time.
// Not done, past its due time, and not waiting on the patient (the patient acts next).
bool isOverdue(const InboxItem &item, qint64 nowMs);

} // namespace nara::inbox
