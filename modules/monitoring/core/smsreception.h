#pragma once

#include "auth/core/accountrepository.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "monitoring/core/measurement.h"
#include "monitoring/core/monitoringalert.h"
#include "monitoring/core/smsgateway.h"
#include "storage/core/database.h"

#include <QStringList>

#include <optional>

namespace nara::monitoring {

// What one report from a patient (an SMS or the portal's form) left behind.
struct StoredReport
{
    QStringList measurementIds; // in the order of the measurements
    std::optional<inbox::InboxItem> alertItem; // the one alert item, if anything deviated
    QList<MonitoringAlert> alerts; // most severe first, one per alertIds entry
    QStringList alertIds;
    QStringList created; // "measurement:<id>", "inbox_item:<id>", "monitoring_alert:<id>" for the audit log
};

// The care unit a patient's reports go to (their first unit); NotFound if they have none.
Result<QString> reportingUnit(storage::Database &database, const QString &patientId);

// Stores a patient's measurements and evaluates them against their plan (else the default
// thresholds); a value beyond a threshold or a non-empty remark raises alerts: one inbox item of
// kind alert in `unitId` (red → asap, orange → urgent, the reasons as priorityReason) and one stored
// alert each. The one path for every channel (SMS, portal); the title names the channel from the
// measurements' source. Runs inside the caller's transaction; writes no audit rows.
Result<StoredReport> storeReport(storage::Database &database, const Clock &clock, const QString &patientId,
                                 const QString &unitId, const QList<Measurement> &measurements, const QString &remark,
                                 MeasurementSource source);

// What the SMS webhook does with one text message from a patient (docs/api/contract.md, "SMS"):
//   - measurements are stored; a value beyond the patient's plan (or the default thresholds) or a
//     remark with them raises an alert: an inbox item of kind alert in the patient's care unit
//     (red → asap, orange → urgent, the reason as priorityReason) with one stored alert each;
//   - an incomplete or implausible value is answered with the parser's Swedish error, nothing stored;
//   - a message without any measurement is answered with the help text and kept as the patient's
//     chat message (their open thread of the unit, else a new one).
// Runs inside the caller's transaction; writes no audit rows (the route does, from `created`) and
// sends nothing (the route sends `reply` once the transaction has committed).
class SmsReception
{
public:
    struct Inbound
    {
        QString from;
        QString to;
        QString message;
    };

    enum class Outcome { Stored, Alerted, Rejected, NotUnderstood };
    static QString outcomeKey(Outcome outcome); // "stored", "alerted", "rejected", "notUnderstood"

    struct Received
    {
        Outcome outcome = Outcome::Stored;
        QStringList measurementIds;
        std::optional<inbox::InboxItem> alertItem;
        QStringList alertIds;
        QString chatItemId;
        QString chatMessageId;
        QStringList created; // "measurement:<id>", "inbox_item:<id>", … for the audit log
        std::optional<OutgoingSms> reply;
    };

    SmsReception(storage::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    {
    }

    // The patient whose registered phone is `from` (national, +46, 0046; spaces and dashes are
    // ignored). NotFound for an unknown or unusable number and for a number registered for more than
    // one patient (the message cannot be told apart).
    Result<auth::Patient> sender(const QString &from);

    Result<Received> receive(const auth::Patient &patient, const Inbound &inbound);

private:
    storage::Database &m_database;
    const Clock &m_clock;
};

} // namespace nara::monitoring
