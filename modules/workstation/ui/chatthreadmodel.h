#pragma once

#include "workstation/ui/inboxstore.h"

#include <QAbstractListModel>

namespace nara::workstation {

// The messages of one inbox item, oldest first; replies written here show "Sending…" until the
// sync brings them back, and staff-only notes are marked as internal.
class ChatThreadModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatThreadModel)
public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        AuthorRole,
        StaffOnlyRole,
        PendingRole,
        FromPatientRole,
        CreatedAtRole,
        MessageIdRole,
    };

    explicit ChatThreadModel(InboxStore &store, QObject *parent = nullptr);

    void setItem(const QString &itemId);
    QString itemId() const { return m_itemId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();

    InboxStore &m_store;
    QString m_itemId;
    QList<ThreadEntry> m_entries;
};

} // namespace nara::workstation
