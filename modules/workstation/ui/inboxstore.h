#pragma once

#include "chat/core/chatmessage.h"
#include "inbox/core/inboxitem.h"
#include "sync/core/cachedrecord.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace nara::workstation {

struct PatientInfo
{
    QString name;
    QString personalNumber; // formatted YYYYMMDD-NNNN
};

struct StaffInfo
{
    QString id;
    QString username;
    QString displayName;
    QString role;
    QStringList unitIds = {}; // the care units (from the synced staff entity)
};

// A chat message as the workstation shows it: synced, or written here and not yet back from the
// server ("Sending…").
struct ThreadEntry
{
    chat::ChatMessage message;
    bool pending = false;
};

// The workstation's in-memory view of the inbox: items in arrival order (rows never move or
// disappear, so models can map rows 1:1), plus the reference data that explains them (patients,
// staff, read marks) and the threads opened so far. Filled from the LocalCache at start and kept in
// step by SyncEngine signals; optimistic local changes go through the same upsert.
class InboxStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxStore)
public:
    // One item plus the text derived from it once, so models allocate nothing per data() call.
    struct Row
    {
        inbox::InboxItem item;
        QString patientText; // "Name, YYYYMMDD-NNNN"
        QString ownerText; // display name, empty for the pool
        QString searchText; // lower-case title + patient name + personnummer (both forms)
        qint64 visitStartsAt = 0; // video items whose visit is synced: when it starts
        qint64 visitWaitingSince = 0; // … and since when the patient waits (0: not waiting)
        bool unread = true;
    };

    using MessageLoader = std::function<QList<chat::ChatMessage>(const QString &itemId)>;

    explicit InboxStore(QObject *parent = nullptr);
    ~InboxStore() override;

    int count() const { return int(m_rows.size()); }
    const Row &row(int index) const { return m_rows.at(index); }
    int indexOf(const QString &itemId) const { return m_index.value(itemId, -1); }
    const inbox::InboxItem *item(const QString &itemId) const;

    // Replaces everything (initial load from the cache, or a re-sync from 0).
    void reset(QList<inbox::InboxItem> items);
    // Inserts new items and updates known ones; an incoming older version never overwrites a newer.
    void upsert(const QList<inbox::InboxItem> &items);
    // Unconditionally replaces a known item (optimistic change, or undoing one).
    void replace(const inbox::InboxItem &item);

    void setPatients(QHash<QString, PatientInfo> patients);
    void setStaff(QList<StaffInfo> staff);
    const QList<StaffInfo> &staff() const { return m_staff; }
    QString staffName(const QString &staffId) const;
    PatientInfo patient(const QString &patientId) const { return m_patients.value(patientId); }
    const QHash<QString, PatientInfo> &patients() const { return m_patients; }
    void setReadMarks(QHash<QString, qint64> readMarks);
    void markRead(const QString &itemId, qint64 at);

    // Generic synced records (visits; later forms, alerts, referrals), newest version winning.
    // reset: everything of the entities given (initial load, re-sync); upsert: after a pull.
    void resetRecords(const QStringList &entities, const QList<sync::CachedRecord> &records);
    void upsertRecords(const QList<sync::CachedRecord> &records);
    QJsonObject record(const QString &entity, const QString &id) const;
    // Every record of `entity` whose "patientId" is `patientId` (all of them when it is empty), in no
    // particular order.
    QList<QJsonObject> records(const QString &entity, const QString &patientId = {}) const;
    // For a pane that shows one item: calls `refresh` whenever that item's row changes, records that
    // `concerns` says are its own change, the staff list changes or the store is reset. Stops when
    // `receiver` is destroyed.
    using RecordFilter = std::function<bool(const QString &entity, const QStringList &ids)>;
    void followShownItem(QObject *receiver, std::function<QString()> shownItemId, RecordFilter concerns,
                         std::function<void()> refresh);
    // The `visit` record of a video item; empty when not synced (yet).
    QJsonObject visitForItem(const QString &itemId) const;

    // Threads: loaded on first use through the loader (the LocalCache in the app).
    void setMessageLoader(MessageLoader loader) { m_loader = std::move(loader); }
    QList<ThreadEntry> thread(const QString &itemId);
    void upsertMessages(const QList<chat::ChatMessage> &messages);
    void addPendingMessage(const chat::ChatMessage &message);
    void dropPendingMessage(const QString &itemId, const QString &messageId);

Q_SIGNALS:
    void aboutToAppend(int first, int last);
    void appended(const QList<nara::inbox::InboxItem> &items);
    void rowsChanged(int first, int last);
    void aboutToReset();
    void resetDone();
    void threadChanged(const QString &itemId);
    void staffChanged();
    // A record changed (or arrived); for visits also visitChanged with the item's id.
    void recordsChanged(const QString &entity, const QStringList &ids);
    void visitChanged(const QString &itemId);
    // A visit's patient entered the waiting room (a pulled change, not the initial load).
    void patientStartedWaiting(const QString &itemId);

private:
    void derive(Row &row) const;
    void rederiveAll();
    void emitChanged(QList<int> rows);
    bool isUnread(const inbox::InboxItem &item) const;

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, PatientInfo> m_patients;
    QList<StaffInfo> m_staff;
    QHash<QString, QString> m_staffNames;
    QHash<QString, qint64> m_readMarks;
    QHash<QString, QList<ThreadEntry>> m_threads;
    QHash<QString, QHash<QString, sync::CachedRecord>> m_records; // entity → id → record
    QHash<QString, QString> m_visitByItem; // item id → visit id
    MessageLoader m_loader;
};

} // namespace nara::workstation
