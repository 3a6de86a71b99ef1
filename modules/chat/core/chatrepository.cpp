#include "chat/core/chatrepository.h"

#include "sync/core/changelog.h"

#include <QSqlQuery>

namespace nara::chat {

namespace {

const QString kColumns
    = QStringLiteral("id, item_id, author_kind, author_id, author_name, body, staff_only, created_at");

ChatMessage fromRow(const QSqlQuery &row)
{
    ChatMessage message;
    message.id = row.value(0).toString();
    message.itemId = row.value(1).toString();
    message.author = row.value(2).toString() == u"patient" ? ChatMessage::Author::Patient : ChatMessage::Author::Staff;
    message.authorId = row.value(3).toString();
    message.authorName = row.value(4).toString();
    message.body = row.value(5).toString();
    message.staffOnly = row.value(6).toLongLong() != 0;
    message.createdAt = row.value(7).toLongLong();
    return message;
}

} // namespace

Result<void> ChatRepository::insert(const ChatMessage &message, const QString &unitId)
{
    auto done = m_database.execute(
        QStringLiteral("INSERT INTO chat_messages (") + kColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {message.id, message.itemId,
         message.author == ChatMessage::Author::Patient ? QStringLiteral("patient") : QStringLiteral("staff"),
         message.authorId, message.authorName, message.body, message.staffOnly ? 1 : 0, message.createdAt});
    if (!done)
        return fail(done.error());
    auto seq = sync::ChangeLog(m_database)
                   .append(unitId, QStringLiteral("chat_message"), message.id, message.toJson(), message.createdAt);
    if (!seq)
        return fail(seq.error());
    return {};
}

Result<std::optional<ChatMessage>> ChatRepository::byId(const QString &id)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM chat_messages WHERE id = ?"), {id});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<ChatMessage>{};
    return std::optional<ChatMessage>(fromRow(*rows));
}

Result<QList<ChatMessage>> ChatRepository::messagesFor(const QString &itemId, bool includeStaffOnly)
{
    auto rows = m_database.query(QStringLiteral("SELECT ") + kColumns
                                     + QStringLiteral(" FROM chat_messages WHERE item_id = ?")
                                     + (includeStaffOnly ? QString() : QStringLiteral(" AND staff_only = 0"))
                                     + QStringLiteral(" ORDER BY created_at, id"),
                                 {itemId});
    if (!rows)
        return fail(rows.error());
    QList<ChatMessage> messages;
    while (rows->next())
        messages.append(fromRow(*rows));
    return messages;
}

} // namespace nara::chat
