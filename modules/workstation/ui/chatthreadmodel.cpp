#include "workstation/ui/chatthreadmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace nara::workstation {

ChatThreadModel::ChatThreadModel(InboxStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(&m_store, &InboxStore::threadChanged, this, [this](const QString &itemId) {
        if (itemId == m_itemId)
            reload();
    });
}

void ChatThreadModel::setItem(const QString &itemId)
{
    m_itemId = itemId;
    reload();
}

// A thread holds tens of messages, not thousands: a reset is the simple and honest update here.
void ChatThreadModel::reload()
{
    beginResetModel();
    m_entries = m_itemId.isEmpty() ? QList<ThreadEntry>() : m_store.thread(m_itemId);
    endResetModel();
}

int ChatThreadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ChatThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ThreadEntry &entry = m_entries.at(index.row());
    const chat::ChatMessage &message = entry.message;
    const bool fromPatient = message.author == chat::ChatMessage::Author::Patient;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        const QString when = QDateTime::fromMSecsSinceEpoch(message.createdAt)
                                 .toLocalTime()
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QString author
            = message.authorName.isEmpty() ? (fromPatient ? tr("Patient") : tr("Staff")) : message.authorName;
        QString header = author % u" \u00b7 " % when;
        if (message.staffOnly)
            header = tr("Internal note") % u" \u2014 " % header;
        if (entry.pending)
            header += u" \u00b7 " % tr("Sending…");
        return QString(header % u'\n' % message.body);
    }
    case Qt::BackgroundRole:
        if (message.staffOnly)
            return QBrush(QColor(0xff, 0xf4, 0xc2));
        if (fromPatient)
            return QBrush(QColor(0xe8, 0xf1, 0xfb));
        return {};
    case Qt::ForegroundRole: return entry.pending ? QVariant(QBrush(QColor(0x60, 0x60, 0x60))) : QVariant();
    case BodyRole: return message.body;
    case AuthorRole: return message.authorName;
    case StaffOnlyRole: return message.staffOnly;
    case PendingRole: return entry.pending;
    case FromPatientRole: return fromPatient;
    case CreatedAtRole: return message.createdAt;
    case MessageIdRole: return message.id;
    default: return {};
    }
}

QHash<int, QByteArray> ChatThreadModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(BodyRole, "body");
    names.insert(AuthorRole, "author");
    names.insert(StaffOnlyRole, "staffOnly");
    names.insert(PendingRole, "pending");
    names.insert(FromPatientRole, "fromPatient");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(MessageIdRole, "messageId");
    return names;
}

} // namespace nara::workstation
