#include "chat/core/conversation.h"

#include "auth/core/accesspolicy.h"
#include "auth/core/accountrepository.h"
#include "chat/core/chatrepository.h"
#include "chat/core/threadrules.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/itemworkflow.h"
#include "inbox/core/lifecycle.h"

namespace nara::chat {

namespace {

// The message that opens a new thread.
ChatMessage firstMessage(const QString &itemId, ChatMessage::Author author, const auth::Caller &writer,
                         const QString &body, qint64 now)
{
    ChatMessage message;
    message.id = newId();
    message.itemId = itemId;
    message.author = author;
    message.authorId = writer.id;
    message.authorName = writer.displayName;
    message.body = body;
    message.createdAt = now;
    return message;
}

using inbox::InboxItem;

Result<void> checkId(const QString &id)
{
    const bool ok
        = !id.isEmpty() && id.size() <= Conversation::kMaxIdLength && std::all_of(id.begin(), id.end(), [](QChar c) {
              return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
                  || c == u'_';
          });
    if (!ok)
        return fail(
            ErrorCode::InvalidInput,
            QStringLiteral("A message id is 1–%1 letters, digits, '-' or '_'.").arg(Conversation::kMaxIdLength));
    return {};
}

InboxItem newChat(const QString &unitId, const QString &patientId, const QString &title, qint64 now)
{
    InboxItem item;
    item.id = newId();
    item.kind = inbox::Kind::Chat;
    item.priority = inbox::Priority::Routine;
    item.unitId = unitId;
    item.patientId = patientId;
    item.title = title;
    item.createdAt = now;
    item.updatedAt = now;
    item.lastActivityAt = now;
    item.dueAt = inbox::dueAtFor(item.kind, item.priority, now);
    return item;
}

} // namespace

Result<QList<ChatMessage>> Conversation::messages(const auth::Caller &caller, const QString &itemId)
{
    if (auto allowed = auth::AccessPolicy(m_database).requireItem(caller, itemId); !allowed)
        return fail(allowed.error());
    return ChatRepository(m_database).messagesFor(itemId, caller.isStaff());
}

Result<Conversation::Posted> Conversation::postAsStaff(const auth::Caller &caller, const QString &itemId,
                                                       const StaffMessage &message, qint64 now)
{
    if (auto ok = checkBody(message.body); !ok)
        return fail(ok.error());
    if (!message.id.isEmpty())
        if (auto ok = checkId(message.id); !ok)
            return fail(ok.error());
    auto item = inbox::ItemWorkflow(m_database).item(caller, itemId);
    if (!item)
        return fail(item.error());

    ChatRepository messages(m_database);
    if (!message.id.isEmpty()) {
        auto existing = messages.byId(message.id);
        if (!existing)
            return fail(existing.error());
        if (existing->has_value()) {
            const ChatMessage &stored = **existing;
            if (stored.itemId == itemId && stored.authorId == caller.id && stored.body == message.body
                && stored.staffOnly == message.staffOnly)
                return Posted{stored, *item, true};
            return fail(ErrorCode::Conflict, QStringLiteral("This message id is already used by another message."));
        }
    }

    if (!message.staffOnly && item->state != inbox::State::Done && !item->ownerId.isEmpty()
        && item->ownerId != caller.id)
        return fail(inbox::ItemWorkflow::heldByColleague(m_database, *item));
    auto next = afterStaffMessage(*item, caller.id, message.staffOnly, now);
    if (!next)
        return fail(next.error());

    ChatMessage stored;
    stored.id = message.id.isEmpty() ? newId() : message.id;
    stored.itemId = itemId;
    stored.author = ChatMessage::Author::Staff;
    stored.authorId = caller.id;
    stored.authorName = caller.displayName;
    stored.body = message.body;
    stored.staffOnly = message.staffOnly;
    stored.createdAt = now;
    if (auto inserted = messages.insert(stored, item->unitId); !inserted)
        return fail(inserted.error());
    auto updated = inbox::InboxRepository(m_database).update(*next, now);
    if (!updated)
        return fail(updated.error());
    return Posted{stored, *updated, false};
}

Result<Conversation::Posted> Conversation::postAsPatient(const auth::Caller &patient, const QString &itemId,
                                                         const QString &body, qint64 now)
{
    if (!patient.isPatient())
        return fail(ErrorCode::Forbidden, QStringLiteral("Only the patient writes as the patient."));
    if (auto ok = checkBody(body); !ok)
        return fail(ok.error());
    auto item = inbox::ItemWorkflow(m_database).item(patient, itemId);
    if (!item)
        return fail(item.error());
    ChatMessage stored;
    stored.id = newId();
    stored.itemId = itemId;
    stored.author = ChatMessage::Author::Patient;
    stored.authorId = patient.id;
    stored.authorName = patient.displayName;
    stored.body = body;
    stored.createdAt = now;
    if (auto inserted = ChatRepository(m_database).insert(stored, item->unitId); !inserted)
        return fail(inserted.error());
    auto updated = inbox::InboxRepository(m_database).update(afterPatientMessage(*item, now), now);
    if (!updated)
        return fail(updated.error());
    return Posted{stored, *updated, false};
}

Result<Conversation::Posted> Conversation::startAsStaff(const auth::Caller &caller, const QString &patientId,
                                                        const QString &title, const QString &body, qint64 now)
{
    if (auto allowed = auth::AccessPolicy(m_database).requirePatient(caller, patientId); !allowed)
        return fail(allowed.error());
    if (title.trimmed().isEmpty() || title.size() > kMaxTitleLength)
        return fail(ErrorCode::InvalidInput, QStringLiteral("A title is 1–%1 characters.").arg(kMaxTitleLength));
    if (auto ok = checkBody(body); !ok)
        return fail(ok.error());
    auto units = auth::AccountRepository(m_database).patientUnits(patientId);
    if (!units)
        return fail(units.error());
    QString unitId;
    for (const QString &unit : caller.unitIds)
        if (units->contains(unit)) {
            unitId = unit;
            break;
        }
    if (unitId.isEmpty())
        return fail(Error::notFound(QStringLiteral("No such patient.")));

    InboxItem item = newChat(unitId, patientId, title.trimmed(), now);
    item.priorityReason = QStringLiteral("Kontakt initierad av vårdpersonal");
    item.state = inbox::State::Claimed; // inserted as claimed; the first message makes it wait
    item.ownerId = caller.id;
    item.claimedAt = now;
    auto next = afterStaffMessage(item, caller.id, false, now);
    if (!next)
        return fail(next.error());
    if (auto inserted = inbox::InboxRepository(m_database).insert(*next); !inserted)
        return fail(inserted.error());
    const ChatMessage message = firstMessage(item.id, ChatMessage::Author::Staff, caller, body, now);
    if (auto inserted = ChatRepository(m_database).insert(message, unitId); !inserted)
        return fail(inserted.error());
    return Posted{message, *next, false};
}

Result<Conversation::Posted> Conversation::startAsPatient(const auth::Caller &patient, const QString &body, qint64 now,
                                                          const QString &title)
{
    if (!patient.isPatient())
        return fail(ErrorCode::Forbidden, QStringLiteral("Only the patient writes as the patient."));
    if (auto ok = checkBody(body); !ok)
        return fail(ok.error());
    auto units = auth::AccountRepository(m_database).patientUnits(patient.id);
    if (!units)
        return fail(units.error());
    if (units->isEmpty())
        return fail(Error::notFound(QStringLiteral("There is no care unit to write to.")));
    InboxItem item = newChat(units->constFirst(), patient.id,
                             title.isEmpty() ? QStringLiteral("Meddelande via patientportalen") : title, now);
    item.priorityReason = QStringLiteral("Nytt meddelande från patient, ej bedömt");
    if (auto inserted = inbox::InboxRepository(m_database).insert(item); !inserted)
        return fail(inserted.error());
    const ChatMessage message = firstMessage(item.id, ChatMessage::Author::Patient, patient, body, now);
    if (auto inserted = ChatRepository(m_database).insert(message, item.unitId); !inserted)
        return fail(inserted.error());
    return Posted{message, item, false};
}

Result<std::optional<QString>> Conversation::newestOpenThreadIn(const QString &patientId, const QString &unitId)
{
    auto id = m_database.scalar(
        QStringLiteral("SELECT id FROM inbox_items WHERE patient_id = ? AND unit_id = ? AND kind = 'chat' "
                       "AND state <> 'done' ORDER BY last_activity_at DESC, id LIMIT 1"),
        {patientId, unitId});
    if (!id)
        return fail(id.error());
    if (id->isNull())
        return std::optional<QString>{};
    return std::optional<QString>(id->toString());
}

} // namespace nara::chat
