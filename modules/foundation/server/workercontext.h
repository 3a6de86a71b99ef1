#pragma once

#include "foundation/core/clock.h"
#include "storage/core/database.h"

#include <functional>

namespace nara {

// What a route handler of one HTTP worker thread may use. Each worker has its own database
// connection; everything else is shared between workers and must be thread-safe.
struct WorkerContext
{
    storage::Database &db;
    const Clock &clock;
    int workerIndex = 0;
    // Tells connected workstations that the change log grew to `seq` (push hint). Thread-safe.
    std::function<void(qint64 seq)> announceChange;
};

} // namespace nara
