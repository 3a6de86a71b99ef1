#pragma once

#include <QJsonObject>
#include <QString>

namespace nara::inbox {

// "Staff member X has read item Y up to time T" (contract entity inbox_read): per-user state, so
// its change-log entries are visible only to that staff member.
struct InboxRead
{
    QString itemId;
    QString staffId;
    qint64 readAt = 0;

    // The change-log entity id: one entry per (item, staff member), so compaction keeps the newest.
    QString entityId() const { return itemId + u'/' + staffId; }
    QJsonObject toJson() const
    {
        return QJsonObject{{QStringLiteral("itemId"), itemId},
                           {QStringLiteral("staffId"), staffId},
                           {QStringLiteral("readAt"), readAt}};
    }
    bool operator==(const InboxRead &) const = default;
};

} // namespace nara::inbox
