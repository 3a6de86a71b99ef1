#include "video/core/visitworkflow.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"
#include "video/core/visitrepository.h"

#include <QSqlQuery>

namespace nara::video {

namespace {

Error noSuchVisit()
{
    return Error::notFound(QStringLiteral("No such visit."));
}

Error visitEnded()
{
    return Error::conflict(QStringLiteral("The visit has ended."));
}

} // namespace

bool VisitWorkflow::worksInUnit(const auth::Caller &caller, const Visit &visit)
{
    return caller.isStaff() && caller.unitIds.contains(visit.unitId);
}

Result<Visit> VisitWorkflow::stored(const QString &visitId)
{
    auto found = VisitRepository(m_database).byId(visitId);
    if (!found)
        return fail(found.error());
    if (!found->has_value())
        return fail(noSuchVisit());
    return **found;
}

Result<Visit> VisitWorkflow::visit(const auth::Caller &caller, const QString &visitId)
{
    auto found = stored(visitId);
    if (!found)
        return found;
    const bool allowed = caller.isStaff() ? worksInUnit(caller, *found) || found->hasStaff(caller.id)
                                          : !caller.id.isEmpty() && found->patientId == caller.id;
    if (!allowed)
        return fail(noSuchVisit());
    return found;
}

Result<VisitWorkflow::Booked> VisitWorkflow::book(const auth::Caller &caller, const Booking &booking, qint64 now)
{
    if (!caller.isStaff())
        return fail(ErrorCode::Forbidden, QStringLiteral("Only staff book visits."));
    const QString reason = booking.reason.trimmed();
    if (reason.isEmpty() || reason.size() > Visit::kMaxReasonLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("A reason is 1–%1 characters.").arg(Visit::kMaxReasonLength));
    if (booking.startsAt <= 0)
        return fail(ErrorCode::InvalidInput, QStringLiteral("'startsAt' must be a time (ms since the epoch)."));

    // The unit: given (one of the caller's), or the patient's unit shared with the caller.
    auth::AccountRepository accounts(m_database);
    QString unitId = booking.unitId;
    if (!unitId.isEmpty() && !caller.unitIds.contains(unitId))
        return fail(Error::notFound(QStringLiteral("No such care unit.")));
    if (!booking.patientId.isEmpty()) {
        if (auto allowed = auth::AccessPolicy(m_database).requirePatient(caller, booking.patientId); !allowed)
            return fail(allowed.error());
        auto units = accounts.patientUnits(booking.patientId);
        if (!units)
            return fail(units.error());
        if (unitId.isEmpty()) {
            for (const QString &unit : std::as_const(*units))
                if (caller.unitIds.contains(unit)) {
                    unitId = unit;
                    break;
                }
        } else if (!units->contains(unitId)) {
            return fail(Error::notFound(QStringLiteral("No such patient.")));
        }
    }
    if (unitId.isEmpty())
        unitId = caller.primaryUnit();
    if (unitId.isEmpty())
        return fail(ErrorCode::Forbidden, QStringLiteral("Staff without a care unit cannot book visits."));

    // Participants: the booker first, then the named colleagues (each once), then the patient.
    Visit visit;
    visit.id = newId();
    visit.itemId = newId();
    visit.unitId = unitId;
    visit.patientId = booking.patientId;
    visit.reason = reason;
    visit.startsAt = booking.startsAt;
    visit.bookedAt = now;
    visit.bookedBy = caller.id;
    QStringList staffIds{caller.id};
    for (const QString &id : booking.participantIds)
        if (!staffIds.contains(id))
            staffIds.append(id);
    const int total = int(staffIds.size()) + (booking.patientId.isEmpty() ? 0 : 1);
    if (total > Visit::kMaxParticipants)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("A visit has at most %1 participants, the patient included.").arg(Visit::kMaxParticipants));
    for (const QString &id : std::as_const(staffIds)) {
        auto staff = accounts.staffById(id);
        if (!staff)
            return fail(staff.error());
        if (!staff->has_value() || !(*staff)->active)
            return fail(ErrorCode::InvalidInput, QStringLiteral("Participant %1 is not active staff.").arg(id));
        visit.participants.append({VisitParticipant::Kind::Staff, id, (*staff)->displayName, (*staff)->role});
    }
    if (!booking.patientId.isEmpty()) {
        auto patient = accounts.patientById(booking.patientId);
        if (!patient)
            return fail(patient.error());
        if (!patient->has_value())
            return fail(Error::notFound(QStringLiteral("No such patient.")));
        visit.participants.append({VisitParticipant::Kind::Patient, booking.patientId, (*patient)->name, {}});
    }

    // The inbox item: the booker's, due when the visit starts.
    inbox::InboxItem item;
    item.id = visit.itemId;
    item.kind = inbox::Kind::Video;
    item.state = inbox::State::Claimed;
    item.priority = inbox::Priority::Routine;
    item.priorityReason
        = booking.patientId.isEmpty() ? QStringLiteral("Konsultation") : QStringLiteral("Bokat videobesök");
    item.unitId = unitId;
    item.ownerId = caller.id;
    item.patientId = booking.patientId;
    item.title = reason;
    item.createdAt = now;
    item.updatedAt = now;
    item.dueAt = booking.startsAt;
    item.claimedAt = now;
    item.lastActivityAt = now;

    VisitRepository visits(m_database);
    if (auto inserted = inbox::InboxRepository(m_database).insert(item); !inserted)
        return fail(inserted.error());
    if (auto inserted = visits.insert(visit); !inserted)
        return fail(inserted.error());
    if (auto shared = visits.sharePatient(visit, now); !shared)
        return fail(shared.error());
    if (auto shared = visits.shareItem(visit, item, now); !shared)
        return fail(shared.error());
    return Booked{visit, item};
}

Result<Visit> VisitWorkflow::patientArrived(const QString &visitId, const std::optional<Readiness> &readiness,
                                            qint64 now)
{
    auto current = stored(visitId);
    if (!current)
        return current;
    if (current->isEnded())
        return fail(visitEnded());
    if (current->patientId.isEmpty())
        return fail(noSuchVisit());
    if (current->admittedAt != 0)
        return current; // back in the call after a drop: nothing to record
    Visit next = *current;
    if (next.patientWaitingSince == 0)
        next.patientWaitingSince = now;
    if (next.patientArrivedAt == 0)
        next.patientArrivedAt = now;
    if (readiness)
        next.readiness = readiness;
    if (next == *current)
        return current;
    return VisitRepository(m_database).update(next, now);
}

Result<Visit> VisitWorkflow::patientLeftWaitingRoom(const QString &visitId, qint64 now)
{
    auto current = stored(visitId);
    if (!current)
        return current;
    if (current->patientWaitingSince == 0)
        return current;
    Visit next = *current;
    next.patientWaitingSince = 0;
    return VisitRepository(m_database).update(next, now);
}

Result<int> VisitWorkflow::emptyWaitingRooms(qint64 now)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT id FROM visits WHERE patient_waiting_since IS NOT NULL AND ended_at IS NULL"));
    if (!rows)
        return fail(rows.error());
    QStringList waiting;
    while (rows->next())
        waiting.append(rows->value(0).toString());
    for (const QString &id : std::as_const(waiting))
        if (auto left = patientLeftWaitingRoom(id, now); !left)
            return fail(left.error());
    return int(waiting.size());
}

Result<Visit> VisitWorkflow::admit(const auth::Caller &caller, const QString &visitId, qint64 now)
{
    auto current = visit(caller, visitId);
    if (!current)
        return current;
    if (!caller.isStaff())
        return fail(noSuchVisit());
    if (current->isEnded())
        return fail(visitEnded());
    if (current->patientWaitingSince == 0)
        return fail(Error::conflict(QStringLiteral("No patient is waiting.")));
    Visit next = *current;
    next.patientWaitingSince = 0;
    if (next.admittedAt == 0)
        next.admittedAt = now;
    auto updated = VisitRepository(m_database).update(next, now);
    if (!updated)
        return updated;
    if (auto moved
        = moveItem(*updated, inbox::State::InProgress, worksInUnit(caller, *updated) ? caller.id : QString(), now);
        !moved)
        return fail(moved.error());
    return updated;
}

Result<Visit> VisitWorkflow::end(const auth::Caller &caller, const QString &visitId, Outcome outcome,
                                 const QString &note, qint64 now)
{
    auto current = visit(caller, visitId);
    if (!current)
        return current;
    if (!worksInUnit(caller, *current))
        return fail(ErrorCode::Forbidden, QStringLiteral("Only staff of the visit's care unit may end it."));
    if (current->isEnded())
        return fail(visitEnded());
    if (outcome == Outcome::None)
        return fail(ErrorCode::InvalidInput, QStringLiteral("An ended visit needs an outcome."));
    if (note.size() > Visit::kMaxNoteLength)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("The note is longer than %1 characters.").arg(Visit::kMaxNoteLength));
    if (!current->patientId.isEmpty() && current->admittedAt == 0 && outcome != Outcome::PhoneInstead)
        return fail(Error::conflict(QStringLiteral("The call has not taken place: only phone_instead ends it now.")));
    Visit next = *current;
    next.endedAt = now;
    next.patientWaitingSince = 0;
    next.outcome = outcome;
    next.note = note.trimmed();
    auto updated = VisitRepository(m_database).update(next, now);
    if (!updated)
        return updated;
    if (auto moved = moveItem(*updated, inbox::State::Done, caller.id, now); !moved)
        return fail(moved.error());
    return updated;
}

Result<void> VisitWorkflow::moveItem(const Visit &visit, inbox::State state, const QString &ownerIfNone, qint64 now)
{
    inbox::InboxRepository items(m_database);
    auto item = items.byId(visit.itemId);
    if (!item)
        return fail(item.error());
    if (!item->has_value() || (*item)->state == state || !inbox::isAllowedTransition((*item)->state, state))
        return {};
    inbox::InboxItem next = **item;
    next.state = state;
    next.waitingOn = inbox::WaitingOn::Nobody;
    next.lastActivityAt = now;
    if (next.ownerId.isEmpty() && !ownerIfNone.isEmpty()) {
        next.ownerId = ownerIfNone;
        next.claimedAt = now;
    }
    auto updated = items.update(next, now);
    if (!updated)
        return fail(updated.error());
    return VisitRepository(m_database).shareItem(visit, *updated, now);
}

} // namespace nara::video
