#include "inbox/core/inboxitem.h"

#include <array>
#include <utility>

namespace nara::inbox {

namespace {

template<typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char16_t *>, N> &table, QStringView text)
{
    for (const auto &[value, name] : table)
        if (text == QStringView(name))
            return value;
    return std::nullopt;
}

template<typename E, std::size_t N> QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[candidate, name] : table)
        if (candidate == value)
            return QString::fromUtf16(name);
    return {};
}

constexpr std::array kKinds{std::pair{Kind::Chat, u"chat"},         std::pair{Kind::Video, u"video"},
                            std::pair{Kind::Form, u"form"},         std::pair{Kind::Alert, u"alert"},
                            std::pair{Kind::Referral, u"referral"}, std::pair{Kind::Report, u"report"}};
constexpr std::array kStates{std::pair{State::New, u"new"}, std::pair{State::Claimed, u"claimed"},
                             std::pair{State::InProgress, u"in_progress"}, std::pair{State::Waiting, u"waiting"},
                             std::pair{State::Done, u"done"}};
constexpr std::array kPriorities{std::pair{Priority::Stat, u"stat"}, std::pair{Priority::Asap, u"asap"},
                                 std::pair{Priority::Urgent, u"urgent"}, std::pair{Priority::Routine, u"routine"}};
constexpr std::array kWaiting{std::pair{WaitingOn::Nobody, u""}, std::pair{WaitingOn::Patient, u"patient"},
                              std::pair{WaitingOn::Colleague, u"colleague"}};

} // namespace

QString toString(Kind kind)
{
    return nameOf(kKinds, kind);
}
QString toString(State state)
{
    return nameOf(kStates, state);
}
QString toString(Priority priority)
{
    return nameOf(kPriorities, priority);
}
QString toString(WaitingOn waitingOn)
{
    return nameOf(kWaiting, waitingOn);
}
std::optional<Kind> kindFromString(QStringView text)
{
    return lookup(kKinds, text);
}
std::optional<State> stateFromString(QStringView text)
{
    return lookup(kStates, text);
}
std::optional<Priority> priorityFromString(QStringView text)
{
    return lookup(kPriorities, text);
}
std::optional<WaitingOn> waitingOnFromString(QStringView text)
{
    return lookup(kWaiting, text);
}

int priorityRank(Priority priority)
{
    switch (priority) {
    case Priority::Stat: return 0;
    case Priority::Asap: return 1;
    case Priority::Urgent: return 2;
    case Priority::Routine: return 3;
    }
    return 3;
}

QString fhirTaskStatus(State state)
{
    switch (state) {
    case State::New: return QStringLiteral("requested");
    case State::Claimed: return QStringLiteral("accepted");
    case State::InProgress: return QStringLiteral("in-progress");
    case State::Waiting: return QStringLiteral("on-hold");
    case State::Done: return QStringLiteral("completed");
    }
    return QStringLiteral("requested");
}

QJsonObject InboxItem::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("kind"), toString(kind)},
        {QStringLiteral("state"), toString(state)},
        {QStringLiteral("waitingOn"), waitingOn == WaitingOn::Nobody ? QJsonValue() : QJsonValue(toString(waitingOn))},
        {QStringLiteral("priority"), toString(priority)},
        {QStringLiteral("priorityReason"), priorityReason},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("ownerId"), ownerId.isEmpty() ? QJsonValue() : QJsonValue(ownerId)},
        {QStringLiteral("patientId"), patientId.isEmpty() ? QJsonValue() : QJsonValue(patientId)},
        {QStringLiteral("title"), title},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("updatedAt"), updatedAt},
        {QStringLiteral("dueAt"), dueAt},
        {QStringLiteral("claimedAt"), claimedAt == 0 ? QJsonValue() : QJsonValue(claimedAt)},
        {QStringLiteral("lastActivityAt"), lastActivityAt},
        {QStringLiteral("version"), version},
    };
}

Result<InboxItem> InboxItem::fromJson(const QJsonObject &o)
{
    InboxItem item;
    item.id = o.value(QStringLiteral("id")).toString();
    const auto kind = kindFromString(o.value(QStringLiteral("kind")).toString());
    const auto state = stateFromString(o.value(QStringLiteral("state")).toString());
    const auto priority = priorityFromString(o.value(QStringLiteral("priority")).toString());
    const auto waiting = waitingOnFromString(o.value(QStringLiteral("waitingOn")).toString());
    if (item.id.isEmpty() || !kind || !state || !priority || !waiting)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Malformed inbox item"));
    item.kind = *kind;
    item.state = *state;
    item.priority = *priority;
    item.waitingOn = *waiting;
    item.priorityReason = o.value(QStringLiteral("priorityReason")).toString();
    item.unitId = o.value(QStringLiteral("unitId")).toString();
    item.ownerId = o.value(QStringLiteral("ownerId")).toString();
    item.patientId = o.value(QStringLiteral("patientId")).toString();
    item.title = o.value(QStringLiteral("title")).toString();
    item.createdAt = o.value(QStringLiteral("createdAt")).toInteger();
    item.updatedAt = o.value(QStringLiteral("updatedAt")).toInteger();
    item.dueAt = o.value(QStringLiteral("dueAt")).toInteger();
    item.claimedAt = o.value(QStringLiteral("claimedAt")).toInteger();
    item.lastActivityAt = o.value(QStringLiteral("lastActivityAt")).toInteger();
    item.version = o.value(QStringLiteral("version")).toInteger(1);
    return item;
}

} // namespace nara::inbox
