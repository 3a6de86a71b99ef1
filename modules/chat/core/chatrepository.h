#pragma once

#include "chat/core/chatmessage.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>

#include <optional>

namespace nara::chat {

// Chat messages in the server's database. insert() also appends the message to the change log
// (entity "chat_message", visible to staff of `unitId`), so it runs inside the caller's transaction.
class ChatRepository
{
public:
    explicit ChatRepository(storage::Database &database)
        : m_database(database)
    {
    }

    Result<void> insert(const ChatMessage &message, const QString &unitId);
    Result<std::optional<ChatMessage>> byId(const QString &id);
    // Oldest first. Without `includeStaffOnly`, notes for colleagues are left out (the patient's view).
    Result<QList<ChatMessage>> messagesFor(const QString &itemId, bool includeStaffOnly);

private:
    storage::Database &m_database;
};

} // namespace nara::chat
