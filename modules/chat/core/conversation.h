#pragma once

#include "auth/core/caller.h"
#include "chat/core/chatmessage.h"
#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"
#include "storage/core/database.h"

#include <QList>

#include <optional>

namespace nara::chat {

// A chat thread as staff and patients use it: writing, reading and starting threads. Checks
// access (another unit's item or patient is NotFound), the body, who holds the item and the
// thread rules (threadrules.h), and stores message and item with their change-log entries.
// Runs inside the caller's transaction; the route writes the audit rows.
class Conversation
{
public:
    struct Posted
    {
        ChatMessage message;
        inbox::InboxItem item;
        bool replayed = false; // the message id was already stored with the same content
    };

    struct StaffMessage
    {
        QString id; // optional, chosen by the workstation (works offline); empty: a new id
        QString body;
        bool staffOnly = false;
    };

    explicit Conversation(storage::Database &database)
        : m_database(database)
    {
    }

    // Staff see every message, patients no staff-only notes and only their own threads.
    Result<QList<ChatMessage>> messages(const auth::Caller &caller, const QString &itemId);

    Result<Posted> postAsStaff(const auth::Caller &caller, const QString &itemId, const StaffMessage &message,
                               qint64 now);
    Result<Posted> postAsPatient(const auth::Caller &patient, const QString &itemId, const QString &body, qint64 now);

    // A staff member starts a thread with a patient of one of their units: the item is theirs and
    // waits on the patient.
    Result<Posted> startAsStaff(const auth::Caller &caller, const QString &patientId, const QString &title,
                                const QString &body, qint64 now);
    // A patient writes without an open thread: a new chat in the pool of their first care unit,
    // titled `title` (empty: "Meddelande via patientportalen").
    Result<Posted> startAsPatient(const auth::Caller &patient, const QString &body, qint64 now,
                                  const QString &title = {});

    // The id of the patient's most recently active open (not done) chat thread of `unitId`, if
    // any; another unit's threads do not count. Checks no access (the caller already has).
    Result<std::optional<QString>> newestOpenThreadIn(const QString &patientId, const QString &unitId);

    static constexpr qsizetype kMaxTitleLength = 200;
    static constexpr qsizetype kMaxIdLength = 64;

private:
    storage::Database &m_database;
};

} // namespace nara::chat
