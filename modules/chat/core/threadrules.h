#pragma once

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"

namespace nara::chat {

// How a message moves its thread's inbox item (contract "Life cycle"). Pure: no storage, no clock.

// A message body: 1–ChatMessage::kMaxBodyLength characters, not only white space.
Result<void> checkBody(const QString &body);

// A staff member's message on `item`.
// - A staff-only note keeps the state (any open or done item; anyone of the unit may write one).
// - A reply to the patient needs the item open and in the pool or held by `staffId` (the caller
//   checks who holds it first): a pool item becomes the writer's, and the item waits on the patient.
// Both update lastActivityAt.
Result<inbox::InboxItem> afterStaffMessage(const inbox::InboxItem &item, const QString &staffId, bool staffOnly,
                                           qint64 now);

// The patient wrote: waiting → in_progress; done → new in the pool (owner cleared); the SLA
// clock restarts when the item comes back to staff. Other states keep theirs.
inbox::InboxItem afterPatientMessage(const inbox::InboxItem &item, qint64 now);

} // namespace nara::chat
