#include "monitoring/core/monitoringsweep.h"

#include "auth/core/auditlog.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"
#include "monitoring/core/alertevaluator.h"
#include "monitoring/core/monitoringrepository.h"
#include "storage/core/transactionguard.h"

namespace nara::monitoring {

namespace {

// "Blodtryck saknas sedan 2026-11-20 (intervall 24 h)": the date of the last measurement, or of the
// plan's start when there has been none.
QString titleFor(const OverdueMeasurement &overdue, const MonitoringPlan &plan)
{
    const QDateTime since = overdue.lastAt.isValid() ? overdue.lastAt : plan.startAt;
    const MeasurementInterval interval = plan.planned(overdue.type).value_or(PlannedMeasurement{}).interval;
    return info(overdue.type).nameSv + QStringLiteral(" saknas sedan ")
        + since.toUTC().toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" (") + interval.textSv() + u')';
}

Result<void> audit(storage::Database &database, qint64 now, const QString &unitId, const QString &patientId,
                   const QString &object)
{
    auth::AuditEntry entry;
    entry.at = now;
    entry.role = QStringLiteral("system");
    entry.unitId = unitId;
    entry.patientId = patientId;
    entry.action = QStringLiteral("create");
    entry.object = object;
    entry.client = QStringLiteral("overdue-sweep");
    return auth::AuditLog(database).append(entry);
}

qint64 countedFrom(const OverdueMeasurement &overdue, const MonitoringPlan &plan)
{
    return (overdue.lastAt.isValid() ? overdue.lastAt : plan.startAt).toMSecsSinceEpoch();
}

// One overdue alert unless a sweep has already raised it: the guard row comes first, in the same
// transaction, so a second sweep (another process) inserts nothing and raises nothing.
Result<bool> raise(storage::Database &database, const Clock &clock, const StoredPlan &stored,
                   const AlertEvaluator &evaluator, const OverdueMeasurement &overdue)
{
    const qint64 now = clock.nowMs();
    const MonitoringPlan &plan = *stored.plan;
    inbox::InboxItem item;
    item.id = newId();
    auto guarded = database.execute(
        QStringLiteral("INSERT INTO monitoring_overdue (patient_id, type, counted_from, item_id, created_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        {stored.patientId, info(overdue.type).key, countedFrom(overdue, plan), item.id, now});
    if (!guarded)
        return fail(guarded.error());
    if (*guarded == 0)
        return false; // raised before, by this job or another process

    const MonitoringAlert alert = evaluator.overdueAlert(overdue);
    item.kind = inbox::Kind::Alert;
    item.priority = inbox::Priority::Urgent;
    item.priorityReason = alert.reasonSv;
    item.unitId = stored.unitId;
    item.patientId = stored.patientId;
    item.title = titleFor(overdue, plan);
    item.createdAt = now;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(item.kind, item.priority, now);
    if (auto inserted = inbox::InboxRepository(database).insert(item); !inserted)
        return fail(inserted.error());
    auto alertId = MonitoringRepository(database).insertAlert(alert, item.id, stored.patientId, stored.unitId, {}, now);
    if (!alertId)
        return fail(alertId.error());
    const QStringList created{QStringLiteral("inbox_item:") + item.id, QStringLiteral("monitoring_alert:") + *alertId};
    for (const QString &object : created)
        if (auto logged = audit(database, now, stored.unitId, stored.patientId, object); !logged)
            return fail(logged.error());
    return true;
}

// The patient's overdue types that no sweep has raised yet (none: no plan, or it has ended).
struct Overdue
{
    std::optional<StoredPlan> stored;
    QList<OverdueMeasurement> unraised;
};

Result<Overdue> unraisedOverdue(storage::Database &database, const Clock &clock, const QString &patientId)
{
    MonitoringRepository repository(database);
    auto stored = repository.storedPlan(patientId);
    if (!stored)
        return fail(stored.error());
    Overdue found;
    if (!stored->has_value() || !(*stored)->plan)
        return found;
    found.stored = **stored;
    auto last = repository.lastMeasurements(patientId);
    if (!last)
        return fail(last.error());
    const MonitoringPlan &plan = *found.stored->plan;
    for (const OverdueMeasurement &overdue : AlertEvaluator(plan, clock).overdue(*last)) {
        auto raised = database.scalar(QStringLiteral("SELECT 1 FROM monitoring_overdue WHERE patient_id = ? "
                                                     "AND type = ? AND counted_from = ?"),
                                      {patientId, info(overdue.type).key, countedFrom(overdue, plan)});
        if (!raised)
            return fail(raised.error());
        if (!raised->isValid())
            found.unraised.append(overdue);
    }
    return found;
}

// The patient's overdue types. Read first without a transaction: most runs find nothing new and
// so take no write lock. Only then one transaction, in which the plan and the measurements are
// read again (a plan ended or a value reported a moment ago raises nothing) and the guard rows
// keep a second process from raising the same alert.
Result<int> sweepPatient(storage::Database &database, const Clock &clock, const QString &patientId)
{
    auto seen = unraisedOverdue(database, clock, patientId);
    if (!seen)
        return fail(seen.error());
    if (seen->unraised.isEmpty())
        return 0;
    auto transaction = storage::TransactionGuard::begin(database);
    if (!transaction)
        return fail(transaction.error());
    auto current = unraisedOverdue(database, clock, patientId);
    if (!current)
        return fail(current.error());
    if (!current->stored)
        return 0;
    const AlertEvaluator evaluator(*current->stored->plan, clock);
    int raised = 0;
    for (const OverdueMeasurement &overdue : std::as_const(current->unraised)) {
        auto done = raise(database, clock, *current->stored, evaluator, overdue);
        if (!done)
            return fail(done.error());
        raised += *done ? 1 : 0;
    }
    if (raised == 0)
        return 0; // nothing written: the guard rolls back
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return raised;
}

} // namespace

Result<int> sweepOverdue(storage::Database &database, const Clock &clock)
{
    auto patients = MonitoringRepository(database).patientsWithPlans();
    if (!patients)
        return fail(patients.error());
    int raised = 0;
    std::optional<Error> firstError;
    for (const QString &patientId : std::as_const(*patients)) {
        auto swept = sweepPatient(database, clock, patientId);
        if (swept)
            raised += *swept;
        else if (!firstError)
            firstError = swept.error();
    }
    if (firstError)
        return fail(*firstError);
    return raised;
}

} // namespace nara::monitoring
