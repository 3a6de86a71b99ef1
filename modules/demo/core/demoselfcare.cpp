#include "demo/core/demoselfcare.h"

#include "forms/core/formanswering.h"
#include "forms/core/formseries.h"
#include "inbox/core/inboxrepository.h"
#include "monitoring/core/monitoringrepository.h"
#include "monitoring/core/smsreception.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace nara::demo {

namespace {

using monitoring::Measurement;
using monitoring::MeasurementSource;
using monitoring::MeasurementType;

constexpr qint64 kHour = 60 * 60 * 1000;
constexpr qint64 kDay = 24 * kHour;
constexpr int kHistoryDays = 30;

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

monitoring::MonitoringPlan plan(qint64 startAt, QList<MeasurementType> types)
{
    monitoring::MonitoringPlan result;
    result.startAt = at(startAt);
    for (MeasurementType type : types)
        result.measurements.append({type, {1, monitoring::MeasurementInterval::Unit::Days}});
    return result;
}

// A smooth, repeatable wobble around a level: no random numbers, so the demo is the same each run.
double wobble(int day, double level, double amplitude, int phase)
{
    return level + amplitude * std::sin((day + phase) * 0.9) + amplitude * 0.4 * std::cos((day * 3 + phase) * 0.7);
}

struct Reading
{
    MeasurementType type;
    QList<double> values;
};

// What one patient measured on `day` (0 = 30 days ago) around their levels.
QList<Reading> readingsOn(int patient, int day)
{
    const int phase = patient * 5;
    const double systolic = 138 + patient * 3;
    QList<Reading> readings{
        {MeasurementType::BloodPressure,
         {std::round(wobble(day, systolic, 7, phase)), std::round(wobble(day, systolic * 0.6, 4, phase + 2))}}};
    if (patient % 3 == 1)
        readings.append({MeasurementType::Weight, {std::round(wobble(day, 84 + patient, 0.6, phase) * 10) / 10}});
    if (patient % 3 == 2)
        readings.append({MeasurementType::Glucose, {std::round(wobble(day, 7.2, 0.8, phase) * 10) / 10}});
    return readings;
}

struct TodaysReport
{
    QList<Reading> readings;
    QString remark;
};

// Today's reports, with every type the patient's plan asks for (so only the fourth patient, who
// stopped reporting three days ago, is overdue, whatever the time of day): one red blood pressure,
// one orange, one remark, the rest within limits.
TodaysReport todaysReport(int patient)
{
    switch (patient) {
    case 0: return {{{MeasurementType::BloodPressure, {184, 98}}, {MeasurementType::Pulse, {88}}}, {}};
    case 1: return {{{MeasurementType::BloodPressure, {162, 94}}, readingsOn(patient, kHistoryDays).at(1)}, {}};
    case 2:
        return {{{MeasurementType::BloodPressure, {141, 86}}, readingsOn(patient, kHistoryDays).at(1)},
                QStringLiteral("Lite yr på morgonen")};
    default: return {readingsOn(patient, kHistoryDays), {}};
    }
}

Result<QList<Measurement>> measurements(const QList<Reading> &readings, qint64 when)
{
    QList<Measurement> result;
    for (const Reading &reading : readings) {
        auto made = Measurement::create(reading.type, reading.values, at(when), MeasurementSource::Sms);
        if (!made)
            return fail(made.error());
        result.append(*made);
    }
    return result;
}

} // namespace

Result<int> addSelfMonitoring(storage::Database &database, const Clock &clock, const QList<SelfCarePatient> &patients,
                              const QString &staffId)
{
    const qint64 now = clock.nowMs();
    const qint64 today = now - now % kDay;
    monitoring::MonitoringRepository repository(database);
    int items = 0;
    for (int p = 0; p < patients.size(); ++p) {
        const SelfCarePatient &patient = patients.at(p);
        QList<MeasurementType> types;
        for (const Reading &reading : readingsOn(p, 0))
            types.append(reading.type);
        const qint64 start = today - (kHistoryDays + 1) * kDay;
        if (auto saved = repository.savePlan(patient.patientId, patient.unitId, plan(start + 8 * kHour, types),
                                             std::nullopt, staffId, start);
            !saved)
            return fail(saved.error());
        const bool stoppedReporting = p == 3; // the overdue job raises an alert for this one
        for (int day = 0; day < (stoppedReporting ? kHistoryDays - 3 : kHistoryDays); ++day) {
            const qint64 when = start + (day + 1) * kDay + 7 * kHour + (p * 11 + day * 7) % 90 * 60 * 1000;
            auto taken = measurements(readingsOn(p, day), when);
            if (!taken)
                return fail(taken.error());
            for (const Measurement &measurement : *taken)
                if (auto stored = repository.insertMeasurement(patient.patientId, patient.unitId, measurement, when);
                    !stored)
                    return fail(stored.error());
        }
        if (stoppedReporting)
            continue;
        const TodaysReport report = todaysReport(p);
        const qint64 when = now - (p + 1) * kHour;
        auto taken = measurements(report.readings, when);
        if (!taken)
            return fail(taken.error());
        const FixedClock reportClock(when);
        auto stored = monitoring::storeReport(database, reportClock, patient.patientId, patient.unitId, *taken,
                                              report.remark, MeasurementSource::Sms);
        if (!stored)
            return fail(stored.error());
        items += stored->alertItem.has_value();
    }
    return items;
}

} // namespace nara::demo

namespace nara::demo {

namespace {

// The demo server listens here (nara.sh demo); links of later occasions are built from it.
const QString kDemoPortalLink = QStringLiteral("http://127.0.0.1:8080/portal/#");

// A QuestionnaireResponse to PHQ-9 or GAD-7 (flat, every item a choice of the same four answers):
// `scores` 0–3 per item in order.
QByteArray responseJson(const QString &name, const QList<int> &scores)
{
    static const QStringList codes{QStringLiteral("not-at-all"), QStringLiteral("several-days"),
                                   QStringLiteral("more-than-half"), QStringLiteral("nearly-every-day")};
    const QString prefix = name == u"phq-9" ? QStringLiteral("phq9-") : QStringLiteral("gad7-");
    QJsonArray items;
    for (int i = 0; i < scores.size(); ++i) {
        QJsonObject coding;
        coding.insert(QStringLiteral("code"), codes.at(scores.at(i)));
        QJsonObject answer;
        answer.insert(QStringLiteral("valueCoding"), coding);
        QJsonObject item;
        item.insert(QStringLiteral("linkId"), QString(prefix + QString::number(i + 1)));
        item.insert(QStringLiteral("answer"), QJsonArray{answer});
        items.append(item);
    }
    QJsonObject response;
    response.insert(QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse"));
    response.insert(QStringLiteral("questionnaire"),
                    QString(QStringLiteral("https://nara.se/fhir/Questionnaire/") + name));
    response.insert(QStringLiteral("status"), QStringLiteral("completed"));
    response.insert(QStringLiteral("item"), items);
    return QJsonDocument(response).toJson(QJsonDocument::Compact);
}

struct DemoForms
{
    storage::Database &db;
    const auth::Caller &staff;
    int items = 0;

    Result<QList<forms::FormRequest>> send(qint64 at, const SelfCarePatient &patient, const QString &name,
                                           int dueInDays, std::optional<int> everyDays = {},
                                           std::optional<qint64> untilAt = {})
    {
        const FixedClock clock(at);
        forms::FormSeries::Sending sending;
        sending.patientId = patient.patientId;
        sending.questionnaireId = name;
        sending.dueInDays = dueInDays;
        sending.everyDays = everyDays;
        sending.untilAt = untilAt;
        sending.unitId = patient.unitId;
        sending.linkPrefix = kDemoPortalLink;
        return forms::FormSeries(db, clock).send(staff, sending);
    }

    // The patient answers at `at`; a handled answer was closed by the nurse the next day.
    Result<void> answer(qint64 at, const forms::FormRequest &request, const QList<int> &scores, bool handled = false)
    {
        const FixedClock clock(at);
        auto answered = forms::FormAnswering(db, clock).answer(request.patientId, request.id,
                                                               responseJson(request.questionnaireId, scores));
        if (!answered)
            return fail(answered.error());
        ++items;
        if (!handled)
            return {};
        inbox::InboxItem item = answered->item;
        item.state = inbox::State::Done;
        item.ownerId = staff.id;
        item.claimedAt = at + kDay;
        item.lastActivityAt = at + kDay;
        if (auto closed = inbox::InboxRepository(db).update(item, at + kDay); !closed)
            return fail(closed.error());
        return {};
    }
};

} // namespace

Result<int> addForms(storage::Database &database, const Clock &clock, const QList<SelfCarePatient> &patients,
                     const auth::Caller &staff)
{
    if (patients.size() < 3)
        return fail(ErrorCode::Internal, QStringLiteral("The demo's forms need three patients."));
    const qint64 now = clock.nowMs();
    DemoForms demo{database, staff};

    // A depression follow-up every 14 days: 17 → 12 → 7 points (an improvement of 5), the fourth occasion open now.
    const qint64 seriesStart = now - 42 * kDay - 2 * kHour;
    auto series = demo.send(seriesStart, patients.at(0), QStringLiteral("phq-9"), 7, 14, now + 14 * kDay);
    if (!series)
        return fail(series.error());
    const QList<QList<int>> followUp{
        {3, 2, 2, 2, 2, 2, 2, 2, 0}, {2, 2, 2, 1, 2, 1, 1, 1, 0}, {1, 1, 1, 1, 1, 1, 1, 0, 0}};
    for (int i = 0; i < followUp.size() && i < series->size(); ++i)
        if (auto done = demo.answer(series->at(i).availableAt + kDay + i * kHour, series->at(i), followUp.at(i),
                                    i + 1 < followUp.size());
            !done)
            return fail(done.error());
    auto anxiety = demo.send(now - 5 * kDay, patients.at(0), QStringLiteral("gad-7"), 7);
    if (!anxiety)
        return fail(anxiety.error());
    if (auto done = demo.answer(now - 3 * kHour, anxiety->first(), {2, 2, 1, 2, 1, 2, 1}); !done)
        return fail(done.error());

    // Answered this morning with thoughts of self-harm on some days: a stat item with its reason.
    auto once = demo.send(now - 2 * kDay, patients.at(1), QStringLiteral("phq-9"), 7);
    if (!once)
        return fail(once.error());
    if (auto done = demo.answer(now - 90 * 60 * 1000, once->first(), {2, 2, 2, 2, 1, 2, 1, 1, 2}); !done)
        return fail(done.error());

    // Sent ten days ago, due in seven, never answered: overdue once the server's job has run.
    if (auto overdue = demo.send(now - 10 * kDay, patients.at(2), QStringLiteral("gad-7"), 7); !overdue)
        return fail(overdue.error());
    return demo.items;
}

} // namespace nara::demo
