#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace nara {

// The one source of "now". Production uses SystemClock; tests use FakeClock (tests/support) so
// expiry, SLA countdowns and "overdue" are tested without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

// A "now" that stands still: for writing what happened at an earlier time through the same code
// (the demo region's history).
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms)
        : m_ms(ms)
    {
    }
    qint64 nowMs() const override { return m_ms; }

private:
    qint64 m_ms;
};

} // namespace nara
