#include "video/core/visitrepository.h"

#include "auth/core/accountrepository.h"
#include "sync/core/changelog.h"

#include <QSqlQuery>

namespace nara::video {

namespace {

const QString kColumns = QStringLiteral(
    "id, item_id, unit_id, patient_id, reason, booked_by, booked_at, starts_at, patient_arrived_at, "
    "patient_waiting_since, ready_camera, ready_microphone, admitted_at, ended_at, outcome, note, version");

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

// Qt's SQL drivers bind a null QString as NULL: text columns that are NOT NULL get "" instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant readinessValue(const std::optional<Readiness> &readiness, bool Readiness::*field)
{
    return readiness ? QVariant(qint64((*readiness).*field ? 1 : 0)) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<void> VisitRepository::insert(const Visit &visit)
{
    auto stored
        = m_database.execute(QStringLiteral("INSERT INTO visits (") + kColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {visit.id, visit.itemId, visit.unitId, nullable(visit.patientId), visit.reason,
                              visit.bookedBy, visit.bookedAt, visit.startsAt, nullable(visit.patientArrivedAt),
                              nullable(visit.patientWaitingSince), readinessValue(visit.readiness, &Readiness::camera),
                              readinessValue(visit.readiness, &Readiness::microphone), nullable(visit.admittedAt),
                              nullable(visit.endedAt), text(toString(visit.outcome)), text(visit.note), visit.version});
    if (!stored)
        return fail(stored.error());
    for (qsizetype i = 0; i < visit.participants.size(); ++i) {
        const VisitParticipant &p = visit.participants.at(i);
        auto added = m_database.execute(
            QStringLiteral(
                "INSERT INTO visit_participants (visit_id, ordinal, kind, participant_id) VALUES (?, ?, ?, ?)"),
            {visit.id, qint64(i),
             p.kind == VisitParticipant::Kind::Staff ? QStringLiteral("staff") : QStringLiteral("patient"), p.id});
        if (!added)
            return fail(added.error());
    }
    return log(visit, visit.bookedAt);
}

Result<std::optional<Visit>> VisitRepository::byId(const QString &id)
{
    return where(QStringLiteral("id"), id);
}

Result<std::optional<Visit>> VisitRepository::byItemId(const QString &itemId)
{
    return where(QStringLiteral("item_id"), itemId);
}

Result<std::optional<Visit>> VisitRepository::where(const QString &column, const QString &value)
{
    if (value.isEmpty())
        return std::optional<Visit>{};
    auto row = m_database.query(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM visits WHERE ") + column
                                    + QStringLiteral(" = ?"),
                                {value});
    if (!row)
        return fail(row.error());
    if (!row->next())
        return std::optional<Visit>{};
    Visit visit;
    visit.id = row->value(0).toString();
    visit.itemId = row->value(1).toString();
    visit.unitId = row->value(2).toString();
    visit.patientId = row->value(3).toString();
    visit.reason = row->value(4).toString();
    visit.bookedBy = row->value(5).toString();
    visit.bookedAt = row->value(6).toLongLong();
    visit.startsAt = row->value(7).toLongLong();
    visit.patientArrivedAt = row->value(8).toLongLong();
    visit.patientWaitingSince = row->value(9).toLongLong();
    if (!row->value(10).isNull() || !row->value(11).isNull())
        visit.readiness = Readiness{row->value(10).toLongLong() != 0, row->value(11).toLongLong() != 0};
    visit.admittedAt = row->value(12).toLongLong();
    visit.endedAt = row->value(13).toLongLong();
    const auto outcome = outcomeFromString(row->value(14).toString());
    if (!outcome)
        return fail(ErrorCode::Storage, QStringLiteral("Visit %1 has an unknown outcome").arg(visit.id));
    visit.outcome = *outcome;
    visit.note = row->value(15).toString();
    visit.version = row->value(16).toLongLong();

    auto people = m_database.query(
        QStringLiteral("SELECT p.kind, p.participant_id, COALESCE(s.display_name, t.name, ''), COALESCE(s.role, '') "
                       "FROM visit_participants p "
                       "LEFT JOIN staff s ON p.kind = 'staff' AND s.id = p.participant_id "
                       "LEFT JOIN patients t ON p.kind = 'patient' AND t.id = p.participant_id "
                       "WHERE p.visit_id = ? ORDER BY p.ordinal"),
        {visit.id});
    if (!people)
        return fail(people.error());
    while (people->next())
        visit.participants.append({people->value(0).toString() == u"patient" ? VisitParticipant::Kind::Patient
                                                                             : VisitParticipant::Kind::Staff,
                                   people->value(1).toString(), people->value(2).toString(),
                                   people->value(3).toString()});
    return std::optional<Visit>(std::move(visit));
}

Result<Visit> VisitRepository::update(const Visit &visit, qint64 at)
{
    Visit next = visit;
    next.version = visit.version + 1;
    auto changed = m_database.execute(
        QStringLiteral("UPDATE visits SET patient_arrived_at = ?, patient_waiting_since = ?, ready_camera = ?, "
                       "ready_microphone = ?, admitted_at = ?, ended_at = ?, outcome = ?, note = ?, version = ? "
                       "WHERE id = ? AND version = ?"),
        {nullable(next.patientArrivedAt), nullable(next.patientWaitingSince),
         readinessValue(next.readiness, &Readiness::camera), readinessValue(next.readiness, &Readiness::microphone),
         nullable(next.admittedAt), nullable(next.endedAt), text(toString(next.outcome)), text(next.note), next.version,
         next.id, visit.version});
    if (!changed)
        return fail(changed.error());
    if (*changed != 1)
        return fail(ErrorCode::Conflict, QStringLiteral("The visit was changed meanwhile; try again."));
    if (auto logged = log(next, at); !logged)
        return fail(logged.error());
    return next;
}

Result<QList<std::pair<QString, QString>>> VisitRepository::audiences(const Visit &visit)
{
    QList<std::pair<QString, QString>> result{{visit.unitId, QString()}};
    auth::AccountRepository accounts(m_database);
    for (const QString &staffId : visit.staffIds()) {
        auto staff = accounts.staffById(staffId);
        if (!staff)
            return fail(staff.error());
        if (!staff->has_value() || (*staff)->unitIds.contains(visit.unitId) || (*staff)->unitIds.isEmpty())
            continue;
        result.append({(*staff)->unitIds.constFirst(), staffId});
    }
    return result;
}

Result<void> VisitRepository::log(const Visit &visit, qint64 at)
{
    auto targets = audiences(visit);
    if (!targets)
        return fail(targets.error());
    sync::ChangeLog changes(m_database);
    const QJsonObject payload = visit.toJson();
    for (const auto &[unit, staff] : std::as_const(*targets))
        if (auto seq = changes.append(unit, QStringLiteral("visit"), visit.id, payload, at, staff); !seq)
            return fail(seq.error());
    return {};
}

Result<void> VisitRepository::shareItem(const Visit &visit, const inbox::InboxItem &item, qint64 at)
{
    auto targets = audiences(visit);
    if (!targets)
        return fail(targets.error());
    sync::ChangeLog changes(m_database);
    for (const auto &[unit, staff] : std::as_const(*targets))
        if (!staff.isEmpty())
            if (auto seq = changes.append(unit, QStringLiteral("inbox_item"), item.id, item.toJson(), at, staff); !seq)
                return fail(seq.error());
    return {};
}

Result<void> VisitRepository::sharePatient(const Visit &visit, qint64 at)
{
    if (visit.patientId.isEmpty())
        return {};
    auto targets = audiences(visit);
    if (!targets)
        return fail(targets.error());
    if (targets->size() == 1)
        return {};
    auto patient = auth::AccountRepository(m_database).patientById(visit.patientId);
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value())
        return fail(ErrorCode::NotFound, QStringLiteral("No such patient."));
    sync::ChangeLog changes(m_database);
    for (const auto &[unit, staff] : std::as_const(*targets))
        if (!staff.isEmpty())
            if (auto seq
                = changes.append(unit, QStringLiteral("patient"), visit.patientId, (*patient)->toJson(), at, staff);
                !seq)
                return fail(seq.error());
    return {};
}

} // namespace nara::video
