#include "sync/core/changelog.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace nara::sync {

Result<qint64> ChangeLog::append(const QString &unitId, const QString &entity, const QString &entityId,
                                 const QJsonObject &payload, qint64 at, const QString &staffId)
{
    auto inserted = m_database.query(
        QStringLiteral("INSERT INTO change_log (unit_id, staff_id, entity, entity_id, payload, at) "
                       "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq"),
        {unitId, staffId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(staffId), entity,
         entityId, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), at});
    if (!inserted)
        return fail(inserted.error());
    if (!inserted->next())
        return fail(ErrorCode::Storage, QStringLiteral("change_log insert returned no sequence"));
    return inserted->value(0).toLongLong();
}

Result<ChangeLog::Page> ChangeLog::read(qint64 since, int limit, const QStringList &unitIds,
                                        const QString &staffId)
{
    auto floor = m_database.scalar(QStringLiteral("SELECT min_seq FROM sync_floor WHERE id = 1"));
    if (!floor)
        return fail(floor.error());
    if (since > 0 && since < floor->toLongLong())
        return fail(ErrorCode::Gone,
                    QStringLiteral("The sync cursor %1 is older than the retained change log; sync again from 0.")
                        .arg(since));
    Page page;
    page.next = since;
    if (unitIds.isEmpty())
        return page;
    // Read the newest sequence first and only rows up to it: writers are serialised (SQLite's one
    // writer, PostgreSQL's advisory lock in TransactionGuard), so every row at or below a visible
    // newest sequence is committed, and the cursor can safely jump to it.
    auto newest = latest();
    if (!newest)
        return fail(newest.error());
    // Unit ids come from the session, never from the request; placeholders all the same.
    QString placeholders;
    QVariantList values{since};
    for (const QString &unit : unitIds) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(unit);
    }
    values.append(staffId);
    values.append(*newest);
    values.append(limit + 1);
    auto rows = m_database.query(
        QStringLiteral("SELECT seq, entity, entity_id, payload FROM change_log WHERE seq > ? AND unit_id IN (")
            + placeholders
            + QStringLiteral(") AND (staff_id IS NULL OR staff_id = ?) AND seq <= ? ORDER BY seq LIMIT ?"),
        values);
    if (!rows)
        return fail(rows.error());
    int count = 0;
    while (rows->next()) {
        if (count == limit) {
            page.more = true;
            break;
        }
        ++count;
        const qint64 seq = rows->value(0).toLongLong();
        page.changes.append(QJsonObject{
            {QStringLiteral("seq"), seq},
            {QStringLiteral("entity"), rows->value(1).toString()},
            {QStringLiteral("id"), rows->value(2).toString()},
            {QStringLiteral("data"), QJsonDocument::fromJson(rows->value(3).toString().toUtf8()).object()},
        });
        page.next = seq;
    }
    if (!page.more) // nothing more for this caller: skip other units' entries next time
        page.next = qMax(page.next, *newest);
    return page;
}

Result<qint64> ChangeLog::latest()
{
    auto newest = m_database.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log"));
    if (!newest)
        return fail(newest.error());
    return newest->isNull() ? 0 : newest->toLongLong();
}

Result<qint64> ChangeLog::compact(qint64 upTo)
{
    auto removed = m_database.execute(
        QStringLiteral("DELETE FROM change_log WHERE seq <= ? AND EXISTS (SELECT 1 FROM change_log newer "
                       "WHERE newer.entity = change_log.entity AND newer.entity_id = change_log.entity_id "
                       "AND COALESCE(newer.staff_id, '') = COALESCE(change_log.staff_id, '') "
                       "AND newer.seq > change_log.seq)"),
        {upTo});
    if (!removed)
        return fail(removed.error());
    auto raised = m_database.execute(
        QStringLiteral("UPDATE sync_floor SET min_seq = ? WHERE id = 1 AND min_seq < ?"), {upTo, upTo});
    if (!raised)
        return fail(raised.error());
    return qint64(*removed);
}

} // namespace nara::sync
