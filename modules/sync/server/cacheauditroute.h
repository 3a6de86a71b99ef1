#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::sync {

// POST /api/v1/audit/events: reads a workstation made from its offline cache, logged there and
// sent through its outbox when it is online again (REFERENCE.md §3). An idempotent write like any
// other, so a retried batch is logged once. A read of a patient the caller may no longer see (the
// care relation ended while the workstation was offline) still happened: it is logged with
// outcome "denied-now" for the sample checks, never dropped.
void installCacheAuditRoute(QHttpServer &server, WorkerContext &context);

} // namespace nara::sync
