#pragma once

#include <QJsonObject>
#include <QString>

namespace nara::sync {

// A synced entity the cache keeps as its JSON, keyed by entity and id, newest version winning:
// the generic store for entities without columns of their own (visit; later forms, alerts,
// referrals). A new entity only needs its name in LocalCache's list of record entities.
struct CachedRecord
{
    QString entity; // "visit"
    QString id;
    qint64 version = 0;
    QJsonObject data; // the entity as /sync sent it
};

} // namespace nara::sync
