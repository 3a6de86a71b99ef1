#pragma once

#include "foundation/core/error.h"

#include <QJsonObject>
#include <QString>

namespace nara::chat {

// One message in a chat thread (FHIR Communication; a staff-only note has another category).
struct ChatMessage
{
    enum class Author { Patient, Staff };

    QString id; // chosen by the writer (works offline, doubles as idempotency)
    QString itemId; // the inbox item (thread) it belongs to
    Author author = Author::Staff;
    QString authorId;
    QString authorName;
    QString body;
    bool staffOnly = false; // a note for colleagues: never reaches the patient
    qint64 createdAt = 0;

    static constexpr qsizetype kMaxBodyLength = 10000;

    QJsonObject toJson() const;
    static Result<ChatMessage> fromJson(const QJsonObject &object);
    bool operator==(const ChatMessage &) const = default;
};

} // namespace nara::chat
