#pragma once

#include "sync/core/pendingwrite.h"

namespace nara::sync {

// Where the workstation's writes go: the SyncEngine's outbox in the application, a recording fake
// in tests. The UI never sends a request itself (DESIGN.md §5: the UI never blocks on the network).
class WriteSink
{
public:
    virtual ~WriteSink() = default;
    virtual void submit(const PendingWrite &write) = 0;
    // Ask for a pull now (F5). Optional.
    virtual void refresh() { }
};

} // namespace nara::sync
