#include "workstation/ui/inboxstore.h"

#include <QSet>

#include <algorithm>

namespace nara::workstation {

InboxStore::InboxStore(QObject *parent)
    : QObject(parent)
{
}
InboxStore::~InboxStore() = default;

const inbox::InboxItem *InboxStore::item(const QString &itemId) const
{
    const int index = indexOf(itemId);
    return index < 0 ? nullptr : &m_rows.at(index).item;
}

bool InboxStore::isUnread(const inbox::InboxItem &item) const
{
    const auto mark = m_readMarks.constFind(item.id);
    return mark == m_readMarks.cend() || *mark < item.lastActivityAt;
}

void InboxStore::derive(Row &row) const
{
    const inbox::InboxItem &item = row.item;
    row.patientText.clear();
    QString search = item.title;
    if (!item.patientId.isEmpty()) {
        const auto patient = m_patients.constFind(item.patientId);
        if (patient != m_patients.cend()) {
            row.patientText = patient->name % u", " % patient->personalNumber;
            QString digits = patient->personalNumber;
            digits.remove(QLatin1Char('-'));
            search += u' ' % patient->name % u' ' % patient->personalNumber % u' ' % digits;
        }
    }
    row.searchText = search.toLower();
    row.ownerText = item.ownerId.isEmpty() ? QString() : m_staffNames.value(item.ownerId);
    row.visitStartsAt = row.visitWaitingSince = 0;
    if (item.kind == inbox::Kind::Video) {
        const QJsonObject visit = visitForItem(item.id);
        row.visitStartsAt = visit.value(QStringLiteral("startsAt")).toInteger();
        if (visit.value(QStringLiteral("state")).toString() == u"waiting")
            row.visitWaitingSince = visit.value(QStringLiteral("patientWaitingSince")).toInteger();
    }
    row.unread = isUnread(item);
}

void InboxStore::rederiveAll()
{
    if (m_rows.isEmpty())
        return;
    for (Row &row : m_rows)
        derive(row);
    Q_EMIT rowsChanged(0, count() - 1);
}

void InboxStore::reset(QList<inbox::InboxItem> items)
{
    Q_EMIT aboutToReset();
    m_rows.clear();
    m_index.clear();
    m_rows.reserve(items.size());
    m_index.reserve(items.size());
    for (inbox::InboxItem &item : items) {
        const auto known = m_index.constFind(item.id);
        if (known != m_index.cend()) {
            m_rows[*known].item = std::move(item);
            derive(m_rows[*known]);
            continue;
        }
        m_index.insert(item.id, int(m_rows.size()));
        Row row;
        row.item = std::move(item);
        derive(row);
        m_rows.append(std::move(row));
    }
    Q_EMIT resetDone();
}

void InboxStore::upsert(const QList<inbox::InboxItem> &items)
{
    QList<int> changed;
    QList<inbox::InboxItem> fresh;
    QHash<QString, int> freshIndex;
    for (const inbox::InboxItem &item : items) {
        const int index = indexOf(item.id);
        if (index >= 0) {
            Row &row = m_rows[index];
            if (item.version < row.item.version || item == row.item)
                continue;
            row.item = item;
            derive(row);
            changed.append(index);
        } else if (const auto again = freshIndex.constFind(item.id); again != freshIndex.cend()) {
            if (item.version >= fresh[*again].version)
                fresh[*again] = item;
        } else {
            freshIndex.insert(item.id, int(fresh.size()));
            fresh.append(item);
        }
    }
    emitChanged(std::move(changed));
    if (fresh.isEmpty())
        return;
    const int first = count();
    Q_EMIT aboutToAppend(first, first + int(fresh.size()) - 1);
    m_rows.reserve(first + fresh.size());
    for (const inbox::InboxItem &item : std::as_const(fresh)) {
        m_index.insert(item.id, int(m_rows.size()));
        Row row;
        row.item = item;
        derive(row);
        m_rows.append(std::move(row));
    }
    Q_EMIT appended(fresh);
}

void InboxStore::replace(const inbox::InboxItem &item)
{
    const int index = indexOf(item.id);
    if (index < 0) {
        upsert({item});
        return;
    }
    m_rows[index].item = item;
    derive(m_rows[index]);
    Q_EMIT rowsChanged(index, index);
}

// Coalesces changed rows into contiguous ranges: one dataChanged per range, not per row.
void InboxStore::emitChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    int first = rows.front();
    int last = first;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows[i] <= last + 1) {
            last = std::max(last, rows[i]);
            continue;
        }
        Q_EMIT rowsChanged(first, last);
        first = last = rows[i];
    }
    Q_EMIT rowsChanged(first, last);
}

void InboxStore::setPatients(QHash<QString, PatientInfo> patients)
{
    m_patients = std::move(patients);
    rederiveAll();
}

void InboxStore::setStaff(QList<StaffInfo> staff)
{
    m_staff = std::move(staff);
    std::sort(m_staff.begin(), m_staff.end(), [](const StaffInfo &a, const StaffInfo &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    m_staffNames.clear();
    for (const StaffInfo &member : std::as_const(m_staff))
        m_staffNames.insert(member.id, member.displayName);
    rederiveAll();
    Q_EMIT staffChanged();
}

QString InboxStore::staffName(const QString &staffId) const
{
    return m_staffNames.value(staffId);
}

void InboxStore::setReadMarks(QHash<QString, qint64> readMarks)
{
    m_readMarks = std::move(readMarks);
    QList<int> changed;
    for (int i = 0; i < count(); ++i) {
        const bool unread = isUnread(m_rows[i].item);
        if (unread != m_rows[i].unread) {
            m_rows[i].unread = unread;
            changed.append(i);
        }
    }
    emitChanged(std::move(changed));
}

void InboxStore::markRead(const QString &itemId, qint64 at)
{
    qint64 &mark = m_readMarks[itemId];
    mark = std::max(mark, at);
    const int index = indexOf(itemId);
    if (index < 0)
        return;
    const bool unread = isUnread(m_rows[index].item);
    if (unread != m_rows[index].unread) {
        m_rows[index].unread = unread;
        Q_EMIT rowsChanged(index, index);
    }
}

namespace {
bool isWaiting(const QJsonObject &visit)
{
    return visit.value(QStringLiteral("state")).toString() == u"waiting"
        && visit.value(QStringLiteral("patientWaitingSince")).toInteger() > 0;
}
} // namespace

void InboxStore::resetRecords(const QStringList &entityList, const QList<sync::CachedRecord> &records)
{
    QSet<QString> entities(entityList.cbegin(), entityList.cend());
    for (const sync::CachedRecord &record : records)
        entities.insert(record.entity);
    for (const QString &entity : std::as_const(entities))
        m_records.remove(entity);
    if (entities.contains(QStringLiteral("visit")))
        m_visitByItem.clear();
    for (const sync::CachedRecord &record : records) {
        m_records[record.entity].insert(record.id, record);
        if (record.entity == u"visit")
            m_visitByItem.insert(record.data.value(QStringLiteral("itemId")).toString(), record.id);
    }
    rederiveAll();
    for (const QString &entity : std::as_const(entities))
        Q_EMIT recordsChanged(entity, m_records.value(entity).keys());
}

void InboxStore::upsertRecords(const QList<sync::CachedRecord> &records)
{
    QHash<QString, QStringList> changed;
    QStringList visitItems;
    QStringList startedWaiting;
    for (const sync::CachedRecord &record : records) {
        auto &known = m_records[record.entity];
        const auto before = known.constFind(record.id);
        if (before != known.cend() && before->version > record.version)
            continue; // an older copy never overwrites a newer one
        const bool wasWaiting = before != known.cend() && record.entity == u"visit" && isWaiting(before->data);
        known.insert(record.id, record);
        changed[record.entity].append(record.id);
        if (record.entity != u"visit")
            continue;
        const QString itemId = record.data.value(QStringLiteral("itemId")).toString();
        m_visitByItem.insert(itemId, record.id);
        visitItems.append(itemId);
        if (!wasWaiting && isWaiting(record.data))
            startedWaiting.append(itemId);
    }
    QList<int> rows;
    for (const QString &itemId : std::as_const(visitItems)) {
        const int index = indexOf(itemId);
        if (index >= 0) {
            derive(m_rows[index]);
            rows.append(index);
        }
    }
    emitChanged(std::move(rows));
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        Q_EMIT recordsChanged(it.key(), it.value());
    for (const QString &itemId : std::as_const(visitItems))
        Q_EMIT visitChanged(itemId);
    for (const QString &itemId : std::as_const(startedWaiting))
        Q_EMIT patientStartedWaiting(itemId);
}

QJsonObject InboxStore::record(const QString &entity, const QString &id) const
{
    return m_records.value(entity).value(id).data;
}

QList<QJsonObject> InboxStore::records(const QString &entity, const QString &patientId) const
{
    QList<QJsonObject> result;
    for (const sync::CachedRecord &record : m_records.value(entity))
        if (patientId.isEmpty() || record.data.value(u"patientId").toString() == patientId)
            result.append(record.data);
    return result;
}

void InboxStore::followShownItem(QObject *receiver, std::function<QString()> shownItemId, RecordFilter concerns,
                                 std::function<void()> refresh)
{
    connect(this, &InboxStore::recordsChanged, receiver,
            [concerns, refresh](const QString &entity, const QStringList &ids) {
                if (concerns(entity, ids))
                    refresh();
            });
    connect(this, &InboxStore::rowsChanged, receiver, [this, shownItemId, refresh](int first, int last) {
        const int row = indexOf(shownItemId());
        if (row >= first && row <= last)
            refresh();
    });
    connect(this, &InboxStore::staffChanged, receiver, refresh);
    connect(this, &InboxStore::resetDone, receiver, refresh);
}

QJsonObject InboxStore::visitForItem(const QString &itemId) const
{
    const auto visitId = m_visitByItem.constFind(itemId);
    return visitId == m_visitByItem.cend() ? QJsonObject() : record(QStringLiteral("visit"), *visitId);
}

QList<ThreadEntry> InboxStore::thread(const QString &itemId)
{
    auto known = m_threads.find(itemId);
    if (known == m_threads.end()) {
        QList<ThreadEntry> entries;
        if (m_loader) {
            const QList<chat::ChatMessage> messages = m_loader(itemId);
            for (const chat::ChatMessage &message : messages)
                entries.append({message, false});
        }
        known = m_threads.insert(itemId, entries);
    }
    return *known;
}

void InboxStore::upsertMessages(const QList<chat::ChatMessage> &messages)
{
    QList<QString> touched;
    for (const chat::ChatMessage &message : messages) {
        auto thread = m_threads.find(message.itemId);
        if (thread == m_threads.end())
            continue; // not opened yet: loaded from the cache on first use
        auto same = std::find_if(thread->begin(), thread->end(),
                                 [&](const ThreadEntry &entry) { return entry.message.id == message.id; });
        if (same != thread->end())
            *same = {message, false};
        else
            thread->append({message, false});
        std::stable_sort(thread->begin(), thread->end(), [](const ThreadEntry &a, const ThreadEntry &b) {
            if (a.pending != b.pending)
                return !a.pending; // pending ones stay last until they come back
            return a.message.createdAt < b.message.createdAt;
        });
        if (!touched.contains(message.itemId))
            touched.append(message.itemId);
    }
    for (const QString &itemId : std::as_const(touched))
        Q_EMIT threadChanged(itemId);
}

void InboxStore::addPendingMessage(const chat::ChatMessage &message)
{
    thread(message.itemId); // make sure it is loaded first
    m_threads[message.itemId].append({message, true});
    Q_EMIT threadChanged(message.itemId);
}

void InboxStore::dropPendingMessage(const QString &itemId, const QString &messageId)
{
    auto thread = m_threads.find(itemId);
    if (thread == m_threads.end())
        return;
    const auto removed
        = thread->removeIf([&](const ThreadEntry &entry) { return entry.pending && entry.message.id == messageId; });
    if (removed > 0)
        Q_EMIT threadChanged(itemId);
}

} // namespace nara::workstation
