#pragma once

#include "foundation/core/clock.h"
#include "foundation/core/error.h"
#include "storage/core/database.h"

#include <QList>
#include <QString>
#include <QTimer>

#include <functional>

namespace nara {

// The server's periodic job (docs/api/contract.md, "Forms", overdue job): a list of sweeps run on
// the main thread with a database connection of their own, once at start and then every interval.
// A sweep returns how many things it changed; the runner logs names and counts only (never patient
// data), carries on with the next sweep when one fails, and tells connected workstations when the
// change log grew (push hint).
class SweepRunner
{
public:
    using Sweep = std::function<Result<int>(storage::Database &database, const Clock &clock)>;

    SweepRunner(storage::Database &database, const Clock &clock, std::function<void(qint64 seq)> announceChange)
        : m_database(database)
        , m_clock(clock)
        , m_announceChange(std::move(announceChange))
    {
    }

    void add(const QString &name, Sweep sweep) { m_sweeps.append({name, std::move(sweep)}); }
    // Runs every sweep once, in the order added.
    void runOnce();
    // Runs every sweep now and then every `intervalSeconds` (> 0).
    void start(int intervalSeconds);

private:
    struct Named
    {
        QString name;
        Sweep sweep;
    };

    storage::Database &m_database;
    const Clock &m_clock;
    std::function<void(qint64 seq)> m_announceChange;
    QList<Named> m_sweeps;
    QTimer m_timer;
};

} // namespace nara
