#pragma once

#include "foundation/core/error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara::inbox {

// DESIGN.md §2. FHIR: a row is a Task; state maps to Task.status (REFERENCE.md §2).
enum class Kind { Chat, Video, Form, Alert, Referral, Report };
enum class State { New, Claimed, InProgress, Waiting, Done };
// FHIR request priority; stat is the most pressing.
enum class Priority { Stat, Asap, Urgent, Routine };
enum class WaitingOn { Nobody, Patient, Colleague };

QString toString(Kind kind);
QString toString(State state);
QString toString(Priority priority);
QString toString(WaitingOn waitingOn);
std::optional<Kind> kindFromString(QStringView text);
std::optional<State> stateFromString(QStringView text);
std::optional<Priority> priorityFromString(QStringView text);
std::optional<WaitingOn> waitingOnFromString(QStringView text);
// Lower sorts first: stat 0 … routine 3.
int priorityRank(Priority priority);
// FHIR Task.status for a state.
QString fhirTaskStatus(State state);

// One inbox row as the server stores it and the sync API sends it.
struct InboxItem
{
    QString id;
    Kind kind = Kind::Chat;
    State state = State::New;
    WaitingOn waitingOn = WaitingOn::Nobody;
    Priority priority = Priority::Routine;
    QString priorityReason;
    QString unitId;
    QString ownerId; // empty: in the unit's pool
    QString patientId; // empty for items about no patient
    QString title;
    qint64 createdAt = 0; // ms since epoch, UTC
    qint64 updatedAt = 0;
    qint64 dueAt = 0;
    qint64 claimedAt = 0; // 0: never claimed
    qint64 lastActivityAt = 0;
    qint64 version = 1; // bumped by every change

    QJsonObject toJson() const;
    static Result<InboxItem> fromJson(const QJsonObject &object);
    bool operator==(const InboxItem &) const = default;
};

} // namespace nara::inbox
