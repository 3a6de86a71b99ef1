#pragma once

#include "foundation/core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace nara::video {

// Who takes part in a visit: staff (a clinician of any unit) or the patient.
struct VisitParticipant
{
    enum class Kind { Staff, Patient };

    Kind kind = Kind::Staff;
    QString id;
    QString name;
    QString role; // staff only

    // "staff:<id>" or "patient:<id>": the peer id signalling uses.
    QString peerId() const;
    QJsonObject toJson() const; // {"kind","id","name","role"?}
    bool operator==(const VisitParticipant &) const = default;
};

// The patient's pre-call check, as the portal reports it when the patient joins.
struct Readiness
{
    bool camera = false;
    bool microphone = false;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("camera"), camera}, {QStringLiteral("microphone"), microphone}};
    }
    bool operator==(const Readiness &) const = default;
};

// How a visit ended (contract: "visit").
enum class Outcome { None, Done, FollowUp, PhysicalVisit, PhoneInstead };
QString toString(Outcome outcome);
std::optional<Outcome> outcomeFromString(QStringView text);

// A video visit or a consult call (docs/api/contract.md, "Video visits and consult calls").
// FHIR: an Appointment (booked time, participants) plus an Encounter of class VR with the times.
struct Visit
{
    static constexpr int kMaxParticipants = 4; // including the patient
    static constexpr qsizetype kMaxReasonLength = 200;
    static constexpr qsizetype kMaxNoteLength = 2000;

    QString id;
    QString itemId;
    QString unitId;
    QString patientId; // empty: a consult call between staff
    QString reason;
    qint64 startsAt = 0;
    qint64 bookedAt = 0;
    QString bookedBy;
    QList<VisitParticipant> participants;
    qint64 patientArrivedAt = 0; // first arrival in the waiting room (kept for pilot reports)
    qint64 patientWaitingSince = 0; // the current wait; 0 when not waiting
    std::optional<Readiness> readiness;
    qint64 admittedAt = 0;
    qint64 endedAt = 0;
    Outcome outcome = Outcome::None;
    QString note;
    qint64 version = 1;

    // booked | waiting | in_call | ended, derived from the times.
    QString state() const;
    bool isEnded() const { return endedAt != 0; }
    // The patient is in the waiting room now (state() == "waiting").
    bool isWaiting() const { return endedAt == 0 && admittedAt == 0 && patientWaitingSince != 0; }
    bool isInCall() const { return endedAt == 0 && admittedAt != 0; }
    bool hasStaff(const QString &staffId) const;
    QStringList staffIds() const;
    // The patient's participant entry, if the visit has a patient.
    std::optional<VisitParticipant> patient() const;

    QJsonObject toJson() const;
    static Result<Visit> fromJson(const QJsonObject &object);
    bool operator==(const Visit &) const = default;
};

} // namespace nara::video
