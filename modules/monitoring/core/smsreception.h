#pragma once

#include "auth/core/accountrepository.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "monitoring/core/smsgateway.h"
#include "storage/core/database.h"

#include <QStringList>

#include <optional>

namespace nara::monitoring {

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
