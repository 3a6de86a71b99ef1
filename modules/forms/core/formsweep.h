#pragma once

#include "forms/core/formrequest.h"
#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"

namespace nara::forms {

// An audit row for a change the server made on its own (the periodic job): user empty, role
// "system", client "sweep", in the request's unit, about its patient.
Result<void> auditAsSystem(storage::Database &database, qint64 at, const FormRequest &request, const QString &action,
                           const QString &object);

// The forms part of the server's periodic job (docs/api/contract.md, "Forms", overdue job): a
// pending request whose due time has passed becomes overdue with an inbox item of kind form
// (routine, "<title> ej besvarat", "Förfallodag 2026-11-20 passerad") in the request's unit.
// Each request is handled in a transaction of its own (the job runs outside any), with an audit
// row per change (user: the system). The state change is the guard: a request another process
// turned overdue first is left alone, so each occasion gets at most one item.
class FormSweep
{
public:
    static constexpr int kBatch = 500; // requests per run; the rest follow on the next run

    FormSweep(storage::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    {
    }

    // Returns the number of requests turned overdue. A request that fails does not stop the
    // others: the first error is returned after all have been tried.
    Result<int> markOverdue();
    // One request: turned overdue (true) or left as it was (false: not pending, or not due yet).
    // Runs inside the caller's transaction; Conflict (roll back) when the request changed between
    // reading and writing it.
    Result<bool> markOverdue(const QString &requestId);

    // The overdue item of a request (not stored): title, reason and due time as the contract says.
    static inbox::InboxItem overdueItem(const FormRequest &request, qint64 now);

private:
    storage::Database &m_database;
    const Clock &m_clock;
};

} // namespace nara::forms
