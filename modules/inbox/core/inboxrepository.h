#pragma once

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "inbox/core/inboxread.h"
#include "storage/core/database.h"

#include <QList>

#include <optional>

namespace nara::inbox {

// Inbox items and per-staff read markers in the server's database. Every write also appends the
// entity's new state to the change log (sync), so it must run inside the caller's transaction.
class InboxRepository
{
public:
    explicit InboxRepository(storage::Database &database)
        : m_database(database)
    {
    }

    // Stores a new item as given (version as given, normally 1).
    Result<void> insert(const InboxItem &item);
    Result<std::optional<InboxItem>> byId(const QString &id);
    // Writes `item` over the stored row of the same id and version; returns it with version + 1
    // and updatedAt = `at`. Conflict when the stored version moved on meanwhile.
    Result<InboxItem> update(const InboxItem &item, qint64 at);
    Result<InboxRead> markRead(const QString &itemId, const QString &staffId, qint64 at);

    // The patient's newest chat that is not done, if any.
    Result<std::optional<InboxItem>> newestOpenChatOf(const QString &patientId);

private:
    Result<void> log(const InboxItem &item, qint64 at);

    storage::Database &m_database;
};

} // namespace nara::inbox
