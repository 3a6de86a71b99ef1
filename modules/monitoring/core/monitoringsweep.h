#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

namespace nara::monitoring {

// The overdue-measurement job (docs/api/contract.md, "Monitoring plans and alert handling"): for
// every patient with a plan, each planned type whose last measurement (or the plan's start) is
// older than its interval + 25 % (AlertEvaluator::overdue) raises one overdue alert (orange) with an
// inbox item of kind alert, priority urgent, in the plan's unit, titled "Blodtryck saknas sedan
// 2026-11-20 (intervall 24 h)". It is not raised again for that type until a newer measurement has
// arrived (and is overdue in turn).
//
// Reads each patient's plan and measurements without a transaction first, so a run that finds
// nothing new takes no write lock; a patient with an overdue type not raised yet gets one
// transaction, in which everything is read again. A guard row (monitoring_overdue, keyed by
// patient, type and the time the overdue is counted from) is inserted in the same transaction as
// the alert, so two server processes sweeping one PostgreSQL at once raise each alert once. Audit
// rows name the job (role "system", client "overdue-sweep").
//
// Returns how many alerts were raised. A patient whose sweep fails (a storage error, a stored plan
// that no longer reads) does not stop the others: the first such error is returned after every
// patient has been tried, so the caller announces pushes by comparing the change log's latest
// sequence before and after rather than by the count.
Result<int> sweepOverdue(storage::Database &database, const Clock &clock);

} // namespace nara::monitoring
