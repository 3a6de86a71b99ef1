#include "chat/core/chatmessage.h"

namespace nara::chat {

QJsonObject ChatMessage::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("itemId"), itemId},
        {QStringLiteral("authorKind"), author == Author::Patient ? QStringLiteral("patient") : QStringLiteral("staff")},
        {QStringLiteral("authorId"), authorId},
        {QStringLiteral("authorName"), authorName},
        {QStringLiteral("body"), body},
        {QStringLiteral("staffOnly"), staffOnly},
        {QStringLiteral("createdAt"), createdAt},
    };
}

Result<ChatMessage> ChatMessage::fromJson(const QJsonObject &o)
{
    ChatMessage message;
    message.id = o.value(QStringLiteral("id")).toString();
    message.itemId = o.value(QStringLiteral("itemId")).toString();
    const QString authorKind = o.value(QStringLiteral("authorKind")).toString();
    if (message.id.isEmpty() || message.itemId.isEmpty() || (authorKind != u"patient" && authorKind != u"staff"))
        return fail(ErrorCode::InvalidInput, QStringLiteral("Malformed chat message"));
    message.author = authorKind == u"patient" ? Author::Patient : Author::Staff;
    message.authorId = o.value(QStringLiteral("authorId")).toString();
    message.authorName = o.value(QStringLiteral("authorName")).toString();
    message.body = o.value(QStringLiteral("body")).toString();
    message.staffOnly = o.value(QStringLiteral("staffOnly")).toBool();
    message.createdAt = o.value(QStringLiteral("createdAt")).toInteger();
    return message;
}

} // namespace nara::chat
