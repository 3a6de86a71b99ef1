#pragma once

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"
#include "video/core/visit.h"

#include <optional>

namespace nara::video {

// Visits and their participants in the server's database. Every write appends the visit's new
// state to the change log: for the visit's unit, and for each staff participant who does not work
// there, a row only that participant sees (in one of their own units). Runs inside the caller's
// transaction.
class VisitRepository
{
public:
    explicit VisitRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // Stores a new visit with its participants (participant names are not stored: they are read
    // from staff and patients).
    Result<void> insert(const Visit &visit);
    Result<std::optional<Visit>> byId(const QString &id);
    Result<std::optional<Visit>> byItemId(const QString &itemId);
    // Writes `visit` over the stored row of the same id and version; returns it with version + 1.
    // Conflict when the stored version moved on meanwhile. Participants do not change.
    Result<Visit> update(const Visit &visit, qint64 at);

    // Sends `item` (the visit's inbox item) to the staff participants who do not work in its unit,
    // as InboxRepository already did for the unit itself.
    Result<void> shareItem(const Visit &visit, const inbox::InboxItem &item, qint64 at);
    // Sends the patient (entity "patient") to those participants, so their workstation can name them.
    Result<void> sharePatient(const Visit &visit, qint64 at);

private:
    // (unit, staff) pairs for the change log: {unit, ""} and one per staff participant of another unit.
    Result<QList<std::pair<QString, QString>>> audiences(const Visit &visit);
    Result<void> log(const Visit &visit, qint64 at);
    Result<std::optional<Visit>> where(const QString &column, const QString &value);

    storage::Database &m_database;
};

} // namespace nara::video
