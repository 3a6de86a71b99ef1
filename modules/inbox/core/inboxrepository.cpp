#include "inbox/core/inboxrepository.h"

#include "sync/core/changelog.h"

#include <QSqlQuery>

namespace nara::inbox {

namespace {

const QString kColumns
    = QStringLiteral("id, kind, state, waiting_on, priority, priority_reason, unit_id, owner_id, patient_id, title, "
                     "created_at, updated_at, due_at, claimed_at, last_activity_at, version");

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

Result<InboxItem> fromRow(const QSqlQuery &row)
{
    InboxItem item;
    item.id = row.value(0).toString();
    const auto kind = kindFromString(row.value(1).toString());
    const auto state = stateFromString(row.value(2).toString());
    const auto waiting = waitingOnFromString(row.value(3).toString());
    const auto priority = priorityFromString(row.value(4).toString());
    if (!kind || !state || !waiting || !priority)
        return fail(ErrorCode::Storage,
                    QStringLiteral("Inbox item %1 has an unknown kind, state or priority").arg(item.id));
    item.kind = *kind;
    item.state = *state;
    item.waitingOn = *waiting;
    item.priority = *priority;
    item.priorityReason = row.value(5).toString();
    item.unitId = row.value(6).toString();
    item.ownerId = row.value(7).toString();
    item.patientId = row.value(8).toString();
    item.title = row.value(9).toString();
    item.createdAt = row.value(10).toLongLong();
    item.updatedAt = row.value(11).toLongLong();
    item.dueAt = row.value(12).toLongLong();
    item.claimedAt = row.value(13).toLongLong();
    item.lastActivityAt = row.value(14).toLongLong();
    item.version = row.value(15).toLongLong();
    return item;
}

} // namespace

Result<void> InboxRepository::log(const InboxItem &item, qint64 at)
{
    auto seq
        = sync::ChangeLog(m_database).append(item.unitId, QStringLiteral("inbox_item"), item.id, item.toJson(), at);
    if (!seq)
        return fail(seq.error());
    return {};
}

Result<void> InboxRepository::insert(const InboxItem &item)
{
    auto done
        = m_database.execute(QStringLiteral("INSERT INTO inbox_items (") + kColumns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {item.id, toString(item.kind), toString(item.state), nullable(toString(item.waitingOn)),
                              toString(item.priority), item.priorityReason, item.unitId, nullable(item.ownerId),
                              nullable(item.patientId), item.title, item.createdAt, item.updatedAt, item.dueAt,
                              nullable(item.claimedAt), item.lastActivityAt, item.version});
    if (!done)
        return fail(done.error());
    return log(item, item.updatedAt);
}

Result<std::optional<InboxItem>> InboxRepository::byId(const QString &id)
{
    auto rows = m_database.query(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM inbox_items WHERE id = ?"), {id});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<InboxItem>{};
    auto item = fromRow(*rows);
    if (!item)
        return fail(item.error());
    return std::optional<InboxItem>(std::move(*item));
}

Result<InboxItem> InboxRepository::update(const InboxItem &item, qint64 at)
{
    InboxItem next = item;
    next.version = item.version + 1;
    next.updatedAt = at;
    auto done = m_database.execute(
        QStringLiteral("UPDATE inbox_items SET state = ?, waiting_on = ?, priority = ?, priority_reason = ?, "
                       "unit_id = ?, owner_id = ?, patient_id = ?, title = ?, updated_at = ?, due_at = ?, "
                       "claimed_at = ?, last_activity_at = ?, version = ? WHERE id = ? AND version = ?"),
        {toString(next.state), nullable(toString(next.waitingOn)), toString(next.priority), next.priorityReason,
         next.unitId, nullable(next.ownerId), nullable(next.patientId), next.title, next.updatedAt, next.dueAt,
         nullable(next.claimedAt), next.lastActivityAt, next.version, item.id, item.version});
    if (!done)
        return fail(done.error());
    if (*done != 1)
        return fail(ErrorCode::Conflict, QStringLiteral("The item was changed meanwhile; load it again."));
    if (auto logged = log(next, at); !logged)
        return fail(logged.error());
    return next;
}

Result<InboxRead> InboxRepository::markRead(const QString &itemId, const QString &staffId, qint64 at)
{
    auto unit = m_database.scalar(QStringLiteral("SELECT unit_id FROM inbox_items WHERE id = ?"), {itemId});
    if (!unit)
        return fail(unit.error());
    if (unit->isNull())
        return fail(Error::notFound(QStringLiteral("No such item.")));
    auto done
        = m_database.execute(QStringLiteral("INSERT INTO inbox_reads (item_id, staff_id, read_at) VALUES (?, ?, ?) "
                                            "ON CONFLICT (item_id, staff_id) DO UPDATE SET read_at = excluded.read_at"),
                             {itemId, staffId, at});
    if (!done)
        return fail(done.error());
    const InboxRead read{itemId, staffId, at};
    auto seq = sync::ChangeLog(m_database)
                   .append(unit->toString(), QStringLiteral("inbox_read"), read.entityId(), read.toJson(), at, staffId);
    if (!seq)
        return fail(seq.error());
    return read;
}

Result<std::optional<InboxItem>> InboxRepository::newestOpenChatOf(const QString &patientId)
{
    auto rows = m_database.query(QStringLiteral("SELECT ") + kColumns
                                     + QStringLiteral(" FROM inbox_items WHERE patient_id = ? AND kind = 'chat' "
                                                      "AND state <> 'done' ORDER BY last_activity_at DESC, id LIMIT 1"),
                                 {patientId});
    if (!rows)
        return fail(rows.error());
    if (!rows->next())
        return std::optional<InboxItem>{};
    auto item = fromRow(*rows);
    if (!item)
        return fail(item.error());
    return std::optional<InboxItem>(std::move(*item));
}

} // namespace nara::inbox
