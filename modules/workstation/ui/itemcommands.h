#pragma once

#include "workstation/ui/writesink.h"

#include "foundation/core/error.h"
#include "inbox/core/inboxitem.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace nara {
class Clock;
}

namespace nara::workstation {

class InboxStore;

// What the signed-in clinician does to inbox items. Each command becomes one PendingWrite (new
// idempotency key, path from docs/api/contract.md) for the sync engine's outbox and an optimistic
// change in the store, undone if the server finally rejects the write.
class ItemCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemCommands)
public:
    ItemCommands(InboxStore &store, WriteSink &sink, const Clock &clock, QObject *parent = nullptr);
    ~ItemCommands() override;

    void setCurrentStaff(const QString &staffId, const QString &displayName);
    QString currentStaffId() const { return m_staffId; }

    // Each returns how many writes it submitted (items already in the asked-for state are skipped).
    int claim(const QStringList &itemIds);
    int release(const QStringList &itemIds);
    int assign(const QStringList &itemIds, const QString &staffId);
    int close(const QStringList &itemIds, const QString &note = {});
    int reopen(const QString &itemId, const QString &reason);
    int markRead(const QStringList &itemIds);
    // Opening an item: marks it read and records the read in the audit log.
    void open(const QString &itemId);
    // Returns the new message's id.
    QString reply(const QString &itemId, const QString &body, bool staffOnly);
    // Starts a chat with the patient (POST /api/v1/chats) with `body` as its first message; the
    // item is the server's to create, so chatStarted names it once the write is delivered.
    // Returns the write's id.
    QString startChat(const QString &patientId, const QString &title, const QString &body);

    int pendingCount() const { return int(m_undo.size()); }

public Q_SLOTS:
    void writeDelivered(const QString &writeId, const QByteArray &responseBody);
    void writeRejected(const QString &writeId, const nara::Error &error);

Q_SIGNALS:
    void rejected(const QString &itemId, const QString &message);
    void chatStarted(const QString &itemId);

private:
    struct Undo
    {
        QString itemId;
        std::optional<inbox::InboxItem> before; // the item as it was
        QString messageId; // a pending reply to drop
    };
    QString submit(const QString &itemId, const QString &action, const QJsonObject &body);
    void applyOptimistic(const QString &writeId, inbox::InboxItem changed);

    InboxStore &m_store;
    WriteSink &m_sink;
    const Clock &m_clock;
    QString m_staffId;
    QString m_displayName;
    QHash<QString, Undo> m_undo;
    QHash<QString, QString> m_chatStarts; // write id → patient id
};

} // namespace nara::workstation
