#pragma once

#include "foundation/server/workercontext.h"
#include "sync/server/eventhub.h"

class QHttpServer;

namespace nara::sync {

struct SyncSettings
{
    int defaultPageSize = 1000;
    int maxPageSize = 5000;
};

// GET /api/v1/sync and the /api/v1/events WebSocket (DESIGN.md §4).
void installSyncRoutes(QHttpServer &server, WorkerContext &context, EventHub &hub, const SyncSettings &settings);

} // namespace nara::sync
