#include "inbox/core/lifecycle.h"

#include <array>

namespace nara::inbox {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

struct Sla
{
    Kind kind;
    std::array<qint64, 4> byPriority; // stat, asap, urgent, routine
};

// Routine chats: three working days, simplified to 72 hours. Alerts are self-monitoring
// deviations and are tighter; referrals and reports run on the specialist clinic's and the
// quality lead's slower cycles.
constexpr std::array kSla{
    Sla{Kind::Chat, {1 * kHour, 4 * kHour, 24 * kHour, 72 * kHour}},
    Sla{Kind::Video, {1 * kHour, 4 * kHour, 24 * kHour, 7 * kDay}},
    Sla{Kind::Form, {1 * kHour, 4 * kHour, 24 * kHour, 72 * kHour}},
    Sla{Kind::Alert, {30 * kMinute, 2 * kHour, 8 * kHour, 24 * kHour}},
    Sla{Kind::Referral, {4 * kHour, 24 * kHour, 72 * kHour, 14 * kDay}},
    Sla{Kind::Report, {24 * kHour, 72 * kHour, 7 * kDay, 14 * kDay}},
};

} // namespace

bool isAllowedTransition(State from, State to)
{
    switch (to) {
    case State::New: // release back to the pool
        return from == State::Claimed || from == State::InProgress || from == State::Waiting;
    case State::Claimed: return from == State::New;
    case State::InProgress: return from == State::Claimed || from == State::Waiting || from == State::Done;
    case State::Waiting: return from == State::Claimed || from == State::InProgress;
    case State::Done: return from != State::Done;
    }
    return false;
}

Result<void> checkTransition(State from, State to)
{
    if (isAllowedTransition(from, to))
        return {};
    QString why;
    if (from == to)
        why = QStringLiteral("The item is already %1.").arg(toString(to));
    else if (from == State::Done)
        why = QStringLiteral("The item is done; reopen it (with a reason) first.");
    else if (to == State::Claimed)
        why = QStringLiteral("Only an item in the pool can be claimed.");
    else
        why = QStringLiteral("An item cannot go from %1 to %2.").arg(toString(from), toString(to));
    return fail(ErrorCode::Conflict, why,
                QJsonObject{{QStringLiteral("from"), toString(from)}, {QStringLiteral("to"), toString(to)}});
}

bool servedBefore(const InboxItem &a, const InboxItem &b)
{
    const int rankA = priorityRank(a.priority);
    const int rankB = priorityRank(b.priority);
    if (rankA != rankB)
        return rankA < rankB;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

qint64 slaFor(Kind kind, Priority priority)
{
    for (const Sla &sla : kSla)
        if (sla.kind == kind)
            return sla.byPriority[std::size_t(priorityRank(priority))];
    return 72 * kHour;
}

qint64 dueAtFor(Kind kind, Priority priority, qint64 createdAt)
{
    return createdAt + slaFor(kind, priority);
}

bool isOverdue(const InboxItem &item, qint64 nowMs)
{
    if (item.state == State::Done || item.dueAt <= 0)
        return false;
    // While the patient is the one to act, the unit's clock is paused.
    if (item.state == State::Waiting && item.waitingOn == WaitingOn::Patient)
        return false;
    return nowMs > item.dueAt;
}

} // namespace nara::inbox
