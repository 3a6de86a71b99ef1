#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::monitoring {

// POST /api/v1/portal/measurements (docs/api/contract.md, "Portal"): a patient with a portal
// session reports up to 10 measurements and an optional remark; an Idempotency-Key is required
// (sync::runWrite). Every value is checked before anything is stored (400 naming the value); then
// the same storeReport() as the SMS webhook, source portal, in the write's transaction with an
// audit row per stored thing. 201 with the stored measurements and any alerts.
void installPortalMeasurementRoutes(QHttpServer &server, WorkerContext &context);

} // namespace nara::monitoring
