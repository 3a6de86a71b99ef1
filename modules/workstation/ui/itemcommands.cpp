#include "workstation/ui/itemcommands.h"

#include "chat/core/chatmessage.h"
#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "sync/core/pendingwrite.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/writesink.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace nara::workstation {

using inbox::InboxItem;
using inbox::State;

ItemCommands::ItemCommands(InboxStore &store, WriteSink &sink, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sink(sink)
    , m_clock(clock)
{
}

ItemCommands::~ItemCommands() = default;

void ItemCommands::setCurrentStaff(const QString &staffId, const QString &displayName)
{
    m_staffId = staffId;
    m_displayName = displayName;
}

QString ItemCommands::submit(const QString &itemId, const QString &path, const QJsonObject &body)
{
    sync::PendingWrite write;
    write.id = newId();
    write.method = QStringLiteral("POST");
    write.path = path;
    write.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    write.itemId = itemId;
    write.createdAt = m_clock.nowMs();
    m_sink.submit(write);
    return write.id;
}

static QString itemPath(const QString &itemId, QStringView action)
{
    return u"/api/v1/items/" % itemId % u'/' % action;
}

void ItemCommands::applyOptimistic(const QString &writeId, InboxItem changed)
{
    const InboxItem *before = m_store.item(changed.id);
    m_undo.insert(writeId, {changed.id, before ? std::optional(*before) : std::nullopt, {}});
    changed.updatedAt = m_clock.nowMs();
    m_store.replace(changed);
}

int ItemCommands::claim(const QStringList &itemIds)
{
    int submitted = 0;
    for (const QString &id : itemIds) {
        const InboxItem *item = m_store.item(id);
        if (!item || item->state == State::Done || item->ownerId == m_staffId)
            continue;
        InboxItem changed = *item;
        const QString writeId = submit(id, itemPath(id, u"claim"), {});
        changed.ownerId = m_staffId;
        changed.state = State::Claimed;
        changed.claimedAt = m_clock.nowMs();
        applyOptimistic(writeId, std::move(changed));
        ++submitted;
    }
    return submitted;
}

int ItemCommands::release(const QStringList &itemIds)
{
    int submitted = 0;
    for (const QString &id : itemIds) {
        const InboxItem *item = m_store.item(id);
        if (!item || item->state == State::Done || item->ownerId.isEmpty())
            continue;
        InboxItem changed = *item;
        const QString writeId = submit(id, itemPath(id, u"release"), {});
        changed.ownerId.clear();
        changed.state = State::New;
        changed.waitingOn = inbox::WaitingOn::Nobody;
        applyOptimistic(writeId, std::move(changed));
        ++submitted;
    }
    return submitted;
}

int ItemCommands::assign(const QStringList &itemIds, const QString &staffId)
{
    int submitted = 0;
    for (const QString &id : itemIds) {
        const InboxItem *item = m_store.item(id);
        if (!item || staffId.isEmpty() || item->state == State::Done || item->ownerId == staffId)
            continue;
        InboxItem changed = *item;
        const QString writeId = submit(id, itemPath(id, u"assign"), {{QStringLiteral("staffId"), staffId}});
        changed.ownerId = staffId;
        changed.state = State::Claimed;
        changed.claimedAt = m_clock.nowMs();
        applyOptimistic(writeId, std::move(changed));
        ++submitted;
    }
    return submitted;
}

int ItemCommands::close(const QStringList &itemIds, const QString &note)
{
    int submitted = 0;
    for (const QString &id : itemIds) {
        const InboxItem *item = m_store.item(id);
        if (!item || item->state == State::Done)
            continue;
        QJsonObject body;
        if (!note.trimmed().isEmpty())
            body.insert(QStringLiteral("note"), note.trimmed());
        InboxItem changed = *item;
        const QString writeId = submit(id, itemPath(id, u"close"), body);
        changed.state = State::Done;
        changed.waitingOn = inbox::WaitingOn::Nobody;
        applyOptimistic(writeId, std::move(changed));
        ++submitted;
    }
    return submitted;
}

int ItemCommands::reopen(const QString &itemId, const QString &reason)
{
    const InboxItem *item = m_store.item(itemId);
    if (!item || item->state != State::Done || reason.trimmed().isEmpty())
        return 0;
    InboxItem changed = *item;
    const QString writeId = submit(itemId, itemPath(itemId, u"reopen"), {{QStringLiteral("reason"), reason.trimmed()}});
    changed.state = State::InProgress;
    applyOptimistic(writeId, std::move(changed));
    return 1;
}

int ItemCommands::markRead(const QStringList &itemIds)
{
    int submitted = 0;
    for (const QString &id : itemIds) {
        const int row = m_store.indexOf(id);
        if (row < 0 || !m_store.row(row).unread)
            continue;
        submit(id, itemPath(id, u"read"), {});
        m_store.markRead(id, m_clock.nowMs());
        ++submitted;
    }
    return submitted;
}

void ItemCommands::open(const QString &itemId)
{
    const InboxItem *item = m_store.item(itemId);
    if (!item)
        return;
    const QString patientId = item->patientId;
    markRead({itemId});
    // A read of patient data shown from the local cache: the server cannot see it, so we report it.
    if (patientId.isEmpty())
        return;
    const QJsonObject event{{QStringLiteral("action"), QStringLiteral("read")},
                            {QStringLiteral("patientId"), patientId},
                            {QStringLiteral("object"), QString(u"inbox_item:" % itemId)},
                            {QStringLiteral("at"), m_clock.nowMs()}};
    submit(itemId, QStringLiteral("/api/v1/audit/events"), {{QStringLiteral("events"), QJsonArray{event}}});
}

QString ItemCommands::reply(const QString &itemId, const QString &body, bool staffOnly)
{
    const QString text = body.trimmed();
    if (text.isEmpty() || text.size() > chat::ChatMessage::kMaxBodyLength || !m_store.item(itemId))
        return {};
    chat::ChatMessage message;
    message.id = newId();
    message.itemId = itemId;
    message.author = chat::ChatMessage::Author::Staff;
    message.authorId = m_staffId;
    message.authorName = m_displayName;
    message.body = text;
    message.staffOnly = staffOnly;
    message.createdAt = m_clock.nowMs();
    const QString writeId = submit(
        itemId, itemPath(itemId, u"messages"),
        {{QStringLiteral("id"), message.id}, {QStringLiteral("body"), text}, {QStringLiteral("staffOnly"), staffOnly}});
    m_undo.insert(writeId, {itemId, std::nullopt, message.id});
    m_store.addPendingMessage(message);
    return message.id;
}

QString ItemCommands::startChat(const QString &patientId, const QString &title, const QString &body)
{
    const QString writeId = submit(
        QString(), QStringLiteral("/api/v1/chats"),
        {{QStringLiteral("patientId"), patientId}, {QStringLiteral("title"), title}, {QStringLiteral("body"), body}});
    m_chatStarts.insert(writeId, patientId);
    return writeId;
}

void ItemCommands::writeDelivered(const QString &writeId, const QByteArray &responseBody)
{
    const Undo undo = m_undo.take(writeId);
    const QJsonObject answer = QJsonDocument::fromJson(responseBody).object();
    if (m_chatStarts.remove(writeId)) {
        // {"item","message"}: shown at once, without waiting for the next pull.
        auto item = InboxItem::fromJson(answer.value(u"item").toObject());
        if (!item)
            return;
        m_store.upsert({*item});
        if (auto message = chat::ChatMessage::fromJson(answer.value(u"message").toObject()); message)
            m_store.upsertMessages({*message});
        Q_EMIT chatStarted(item->id);
        return;
    }
    if (!undo.messageId.isEmpty()) {
        if (auto message = chat::ChatMessage::fromJson(answer); message && !message->id.isEmpty())
            m_store.upsertMessages({*message});
        return;
    }
    // Item routes answer with the item: show the server's word without waiting for the next pull.
    if (answer.contains(QStringLiteral("kind")) && answer.contains(QStringLiteral("version"))) {
        if (auto item = InboxItem::fromJson(answer))
            m_store.upsert({*item});
    }
}

void ItemCommands::writeRejected(const QString &writeId, const Error &error)
{
    if (m_chatStarts.remove(writeId)) {
        Q_EMIT rejected(QString(), tr("The chat was not started: %1").arg(error.message));
        return;
    }
    const auto found = m_undo.constFind(writeId);
    if (found == m_undo.cend())
        return;
    const Undo undo = *found;
    m_undo.erase(found);
    if (undo.before)
        m_store.replace(*undo.before);
    if (!undo.messageId.isEmpty())
        m_store.dropPendingMessage(undo.itemId, undo.messageId);
    Q_EMIT rejected(undo.itemId, error.message);
}

} // namespace nara::workstation
