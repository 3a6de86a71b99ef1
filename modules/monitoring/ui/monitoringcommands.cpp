#include "monitoring/ui/monitoringcommands.h"

#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "foundation/core/json.h"
#include "sync/core/writesink.h"

namespace nara::monitoring {

MonitoringCommands::MonitoringCommands(sync::WriteSink &sink, const Clock &clock)
    : m_sink(sink)
    , m_clock(clock)
{
}

QString MonitoringCommands::submit(const QString &path, const QJsonObject &body, const QString &itemId)
{
    sync::PendingWrite write;
    write.id = newId();
    write.method = QStringLiteral("POST");
    write.path = path;
    write.body = json::compact(body);
    write.itemId = itemId;
    write.createdAt = m_clock.nowMs();
    m_sink.submit(write);
    return write.id;
}

QString MonitoringCommands::close(const QString &itemId, const QString &note)
{
    const QString text = note.trimmed().left(kMaxNoteLength);
    if (itemId.isEmpty() || text.isEmpty())
        return {};
    return submit(u"/api/v1/items/" % itemId % u"/close", {{QStringLiteral("note"), text}}, itemId);
}

QString MonitoringCommands::escalate(const QString &itemId, const QString &staffId, const QString &note)
{
    if (itemId.isEmpty() || staffId.isEmpty())
        return {};
    QJsonObject body{{QStringLiteral("staffId"), staffId}};
    if (const QString text = note.trimmed().left(kMaxNoteLength); !text.isEmpty())
        body.insert(QStringLiteral("note"), text);
    return submit(u"/api/v1/items/" % itemId % u"/escalate", body, itemId);
}

QString MonitoringCommands::savePlan(const QString &patientId, const std::optional<QJsonObject> &plan,
                                     std::optional<qint64> version)
{
    if (patientId.isEmpty())
        return {};
    QJsonObject body{{QStringLiteral("plan"), plan ? QJsonValue(*plan) : QJsonValue(QJsonValue::Null)}};
    if (version)
        body.insert(QStringLiteral("version"), *version);
    return submit(u"/api/v1/patients/" % patientId % u"/monitoring-plan", body, {});
}

} // namespace nara::monitoring
