#include "sweeprunner.h"

#include "sync/core/changelog.h"

#include <QLoggingCategory>

namespace nara {

namespace {

Q_LOGGING_CATEGORY(lcSweep, "nara.sweep")

} // namespace

void SweepRunner::runOnce()
{
    auto before = sync::ChangeLog(m_database).latest();
    for (const Named &named : std::as_const(m_sweeps)) {
        auto changed = named.sweep(m_database, m_clock);
        if (!changed)
            qCWarning(lcSweep, "%s failed: %s", qPrintable(named.name), qPrintable(changed.error().message));
        else if (*changed > 0)
            qCInfo(lcSweep, "%s: %d", qPrintable(named.name), *changed);
    }
    auto after = sync::ChangeLog(m_database).latest();
    if (before && after && *after > *before && m_announceChange)
        m_announceChange(*after);
}

void SweepRunner::start(int intervalSeconds)
{
    runOnce();
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { runOnce(); });
    m_timer.start(intervalSeconds * 1000);
}

} // namespace nara
