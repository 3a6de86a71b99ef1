#pragma once

#include "foundation/core/clock.h"

#include <atomic>

namespace nara::test {

// A clock that moves only when told (KeePassXC's MockClock).
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'764'000'000'000)
        : m_now(startMs)
    {
    }
    qint64 nowMs() const override { return m_now.load(); }
    void advanceMs(qint64 ms) { m_now += ms; }
    void advanceSeconds(qint64 s) { m_now += s * 1000; }
    void setMs(qint64 ms) { m_now = ms; }

private:
    std::atomic<qint64> m_now;
};

} // namespace nara::test
