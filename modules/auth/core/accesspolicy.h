#pragma once

#include "auth/core/caller.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

namespace nara::auth {

// Who may see what (DESIGN.md §4): staff see patients with a care relation to one of their units,
// and inbox items owned by their units' pools. A patient sees only their own data.
// Denials are NotFound, never Forbidden: another unit's patient must not be confirmed to exist.
class AccessPolicy
{
public:
    explicit AccessPolicy(storage::Database &database)
        : m_database(database)
    {
    }

    Result<void> requirePatient(const Caller &caller, const QString &patientId);
    // The item's unit must be one of the caller's units (or, for a patient, the item's patient).
    Result<void> requireItem(const Caller &caller, const QString &itemId);
    bool hasRole(const Caller &caller, std::initializer_list<QStringView> roles) const;

private:
    storage::Database &m_database;
};

} // namespace nara::auth
