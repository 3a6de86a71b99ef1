#pragma once

#include "inbox/core/inboxitem.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/writesink.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nara::test {

inline inbox::InboxItem makeItem(const QString &id, inbox::Priority priority, qint64 createdAt,
                                 inbox::Kind kind = inbox::Kind::Chat, inbox::State state = inbox::State::New)
{
    inbox::InboxItem item;
    item.id = id;
    item.kind = kind;
    item.state = state;
    item.priority = priority;
    item.unitId = QStringLiteral("unit-1");
    item.title = QStringLiteral("Item ") + id;
    item.createdAt = createdAt;
    item.updatedAt = createdAt;
    item.lastActivityAt = createdAt;
    item.dueAt = createdAt + 4 * 3600 * 1000;
    return item;
}

// Captures what the window would hand the sync engine.
class RecordingSink final : public workstation::WriteSink
{
public:
    void submit(const sync::PendingWrite &write) override { writes.append(write); }
    void refresh() override { ++refreshes; }

    QList<sync::PendingWrite> withPath(const QString &path) const
    {
        QList<sync::PendingWrite> found;
        for (const sync::PendingWrite &write : writes)
            if (write.path == path)
                found.append(write);
        return found;
    }
    static QJsonObject body(const sync::PendingWrite &write) { return QJsonDocument::fromJson(write.body).object(); }

    QList<sync::PendingWrite> writes;
    int refreshes = 0;
};

} // namespace nara::test
