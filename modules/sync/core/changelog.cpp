#include "sync/core/changelog.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace nara::sync {

Result<qint64> ChangeLog::append(const QString &unitId, const QString &entity, const QString &entityId,
                                 const QJsonObject &payload, qint64 at, const QString &staffId)
{
    auto inserted = m_database.query(
        QStringLiteral("INSERT INTO change_log (unit_id, staff_id, entity, entity_id, payload, at) "
                       "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq"),
        {unitId, staffId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(staffId), entity, entityId,
         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), at});
    if (!inserted)
        return fail(inserted.error());
    if (!inserted->next())
        return fail(ErrorCode::Storage, QStringLiteral("change_log insert returned no sequence"));
    return inserted->value(0).toLongLong();
}

Result<ChangeLog::Page> ChangeLog::read(qint64 since, int limit, const QStringList &unitIds, const QString &staffId)
{
    // Read the newest sequence first and only rows up to it: writers are serialised (SQLite's one
    // writer, PostgreSQL's advisory lock in TransactionGuard), so every row at or below a visible
    // newest sequence is committed, and the cursor can safely jump to it.
    auto bounds = m_database.lookupRow(
        QStringLiteral("SELECT (SELECT min_seq FROM sync_floor WHERE id = 1), (SELECT MAX(seq) FROM change_log)"));
    if (!bounds)
        return fail(bounds.error());
    if (!bounds->has_value())
        return fail(ErrorCode::Storage, QStringLiteral("The sync floor is missing."));
    const qint64 floor = (*bounds)->at(0).toLongLong();
    const qint64 newest = (*bounds)->at(1).toLongLong(); // 0 when the log is empty
    if (since > 0 && since < floor)
        return fail(
            ErrorCode::Gone,
            QStringLiteral("The sync cursor %1 predates a reset of the change log; sync again from 0.").arg(since));
    if (since > newest)
        return fail(ErrorCode::Gone,
                    QStringLiteral("The sync cursor %1 is ahead of the server's change log (%2); sync again from 0.")
                        .arg(since)
                        .arg(newest));
    Page page;
    page.next = since;
    if (unitIds.isEmpty() || since == newest)
        return page; // the common poll: nothing new
    // Unit ids come from the session, never from the request; placeholders all the same.
    QString placeholders;
    QVariantList values{since};
    for (const QString &unit : unitIds) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(unit);
    }
    values.append(staffId);
    values.append(newest);
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
        page.next = qMax(page.next, newest);
    return page;
}

Result<QString> ChangeLog::instanceId()
{
    auto existing = m_database.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'instance'"));
    if (!existing)
        return fail(existing.error());
    if (!existing->isNull())
        return existing->toString();
    const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto inserted = m_database.execute(
        QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('instance', ?) ON CONFLICT (key) DO NOTHING"),
        {fresh});
    if (!inserted)
        return fail(inserted.error());
    auto stored = m_database.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'instance'"));
    if (!stored)
        return fail(stored.error());
    return stored->toString();
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
                       "AND newer.unit_id = change_log.unit_id "
                       "AND COALESCE(newer.staff_id, '') = COALESCE(change_log.staff_id, '') "
                       "AND newer.seq > change_log.seq)"),
        {upTo});
    if (!removed)
        return fail(removed.error());
    return qint64(*removed);
}

Result<qint64> ChangeLog::resetCursors()
{
    auto newest = latest();
    if (!newest)
        return fail(newest.error());
    auto removed = compact(*newest);
    if (!removed)
        return removed;
    // Copy the survivors, in order, above the old newest entry; then drop the originals.
    auto copied = m_database.execute(
        QStringLiteral("INSERT INTO change_log (unit_id, staff_id, entity, entity_id, payload, at) "
                       "SELECT unit_id, staff_id, entity, entity_id, payload, at FROM change_log "
                       "WHERE seq <= ? ORDER BY seq"),
        {*newest});
    if (!copied)
        return fail(copied.error());
    if (auto dropped = m_database.execute(QStringLiteral("DELETE FROM change_log WHERE seq <= ?"), {*newest}); !dropped)
        return fail(dropped.error());
    if (auto raised
        = m_database.execute(QStringLiteral("UPDATE sync_floor SET min_seq = ? WHERE id = 1"), {*newest + 1});
        !raised)
        return fail(raised.error());
    return removed;
}

} // namespace nara::sync
