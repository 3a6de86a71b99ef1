#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"
#include "video/core/visit.h"

#include <QStringList>

namespace nara::video {

// What happens to a video visit (docs/api/contract.md, "Video visits and consult calls"): booking,
// the patient's arrival in and departure from the waiting room, admission and the end. Checks
// access (staff of the visit's unit or a staff participant; anyone else NotFound), the rules
// (at most 4 participants, no admission without a waiting patient, an ended visit refuses
// everything) and stores visit and inbox item with their change-log entries. Runs inside the
// caller's transaction; writes no audit rows (the route does).
class VisitWorkflow
{
public:
    struct Booking
    {
        QString patientId; // empty: a consult call between staff
        QStringList participantIds; // staff besides the booker
        qint64 startsAt = 0;
        QString reason;
        QString unitId; // empty: the patient's unit shared with the booker (else the booker's first)
    };
    struct Booked
    {
        Visit visit;
        inbox::InboxItem item;
    };

    explicit VisitWorkflow(storage::Database &database)
        : m_database(database)
    {
    }

    Result<Booked> book(const auth::Caller &caller, const Booking &booking, qint64 now);

    // The visit if the caller may see it: staff of its unit, a staff participant, or its patient.
    Result<Visit> visit(const auth::Caller &caller, const QString &visitId);
    // Whether the staff member works in the visit's unit (may end it, invite the patient).
    static bool worksInUnit(const auth::Caller &caller, const Visit &visit);

    // The patient enters the waiting room (or, once admitted, the call again): sets
    // patientWaitingSince (kept if already waiting), patientArrivedAt the first time, and the
    // readiness. An admitted visit is answered unchanged. Conflict when the visit has ended.
    Result<Visit> patientArrived(const QString &visitId, const std::optional<Readiness> &readiness, qint64 now);
    // The patient left the waiting room (closed the page, lost the connection): the wait ends.
    // Unchanged when the patient was not waiting.
    Result<Visit> patientLeftWaitingRoom(const QString &visitId, qint64 now);
    // At start-up, when no event socket can exist yet: every wait recorded before (a crash, a
    // restart) ends, so no workstation shows a patient waiting who is not there. Returns how many.
    // Only for a server that is alone on its database (SQLite).
    Result<int> emptyWaitingRooms(qint64 now);
    // Staff let the waiting patient in. Conflict when no patient is waiting or the visit has ended.
    Result<Visit> admit(const auth::Caller &caller, const QString &visitId, qint64 now);
    // Staff of the visit's unit end it; the item is done. Before any call only phone_instead is
    // allowed (Conflict otherwise); a visit without a patient may end any way.
    Result<Visit> end(const auth::Caller &caller, const QString &visitId, Outcome outcome, const QString &note,
                      qint64 now);

private:
    Result<Visit> stored(const QString &visitId);
    // Moves the visit's item to `state` if the life cycle allows it, and shares it.
    Result<void> moveItem(const Visit &visit, inbox::State state, const QString &ownerIfNone, qint64 now);

    storage::Database &m_database;
};

} // namespace nara::video
