#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::monitoring {

// What a clinician does about alerts and plans, as writes for the outbox (docs/api/contract.md,
// "Monitoring plans and alert handling"): each becomes one PendingWrite with a new idempotency key
// and returns its id. The changed item or plan comes back through /sync.
class MonitoringCommands final
{
public:
    static constexpr int kMaxNoteLength = 4000;

    MonitoringCommands(sync::WriteSink &sink, const Clock &clock);

    // POST /api/v1/items/{id}/close {"note"}: the alert is handled. The note is required here.
    QString close(const QString &itemId, const QString &note);
    // POST /api/v1/items/{id}/escalate {"staffId","note"?}: to a GP of the item's unit.
    QString escalate(const QString &itemId, const QString &staffId, const QString &note);
    // POST /api/v1/patients/{id}/monitoring-plan {"plan","version"?}; plan nullopt ends monitoring
    // (plan null). `version`: the stored record's, 0 when the patient has none (the server refuses
    // a stale one with 409); nullopt saves unconditionally.
    QString savePlan(const QString &patientId, const std::optional<QJsonObject> &plan, std::optional<qint64> version);

private:
    QString submit(const QString &path, const QJsonObject &body, const QString &itemId);

    sync::WriteSink &m_sink;
    const Clock &m_clock;
};

} // namespace nara::monitoring
