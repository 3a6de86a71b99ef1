#pragma once

#include "serverprocess.h"
#include "testhttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace nara::test {

// What the demo region holds that scenario tests rely on (modules/demo): anna and erik work at
// Vårdcentralen Falkenberg, karin at Vårdcentralen Teleborg, admin everywhere.
inline const QString kFalkenberg = QStringLiteral("unit-falkenberg");
inline const QString kTeleborg = QStringLiteral("unit-teleborg");

// Every change anna (or whoever `http` is logged in as) may see, following the cursor to the end.
inline QList<QJsonObject> syncAll(TestHttp &http, int pageSize = 1000)
{
    QList<QJsonObject> all;
    qint64 since = 0;
    for (int guard = 0; guard < 10000; ++guard) {
        const HttpReply reply = http.get(QStringLiteral("/api/v1/sync?since=%1&limit=%2").arg(since).arg(pageSize));
        if (reply.status != 200)
            return all;
        const QJsonObject page = reply.json();
        for (const QJsonValue &change : page.value(QStringLiteral("changes")).toArray())
            all.append(change.toObject());
        since = page.value(QStringLiteral("next")).toInteger();
        if (!page.value(QStringLiteral("more")).toBool())
            break;
    }
    return all;
}

// The newest state of every inbox item in a list of changes.
inline QHash<QString, QJsonObject> itemsIn(const QList<QJsonObject> &changes)
{
    QHash<QString, QJsonObject> items;
    for (const QJsonObject &change : changes)
        if (change.value(QStringLiteral("entity")).toString() == u"inbox_item")
            items.insert(change.value(QStringLiteral("id")).toString(),
                         change.value(QStringLiteral("data")).toObject());
    return items;
}

// An item of `kind` in `state` with a patient, from a unit's changes.
inline QJsonObject findItem(const QHash<QString, QJsonObject> &items, const QString &state,
                            const QString &kind = QStringLiteral("chat"))
{
    for (const QJsonObject &item : items)
        if (item.value(QStringLiteral("state")).toString() == state
            && item.value(QStringLiteral("kind")).toString() == kind
            && !item.value(QStringLiteral("patientId")).toString().isEmpty())
            return item;
    return {};
}

inline QString problemType(const HttpReply &reply)
{
    return reply.json().value(QStringLiteral("type")).toString();
}

} // namespace nara::test
