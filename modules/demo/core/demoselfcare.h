#pragma once

#include "auth/core/caller.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>
#include <QString>

namespace nara::demo {

// A demo patient who takes part in self-care (monitoring or forms) and the care centre that
// follows them.
struct SelfCarePatient
{
    QString patientId;
    QString unitId;
};

// Self-monitoring for the demo region (issue 4): monitoring plans for `patients` (blood pressure
// daily, for some also weight or glucose) written by `staffId`, 30 days of readings through the
// repository (so sync sends them), and today's reports through the same path as an SMS, so the
// inbox holds a red and an orange alert and a remark (and one patient stopped reporting three days
// ago, for the overdue job). Deterministic for the clock's now. Returns
// the number of inbox items added. Runs inside the caller's transaction.
Result<int> addSelfMonitoring(storage::Database &database, const Clock &clock, const QList<SelfCarePatient> &patients,
                              const QString &staffId);

// Forms for the demo region (issue 4), sent by `staff` (a nurse of the patients' unit): a PHQ-9
// follow-up every 14 days for the first patient with three answers that improve (the trend chart;
// the first two already handled)
// and the fourth occasion open now, a PHQ-9 answered today with item 9 above 0 (a stat item) for the
// second, a GAD-7 for the third that passed its due date unanswered (the overdue job marks it) and
// a GAD-7 answered with moderate anxiety for the first. Returns the number of inbox items added.
Result<int> addForms(storage::Database &database, const Clock &clock, const QList<SelfCarePatient> &patients,
                     const auth::Caller &staff);

} // namespace nara::demo
