#pragma once

#include <QString>

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::video {

struct Visit;

// What a clinician does to a visit, as writes for the outbox (docs/api/contract.md, issue 3):
// each becomes one PendingWrite with a new idempotency key. The visit itself changes when the
// server's answer comes back through /sync. Admitting is not among them: it is online only
// (VisitBooking::admit), as an admit queued offline could let in whoever waits much later.
class VisitCommands final
{
public:
    VisitCommands(sync::WriteSink &sink, const Clock &clock);

    // POST /api/v1/visits/{id}/end with outcome done | follow_up | physical_visit | phone_instead.
    QString end(const Visit &visit, const QString &outcome, const QString &note);

    static bool isOutcome(const QString &outcome);

private:
    sync::WriteSink &m_sink;
    const Clock &m_clock;
};

} // namespace nara::video
