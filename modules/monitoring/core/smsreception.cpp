#include "monitoring/core/smsreception.h"

#include "auth/core/caller.h"
#include "chat/core/conversation.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"
#include "monitoring/core/alertevaluator.h"
#include "monitoring/core/monitoringrepository.h"
#include "monitoring/core/phonenumber.h"
#include "monitoring/core/smsparser.h"

#include <QSqlQuery>

#include <algorithm>

namespace nara::monitoring {

namespace {

constexpr qsizetype kMaxReasonLength = 500;
constexpr qsizetype kMaxTitleLength = 200;

struct RaisedAlert
{
    MonitoringAlert alert;
    QString measurementId;
};

QString titleFor(const MonitoringAlert &alert, MeasurementSource source)
{
    if (alert.kind == AlertKind::Value && alert.measurement)
        return info(alert.measurement->type()).nameSv + u' ' + alert.measurement->displayTextSv()
            + (alert.severity == Tier::Red ? QStringLiteral(" – röd gräns") : QStringLiteral(" – orange gräns"));
    const QString remark = source == MeasurementSource::Sms ? QStringLiteral("Kommentar via SMS")
                                                            : QStringLiteral("Kommentar via portalen");
    if (alert.measurement) // a remark with a value inside its limits
        return remark + QStringLiteral(" (") + info(alert.measurement->type()).nameSv + u' '
            + alert.measurement->displayTextSv() + u')';
    return remark;
}

QString cut(const QString &text, qsizetype max)
{
    return text.size() <= max ? text : text.left(max - 1) + u'…';
}

auth::Caller patientCaller(const auth::Patient &patient)
{
    auth::Caller caller;
    caller.kind = auth::Caller::Kind::Patient;
    caller.id = patient.id;
    caller.displayName = patient.name;
    caller.client = QStringLiteral("sms");
    return caller;
}

} // namespace

Result<QString> reportingUnit(storage::Database &database, const QString &patientId)
{
    auto units = auth::AccountRepository(database).patientUnits(patientId);
    if (!units)
        return fail(units.error());
    if (units->isEmpty())
        return fail(Error::notFound(QStringLiteral("The patient has no care unit to report to.")));
    return units->constFirst();
}

Result<StoredReport> storeReport(storage::Database &database, const Clock &clock, const QString &patientId,
                                 const QString &unitId, const QList<Measurement> &measurements, const QString &remark,
                                 MeasurementSource source)
{
    const qint64 now = clock.nowMs();
    StoredReport stored;
    MonitoringRepository repository(database);
    auto plan = repository.planOf(patientId);
    if (!plan)
        return fail(plan.error());
    const AlertEvaluator evaluator(plan->value_or(MonitoringPlan{}), clock);

    QList<RaisedAlert> alerts;
    for (const Measurement &measurement : measurements) {
        auto id = repository.insertMeasurement(patientId, unitId, measurement, now);
        if (!id)
            return fail(id.error());
        stored.measurementIds.append(*id);
        stored.created.append(QStringLiteral("measurement:") + *id);
        if (auto alert = evaluator.evaluate(measurement))
            alerts.append({*alert, *id});
    }
    const std::optional<Measurement> first
        = measurements.isEmpty() ? std::nullopt : std::optional<Measurement>(measurements.constFirst());
    if (auto remarkAlert = evaluator.remarkAlert(remark, first))
        alerts.append({*remarkAlert, stored.measurementIds.value(0)});
    if (alerts.isEmpty())
        return stored;

    // One inbox item for the report, as severe as its most severe alert.
    std::stable_sort(alerts.begin(), alerts.end(), [](const RaisedAlert &a, const RaisedAlert &b) {
        return a.alert.severity == Tier::Red && b.alert.severity != Tier::Red;
    });
    QStringList reasons;
    for (const RaisedAlert &raised : std::as_const(alerts))
        reasons.append(raised.alert.reasonSv);
    inbox::InboxItem item;
    item.id = newId();
    item.kind = inbox::Kind::Alert;
    item.priority = alerts.constFirst().alert.severity == Tier::Red ? inbox::Priority::Asap : inbox::Priority::Urgent;
    item.priorityReason = cut(reasons.join(QStringLiteral("; ")), kMaxReasonLength);
    item.unitId = unitId;
    item.patientId = patientId;
    item.title = cut(titleFor(alerts.constFirst().alert, source), kMaxTitleLength);
    item.createdAt = now;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(item.kind, item.priority, now);
    if (auto inserted = inbox::InboxRepository(database).insert(item); !inserted)
        return fail(inserted.error());
    stored.created.append(QStringLiteral("inbox_item:") + item.id);
    for (const RaisedAlert &raised : std::as_const(alerts)) {
        auto id = repository.insertAlert(raised.alert, item.id, patientId, unitId, raised.measurementId, now);
        if (!id)
            return fail(id.error());
        stored.alertIds.append(*id);
        stored.alerts.append(raised.alert);
        stored.created.append(QStringLiteral("monitoring_alert:") + *id);
    }
    stored.alertItem = item;
    return stored;
}

QString SmsReception::outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Stored: return QStringLiteral("stored");
    case Outcome::Alerted: return QStringLiteral("alerted");
    case Outcome::Rejected: return QStringLiteral("rejected");
    case Outcome::NotUnderstood: return QStringLiteral("notUnderstood");
    }
    return {};
}

Result<auth::Patient> SmsReception::sender(const QString &from)
{
    const auto number = nationalPhoneNumber(from);
    if (!number)
        return fail(Error::notFound(QStringLiteral("No patient has this phone number.")));
    // Registered numbers are written as people write them ("070-123 45 67", "+46 70 123 45 67"):
    // compare without spaces and dashes, +46 as 0. REPLACE is the same in SQLite and PostgreSQL.
    auto rows = m_database.query(
        QStringLiteral("SELECT id FROM patients WHERE phone IS NOT NULL AND "
                       "REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '+46', '0'), '0046', '0') = ?"),
        {*number});
    if (!rows)
        return fail(rows.error());
    QStringList ids;
    while (rows->next())
        ids.append(rows->value(0).toString());
    if (ids.size() != 1)
        return fail(Error::notFound(ids.isEmpty() ? QStringLiteral("No patient has this phone number.")
                                                  : QStringLiteral("This phone number belongs to more than one "
                                                                   "patient; the message cannot be assigned.")));
    auto patient = auth::AccountRepository(m_database).patientById(ids.constFirst());
    if (!patient)
        return fail(patient.error());
    if (!patient->has_value())
        return fail(Error::notFound(QStringLiteral("No patient has this phone number.")));
    return **patient;
}

Result<SmsReception::Received> SmsReception::receive(const auth::Patient &patient, const Inbound &inbound)
{
    const qint64 now = m_clock.nowMs();
    Received received;
    auto answer = [&](const QString &text) {
        received.reply = OutgoingSms{inbound.from, inbound.to, text, patient.id, now};
    };

    auto unit = reportingUnit(m_database, patient.id);
    if (!unit)
        return fail(unit.error());
    const QString unitId = *unit;

    auto report = SmsParser::parse(inbound.message, m_clock.now());
    if (!report) {
        const auto problem = SmsParser::problemOf(report.error());
        if (problem == SmsParser::Problem::TooLong)
            return fail(report.error());
        if (problem != SmsParser::Problem::NotUnderstood) {
            received.outcome = Outcome::Rejected;
            answer(report.error().message);
            return received;
        }
        received.outcome = Outcome::NotUnderstood;
        answer(SmsParser::helpText());
        if (inbound.message.trimmed().isEmpty())
            return received; // nothing to keep
        const auth::Caller caller = patientCaller(patient);
        chat::Conversation conversation(m_database);
        auto open = conversation.newestOpenThreadIn(patient.id, unitId);
        if (!open)
            return fail(open.error());
        auto posted = open->has_value()
            ? conversation.postAsPatient(caller, **open, inbound.message, now)
            : conversation.startAsPatient(caller, inbound.message, now, QStringLiteral("Meddelande via SMS"));
        if (!posted)
            return fail(posted.error());
        received.chatItemId = posted->item.id;
        received.chatMessageId = posted->message.id;
        if (!open->has_value())
            received.created.append(QStringLiteral("inbox_item:") + posted->item.id);
        received.created.append(QStringLiteral("chat_message:") + posted->message.id);
        return received;
    }

    auto stored = storeReport(m_database, m_clock, patient.id, unitId, report->measurements, report->remark,
                              MeasurementSource::Sms);
    if (!stored)
        return fail(stored.error());
    received.outcome = stored->alertItem ? Outcome::Alerted : Outcome::Stored;
    received.measurementIds = stored->measurementIds;
    received.alertItem = stored->alertItem;
    received.alertIds = stored->alertIds;
    received.created = stored->created;
    return received;
}

} // namespace nara::monitoring
