#pragma once

#include "auth/core/caller.h"
#include "forms/core/formrequest.h"
#include "forms/core/formschedule.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>

namespace nara::forms {

// Staff send a form to a patient, once or on a schedule, and cancel what is still pending
// (docs/api/contract.md, "Forms"). Access follows care units: the patient must have a care
// relation with one of the caller's units (else NotFound), and the requests belong to one of
// those units. Runs inside the caller's transaction, with an audit row per request.
class FormSeries
{
public:
    struct Sending
    {
        QString patientId;
        QString questionnaireId; // a bundled questionnaire ("phq-9")
        int dueInDays = FormSchedule::kDefaultDueInDays;
        std::optional<int> everyDays;
        std::optional<qint64> untilAt;
        QString unitId; // empty: the patient's first unit that is one of the caller's
        QString linkPrefix; // "<portal base>/portal/#", kept for the links of later occasions
    };

    FormSeries(storage::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    {
    }

    // Creates every occasion at once under a new series id; the first one counts as notified (the
    // caller hands its link over). InvalidInput naming the field for an unknown questionnaire or
    // a bad schedule; NotFound for a patient or unit the caller may not use.
    Result<QList<FormRequest>> send(const auth::Caller &staff, const Sending &sending);
    // The pending occasions of the series become cancelled; answered and overdue ones stay.
    // Returns every occasion. NotFound for an unknown series or one of another unit.
    Result<QList<FormRequest>> cancel(const auth::Caller &staff, const QString &seriesId);

private:
    Result<QString> unitFor(const auth::Caller &staff, const QString &patientId, const QString &unitId);

    storage::Database &m_database;
    const Clock &m_clock;
};

} // namespace nara::forms
