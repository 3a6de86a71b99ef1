#include "video/core/visit.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace nara::video {

namespace {

constexpr std::array kOutcomes{
    std::pair{Outcome::None, u""}, std::pair{Outcome::Done, u"done"}, std::pair{Outcome::FollowUp, u"follow_up"},
    std::pair{Outcome::PhysicalVisit, u"physical_visit"}, std::pair{Outcome::PhoneInstead, u"phone_instead"}};

QJsonValue timeOrZero(qint64 at)
{
    return at; // the contract sends 0 for "not yet", never null
}

} // namespace

QString toString(Outcome outcome)
{
    for (const auto &[value, name] : kOutcomes)
        if (value == outcome)
            return QString::fromUtf16(name);
    return {};
}

std::optional<Outcome> outcomeFromString(QStringView text)
{
    for (const auto &[value, name] : kOutcomes)
        if (text == QStringView(name))
            return value;
    return std::nullopt;
}

QString VisitParticipant::peerId() const
{
    return (kind == Kind::Staff ? QStringLiteral("staff:") : QStringLiteral("patient:")) + id;
}

QJsonObject VisitParticipant::toJson() const
{
    QJsonObject object{
        {QStringLiteral("kind"), kind == Kind::Staff ? QStringLiteral("staff") : QStringLiteral("patient")},
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name}};
    if (kind == Kind::Staff)
        object.insert(QStringLiteral("role"), role);
    return object;
}

QString Visit::state() const
{
    if (endedAt != 0)
        return QStringLiteral("ended");
    if (admittedAt != 0)
        return QStringLiteral("in_call");
    if (patientWaitingSince != 0)
        return QStringLiteral("waiting");
    return QStringLiteral("booked");
}

bool Visit::hasStaff(const QString &staffId) const
{
    return std::any_of(participants.begin(), participants.end(), [&](const VisitParticipant &p) {
        return p.kind == VisitParticipant::Kind::Staff && p.id == staffId;
    });
}

QStringList Visit::staffIds() const
{
    QStringList ids;
    for (const VisitParticipant &p : participants)
        if (p.kind == VisitParticipant::Kind::Staff)
            ids.append(p.id);
    return ids;
}

std::optional<VisitParticipant> Visit::patient() const
{
    for (const VisitParticipant &p : participants)
        if (p.kind == VisitParticipant::Kind::Patient)
            return p;
    return std::nullopt;
}

QJsonObject Visit::toJson() const
{
    QJsonArray list;
    for (const VisitParticipant &p : participants)
        list.append(p.toJson());
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("itemId"), itemId},
        {QStringLiteral("unitId"), unitId},
        {QStringLiteral("patientId"), patientId.isEmpty() ? QJsonValue() : QJsonValue(patientId)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("bookedAt"), bookedAt},
        {QStringLiteral("bookedBy"), bookedBy},
        {QStringLiteral("participants"), list},
        {QStringLiteral("state"), state()},
        {QStringLiteral("patientArrivedAt"), timeOrZero(patientArrivedAt)},
        {QStringLiteral("patientWaitingSince"), timeOrZero(patientWaitingSince)},
        {QStringLiteral("readiness"), readiness ? QJsonValue(readiness->toJson()) : QJsonValue()},
        {QStringLiteral("admittedAt"), timeOrZero(admittedAt)},
        {QStringLiteral("endedAt"), timeOrZero(endedAt)},
        {QStringLiteral("outcome"), toString(outcome)},
        {QStringLiteral("note"), note},
        {QStringLiteral("version"), version},
    };
}

Result<Visit> Visit::fromJson(const QJsonObject &o)
{
    Visit visit;
    visit.id = o.value(QStringLiteral("id")).toString();
    visit.itemId = o.value(QStringLiteral("itemId")).toString();
    visit.unitId = o.value(QStringLiteral("unitId")).toString();
    const auto outcome = outcomeFromString(o.value(QStringLiteral("outcome")).toString());
    if (visit.id.isEmpty() || visit.itemId.isEmpty() || !outcome || !o.value(QStringLiteral("participants")).isArray())
        return fail(ErrorCode::InvalidInput, QStringLiteral("Malformed visit"));
    visit.outcome = *outcome;
    visit.patientId = o.value(QStringLiteral("patientId")).toString();
    visit.reason = o.value(QStringLiteral("reason")).toString();
    visit.startsAt = o.value(QStringLiteral("startsAt")).toInteger();
    visit.bookedAt = o.value(QStringLiteral("bookedAt")).toInteger();
    visit.bookedBy = o.value(QStringLiteral("bookedBy")).toString();
    for (const QJsonValue &value : o.value(QStringLiteral("participants")).toArray()) {
        const QJsonObject p = value.toObject();
        const QString kind = p.value(QStringLiteral("kind")).toString();
        if (kind != u"staff" && kind != u"patient")
            return fail(ErrorCode::InvalidInput, QStringLiteral("Malformed visit participant"));
        visit.participants.append({kind == u"staff" ? VisitParticipant::Kind::Staff : VisitParticipant::Kind::Patient,
                                   p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("name")).toString(),
                                   p.value(QStringLiteral("role")).toString()});
    }
    visit.patientArrivedAt = o.value(QStringLiteral("patientArrivedAt")).toInteger();
    visit.patientWaitingSince = o.value(QStringLiteral("patientWaitingSince")).toInteger();
    if (const QJsonValue r = o.value(QStringLiteral("readiness")); r.isObject())
        visit.readiness = Readiness{r.toObject().value(QStringLiteral("camera")).toBool(),
                                    r.toObject().value(QStringLiteral("microphone")).toBool()};
    visit.admittedAt = o.value(QStringLiteral("admittedAt")).toInteger();
    visit.endedAt = o.value(QStringLiteral("endedAt")).toInteger();
    visit.note = o.value(QStringLiteral("note")).toString();
    visit.version = o.value(QStringLiteral("version")).toInteger(1);
    return visit;
}

} // namespace nara::video
