#pragma once

#include "foundation/server/workercontext.h"

class QHttpServer;

namespace nara::monitoring {

// Monitoring plans (docs/api/contract.md, "Monitoring plans and alert handling"):
//   GET  /api/v1/monitoring/defaults: the measurement types (LOINC, units, plausible ranges) and
//        the default thresholds a plan starts from;
//   POST /api/v1/patients/{id}/monitoring-plan {"plan": MonitoringPlan JSON | null, "version"?}:
//        saves the patient's plan (null ends monitoring) as the next version, in the change log of
//        the patient's reporting unit (where their measurements and alerts go). 400 naming what is
//        wrong, nothing stored; 409 when `version` is not the stored one; 404 (audited as denied)
//        for a patient of no unit of the caller's. A write like every other (sync::runWrite).
void installMonitoringPlanRoutes(QHttpServer &server, WorkerContext &context);

} // namespace nara::monitoring
